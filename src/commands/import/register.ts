import { Option, type Command } from 'commander';
import type { CliEnv } from '../../cli/env.js';
import { resolveLang } from '../../i18n/lang.js';

interface ImportCliOptions {
  output?: string;
  force?: boolean;
  lang?: string;
  quiet?: boolean;
}

export function register(program: Command, env: CliEnv): void {
  program
    .command('import')
    .description('write the YAML documents read from Excel workbooks (申报表, 自评表, monitoring sheets) / 从 Excel 工作簿导入 YAML')
    .argument('<files...>', '.xlsx workbooks, directories or globs')
    .option('-o, --output <dir>', 'folder for the project folders (default: .) / 输出目录')
    .option('--force', 'write over existing files / 覆盖已有文件')
    .addOption(new Option('--lang <lang>', 'language of messages / 输出语言 (default: from LANG)').choices(['zh', 'en']))
    .option('-q, --quiet', 'errors only / 只显示错误')
    .option('--verbose', 'show stack traces of internal errors / 显示内部错误堆栈')
    .action(async (files: string[], opts: ImportCliOptions) => {
      const lang = resolveLang(opts.lang, env.env);
      const [{ importWorkbooks }, { t }, { renderMessage }, { sortDiagnostics }] = await Promise.all([
        import('./run.js'),
        import('../../i18n/index.js'),
        import('../../i18n/render.js'),
        import('../../core/diagnostics.js'),
      ]);
      const res = await importWorkbooks({ cwd: env.cwd, files, outDir: opts.output, force: opts.force, lang });
      for (const d of sortDiagnostics(res.diagnostics)) {
        if (opts.quiet && d.severity !== 'error') continue;
        const where = d.sheet !== undefined ? `${d.file} ${d.sheet}!${d.cell}` : `${d.file}`;
        env.stderr.write(`${where}  ${t(lang, `fmt.severity.${d.severity}`)}  ${renderMessage(d, lang)}  ${d.code}\n`);
      }
      if (res.written.length === 0 && res.diagnostics.some((d) => d.severity === 'error')) {
        env.stderr.write(t(lang, 'import.nothing-written') + '\n');
        env.exitCode = 1;
        return;
      }
      env.stdout.write(t(lang, 'import.done', { count: res.written.length }) + '\n' + res.written.map((f) => `  ${f}`).join('\n') + '\n');
    });
}
