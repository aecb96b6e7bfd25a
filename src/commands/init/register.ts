import { Option, type Command } from 'commander';
import type { CliEnv } from '../../cli/env.js';
import { UsageError } from '../../errors.js';
import { resolveLang } from '../../i18n/lang.js';

export function register(program: Command, env: CliEnv): void {
  program
    .command('init')
    .description('write a ready-to-edit example project / 生成示例项目')
    .argument('[dir]', 'target directory (default: .)')
    .option('--lang <lang>', 'language of messages / 输出语言')
    .addOption(new Option('-f, --format <format>', 'yaml: an example project; xlsx: a blank 绩效目标申报表 workbook / 示例项目或空白申报表').choices(['yaml', 'xlsx']).default('yaml'))
    .option('--year <year>', 'fiscal year of the project: the example\'s dates, periods and codes follow it (default: 2025; with --blank, the current year) / 项目年度', parseYear)
    .option('--blank', 'a skeleton to fill in: every required field, placeholders that bpm validate lists until replaced / 生成待填写的空白项目')
    .action(async (dir: string | undefined, opts: { lang?: string; format: 'yaml' | 'xlsx'; year?: number; blank?: boolean }) => {
      const [{ init }, { t }, { PLACEHOLDERS }] = await Promise.all([import('./run.js'), import('../../i18n/index.js'), import('../../io/scalars.js')]);
      const lang = resolveLang(opts.lang, env.env);
      const xlsx = opts.format === 'xlsx';
      const blank = opts.blank === true && !xlsx;
      const year = opts.year ?? (blank ? new Date().getFullYear() : undefined);
      const res = await init({ cwd: env.cwd, dir, format: opts.format, year, ...(blank ? { blank: { todo: PLACEHOLDERS[lang === 'zh' ? 0 : 1] } } : {}) });
      const done = t(lang, xlsx ? 'init.done.xlsx' : blank ? 'init.done.blank' : 'init.done', { dir: res.dir });
      const next = t(lang, xlsx ? 'init.next.xlsx' : blank ? 'init.next.blank' : 'init.next', { dir: dir ?? '.', file: res.files[0] });
      env.stdout.write(done + '\n' + res.files.map((f) => `  ${f}`).join('\n') + '\n' + next + '\n');
    });
}

/** --year: a four-digit fiscal year. */
function parseYear(value: string): number {
  const n = Number(value.trim());
  if (!/^\d{4}$/.test(value.trim()) || n < 1900 || n > 2999) throw new UsageError('invalid-option', { option: '--year', value });
  return n;
}
