import type { CatalogPair } from '../index.js';

// Messages shared by every command: usage and I/O errors, hints, `bpm init`.
export const common: CatalogPair = {
  en: {
    'internal-error': 'internal error: {message} (run again with --verbose for details)',
    'invalid-option': 'invalid value for {option}: "{value}"',
    'unknown-schema-kind': 'unknown document kind "{kind}"; kinds: {kinds}',
    'init-would-overwrite': 'refusing to overwrite existing files: {files}',
    'init.done': 'Created an example project in {dir}:',
    'init.next': 'Next: edit dossier.yaml, then run `bpm validate {dir}`.',
    'hint.did-you-mean': ' (did you mean "{suggestion}"?)',
    'policy-cycle': 'policy "{file}" extends itself: {chain}',
    'policy-unreadable': 'cannot read policy "{file}" ({reason}); use a built-in policy (self, key) or a ScoringPolicy file',
    'policy-invalid': 'policy "{file}" is not a valid ScoringPolicy ({detail}); run `bpm validate {file}` for details',
    'policy-not-a-policy': '"{file}" is a {kind}, not a ScoringPolicy',
    'is-a-directory': 'expected a file but found a directory',
  },
  zh: {
    'internal-error': '内部错误:{message}(加 --verbose 重新运行可查看详情)',
    'invalid-option': '{option} 的取值无效:"{value}"',
    'unknown-schema-kind': '未知的文档类型"{kind}";可选:{kinds}',
    'init-would-overwrite': '以下文件已存在,拒绝覆盖:{files}',
    'init.done': '已在 {dir} 生成示例项目:',
    'init.next': '下一步:编辑 dossier.yaml,然后运行 `bpm validate {dir}`。',
    'hint.did-you-mean': '(是否应为"{suggestion}"?)',
    'policy-cycle': '评分规则"{file}"循环继承:{chain}',
    'policy-unreadable': '无法读取评分规则"{file}"({reason});请使用内置规则(self、key)或 ScoringPolicy 文件',
    'policy-invalid': '评分规则"{file}"不是有效的 ScoringPolicy({detail});运行 bpm validate {file} 查看详情',
    'policy-not-a-policy': '"{file}"是 {kind},不是 ScoringPolicy',
    'is-a-directory': '应为文件,实际是目录',
  },
};
