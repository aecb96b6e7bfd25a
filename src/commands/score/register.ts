// Built-in modules by static import: a dynamic import() of one would start the ES module loader
// in the CommonJS bundle (dist/cli.cjs), some 2 ms.
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import type { CliEnv, CommonOptions } from '../../cli/env.js';
import { addCommonOptions, collect, loadOptions, parseScoreOption, resolveCommon } from '../../cli/common.js';
import { BINARY_FORMATS, DEFAULT_SCORE_FORMAT, SCORE_FORMATS, type ScoreFormatName } from '../../formats/names.js';
import { UsageError } from '../../errors.js';

interface ScoreCliOptions extends CommonOptions<ScoreFormatName> {
  outDir?: string;
  allowMissing?: boolean;
  failUnder?: number;
  data?: string[];
  project: string[];
  strictData?: boolean;
}

/** A batch larger than this shows a progress bar on a terminal's stderr. */
const PROGRESS_ABOVE = 200;

export function register(program: Command, env: CliEnv): void {
  const cmd = program
    .command('score')
    .description('score evaluations, recheck self-reported scores, rank a batch / 绩效评价评分')
    .argument('[paths...]', 'files, directories or globs; a folder of project folders is a batch (default: .)');
  addCommonOptions(cmd, SCORE_FORMATS, DEFAULT_SCORE_FORMAT)
    .option('--out-dir <dir>', 'also write one report per project into this folder / 每个项目单独输出报告')
    .option('--allow-missing', 'score an indicator without an actual value as 0 (with a warning) / 缺数据按 0 分计')
    .option('--fail-under <n>', 'exit 1 when a total is below n (0-100) / 总分低于 n 时退出码为 1', parseScoreOption('--fail-under'))
    .option('--data <file>', 'monitoring CSV for defaults such as the executed amount (repeatable) / 监控数据', collect)
    .option('--project <code>', 'only this project (repeatable) / 只评价此项目', collect, [] as string[])
    .option('--strict-data', 'monitoring rows for projects outside the run are errors, not ignored / 不属于本次项目的数据行报错')
    .action(async (paths: string[], opts: ScoreCliOptions) => {
      const { lang, color, width } = resolveCommon(opts, env);
      // A workbook goes to a file (-o), or one per project (--out-dir): never to a terminal.
      const binary = BINARY_FORMATS.has(opts.format);
      const toStdout = opts.output === undefined || opts.output === '-';
      if (binary && toStdout && opts.outDir === undefined) throw new UsageError('binary-needs-output.out-dir', { format: opts.format, example: 'score.xlsx' });
      const [{ score, scoreExitCode, projectReport, reportFileName }, { scoreFormats, scoreStreams }, { writeOutput }, { VERSION }] = await Promise.all([
        import('./run.js'),
        import('../../formats/score/index.js'),
        import('../../io/output.js'),
        import('../../version.js'),
      ]);
      const { t } = await import('../../i18n/index.js');
      const progress = progressBar(env, { files: t(lang, 'score.progress.files'), projects: t(lang, 'score.progress.projects') });
      const { report, inputs } = await score({
        paths,
        ...loadOptions(opts, env, lang),
        data: opts.data,
        allowMissing: opts.allowMissing,
        failUnder: opts.failUnder,
        projects: opts.project,
        strictData: opts.strictData,
        onProgress: progress.update,
      });
      progress.done();
      const format = scoreFormats[opts.format];
      const fopts = { lang, color, width, version: VERSION, quiet: opts.quiet };
      if (opts.outDir !== undefined) {
        const dir = path.resolve(env.cwd, opts.outDir);
        await fsp.mkdir(dir, { recursive: true });
        for (const p of report.projects) {
          const text = format(projectReport(report, p), { ...fopts, color: false, width: undefined });
          await writeOutput(text, { output: path.join(dir, reportFileName(p, opts.format)), force: opts.force, cwd: env.cwd, inputs });
        }
      }
      const stream = scoreStreams[opts.format];
      // With --out-dir alone, a workbook report is the per-project workbooks.
      if (!(binary && toStdout)) {
        await writeOutput(stream(report, opts.output ? { ...fopts, color: false } : fopts), { output: opts.output, force: opts.force, cwd: env.cwd, inputs, stdout: env.stdout });
      }
      env.exitCode = scoreExitCode(report, opts.failUnder);
    });
}

/**
 * A one-line progress bar on stderr, only on a terminal and only for a large batch: first the
 * files being read, then the projects being scored.
 */
function progressBar(env: CliEnv, label: Record<'files' | 'projects', string>): { update: (done: number, total: number, phase: 'files' | 'projects') => void; done: () => void } {
  let shown = false;
  let last = '';
  return {
    update(done, total, phase) {
      // Files come three per project (dossier, evaluation, monitoring): scale the threshold.
      const large = phase === 'files' ? total > PROGRESS_ABOVE * 3 : total > PROGRESS_ABOVE;
      if (!env.stderr.isTTY || !large) return;
      const pct = Math.floor((done / total) * 100);
      const key = `${phase}${pct}`;
      if (key === last && done !== total) return;
      last = key;
      shown = true;
      const width = 30;
      const fill = Math.round((done / total) * width);
      env.stderr.write(`\r\x1b[2K[${'#'.repeat(fill)}${' '.repeat(width - fill)}] ${label[phase]} ${done}/${total} ${pct}%`);
    },
    done() {
      if (shown) env.stderr.write('\r\x1b[2K');
    },
  };
}
