import { Option, type Command } from 'commander';
import type { CliEnv, CommonOptions } from '../../cli/env.js';
import { addCommonOptions, collect, loadOptions, resolveCommon } from '../../cli/common.js';
import { BINARY_FORMATS, DEFAULT_VARIANCE_FORMAT, VARIANCE_FORMATS, type VarianceFormatName } from '../../formats/names.js';
import { UsageError } from '../../errors.js';

interface VarianceCliOptions extends CommonOptions<VarianceFormatName> {
  data: string[];
  period?: string;
  increments?: boolean;
  failOn?: 'red' | 'yellow';
  project: string[];
  strictData?: boolean;
}

export function register(program: Command, env: CliEnv): void {
  const cmd = program
    .command('variance')
    .description('quarterly monitoring: budget and goals, planned vs actual / 绩效运行监控（双监控）')
    .argument('[paths...]', 'dossiers: files, directories or globs (default: .)');
  addCommonOptions(cmd, VARIANCE_FORMATS, DEFAULT_VARIANCE_FORMAT)
    .option('--data <file>', 'monitoring CSV file (repeatable; CSVs beside the dossiers are read too) / 监控数据', collect, [] as string[])
    .option('--period <period>', 'only this period: 2025-Q3, Q3 or 2025-07 / 只报告此期间')
    .option('--increments', 'values are per-period amounts, not cumulative / 数值为当期发生额')
    .option('--project <code>', 'only this project (repeatable) / 只监控此项目', collect, [] as string[])
    .option('--strict-data', 'rows for projects outside the run are errors, not ignored / 不属于本次项目的数据行报错')
    .addOption(new Option('--fail-on <level>', 'exit 1 when any status is at or above this level / 达到此预警级别时退出码为 1').choices(['red', 'yellow']))
    .action(async (paths: string[], opts: VarianceCliOptions) => {
      const { lang, color, width } = resolveCommon(opts, env);
      // A workbook goes to a file (-o), never to a terminal.
      if (BINARY_FORMATS.has(opts.format) && (opts.output === undefined || opts.output === '-')) throw new UsageError('binary-needs-output', { format: opts.format, example: 'variance.xlsx' });
      const [{ variance, varianceExitCode }, { varianceFormats }, { writeOutput }, { VERSION }, { smallHeapSteps }] = await Promise.all([
        import('./run.js'),
        import('../../formats/variance/index.js'),
        import('../../io/output.js'),
        import('../../version.js'),
        import('../../io/engine.js'),
      ]);
      // The peak memory of a big monitoring file near its live set; set once the command's
      // modules are loaded (src/io/engine.ts).
      smallHeapSteps();
      const run = await variance({
        paths,
        ...loadOptions(opts, env, lang),
        data: opts.data,
        period: opts.period,
        increments: opts.increments,
        exact: env.exact,
        projects: opts.project,
        strictData: opts.strictData,
        // The summary formats show only the last period's indicators: the others need not be computed.
        detail: (opts.format === 'table' || opts.format === 'markdown') && opts.failOn === undefined ? 'last' : 'all',
      });
      const chunks = varianceFormats[opts.format](run.report, { lang, color, width, version: VERSION, quiet: opts.quiet });
      await writeOutput(chunks, { output: opts.output, force: opts.force, cwd: env.cwd, inputs: run.inputs, stdout: env.stdout });
      env.exitCode = varianceExitCode(run.outcome(), opts.failOn);
    });
}
