import { Option, type Command } from 'commander';
import type { CliEnv } from '../../cli/env.js';
import { resolveLang } from '../../i18n/lang.js';

export function register(program: Command, env: CliEnv): void {
  program
    .command('init')
    .description('write a ready-to-edit example project / 生成示例项目')
    .argument('[dir]', 'target directory (default: .)')
    .option('--lang <lang>', 'language of messages / 输出语言')
    .addOption(new Option('-f, --format <format>', 'yaml: an example project; xlsx: a blank 绩效目标申报表 workbook / 示例项目或空白申报表').choices(['yaml', 'xlsx']).default('yaml'))
    .action(async (dir: string | undefined, opts: { lang?: string; format: 'yaml' | 'xlsx' }) => {
      const [{ init }, { t }] = await Promise.all([import('./run.js'), import('../../i18n/index.js')]);
      const res = await init({ cwd: env.cwd, dir, format: opts.format });
      const lang = resolveLang(opts.lang, env.env);
      const xlsx = opts.format === 'xlsx';
      const done = t(lang, xlsx ? 'init.done.xlsx' : 'init.done', { dir: res.dir });
      const next = t(lang, xlsx ? 'init.next.xlsx' : 'init.next', { dir: dir ?? '.', file: res.files[0] });
      env.stdout.write(done + '\n' + res.files.map((f) => `  ${f}`).join('\n') + '\n' + next + '\n');
    });
}
