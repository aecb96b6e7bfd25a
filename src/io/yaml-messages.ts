// The YAML parser's error messages in Chinese: the `yaml` package words them in English only, so
// under --lang zh the common ones are said in Chinese (by the parser's error code, refined by
// what its message names), the rest keep the parser's English text.
const BY_CODE: Record<string, string> = {
  TAB_AS_INDENT: '不能用 Tab 键缩进，请改用空格',
  BAD_INDENT: '缩进不一致：同一层的各项必须从同一列开始',
  BLOCK_AS_IMPLICIT_KEY: '同一行里不能再嵌套 `键: 值`，请换行并缩进，或给值加引号',
  MULTILINE_IMPLICIT_KEY: '键必须写在一行内（冒号前的内容跨了行，常见于漏写冒号或引号未闭合）',
  UNEXPECTED_TOKEN: '此处出现了不应有的内容（常见于缩进错误或漏写冒号）',
  BAD_SCALAR_START: '不加引号的值不能以 @ 或 ` 等保留字符开头，请给值加引号',
  MULTIPLE_ANCHORS: '一个节点只能有一个锚点（&）',
  MULTIPLE_TAGS: '一个节点只能有一个标签（!）',
  DUPLICATE_KEY: '同一映射中的键重复',
  KEY_OVER_1024_CHARS: '不加引号的键不能超过 1024 个字符',
  BAD_DQ_ESCAPE: '双引号字符串中的转义序列无效（如 \\U 后的码点超出范围）；请检查反斜杠',
  BAD_ALIAS: '别名（*）写法无效',
  BAD_DIRECTIVE: '指令（%）写法无效',
  BLOCK_IN_FLOW: '方括号或花括号内不能使用多行块结构',
  MULTIPLE_DOCS: '文件中有多个 YAML 文档',
  NON_STRING_KEY: '键必须是文本',
  TAG_RESOLVE_FAILED: '无法识别的标签（!）',
};

/** The Chinese wording of a `yaml` parser error, from its code and English message. */
export function yamlDetailZh(code: string | undefined, message: string): string {
  // "Flow sequence in block collection must be sufficiently indented and end with a ]"
  if (code === 'BAD_INDENT' && /end with an? \]/.test(message)) return '方括号没有闭合（或其后的行缩进不足）：请补上 ]';
  if (code === 'BAD_INDENT' && /end with an? \}/.test(message)) return '花括号没有闭合（或其后的行缩进不足）：请补上 }';
  if (code === 'MISSING_CHAR') {
    if (/quote/i.test(message)) return '引号没有闭合：请补上对应的引号';
    if (/\]/.test(message)) return '方括号没有闭合：请补上 ]';
    if (/\}/.test(message)) return '花括号没有闭合：请补上 }';
    if (/map values/i.test(message)) return '键后面缺少冒号和值（`键: 值`）';
    return '缺少必要的字符';
  }
  return (code && BY_CODE[code]) ?? message;
}
