import type { Command } from 'commander';
import type { CliEnv, CommonOptions } from './env.js';
import { addCommonOptions, parseNumberOption, resolveCommon } from './common.js';
import { REPORT_FORMAT_NAMES } from './format-names.js';

interface ScoreCliOptions extends CommonOptions {
  outDir?: string;
  allowMissing?: boolean;
  failUnder?: number;
  data?: string[];
}

/** A batch larger than this shows a progress bar on a terminal's stderr. */
const PROGRESS_ABOVE = 200;

export function register(program: Command, env: CliEnv): void {
  const cmd = program
    .command('score')
    .description('score evaluations, recheck self-reported scores, rank a batch / 绩效评价评分')
    .argument('[paths...]', 'files, directories or globs; a folder of project folders is a batch (default: .)');
  addCommonOptions(cmd, REPORT_FORMAT_NAMES, 'table')
    .option('--out-dir <dir>', 'also write one report per project into this folder / 每个项目单独输出报告')
    .option('--allow-missing', 'score an indicator without an actual value as 0 (with a warning) / 缺数据按 0 分计')
    .option('--fail-under <n>', 'exit 1 when a total is below n / 总分低于 n 时退出码为 1', parseNumberOption('--fail-under'))
    .option('--data <file>', 'monitoring CSV for defaults such as the executed amount (repeatable) / 监控数据', (v: string, prev: string[] = []) => [...prev, v])
    .action(async (paths: string[], opts: ScoreCliOptions) => {
      const { lang, color } = resolveCommon(opts, env);
      const [{ score, scoreExitCode, projectReport, reportFileName }, { scoreFormats }, { writeOutput }, { VERSION }, path] = await Promise.all([
        import('../commands/score.js'),
        import('../formats/score/index.js'),
        import('../io/output.js'),
        import('../version.js'),
        import('node:path'),
      ]);
      const progress = progressBar(env);
      const { report, workspace } = await score({
        paths,
        cwd: env.cwd,
        lang,
        policy: opts.policy,
        strategy: opts.strategy,
        encoding: opts.encoding,
        data: opts.data,
        allowMissing: opts.allowMissing,
        failUnder: opts.failUnder,
        onProgress: progress.update,
      });
      progress.done();
      const format = scoreFormats[opts.format as keyof typeof scoreFormats];
      const fopts = { lang, color, version: VERSION, quiet: opts.quiet };
      if (opts.outDir !== undefined) {
        const { mkdir } = await import('node:fs/promises');
        const dir = path.resolve(env.cwd, opts.outDir);
        await mkdir(dir, { recursive: true });
        for (const p of report.projects) {
          const text = format(projectReport(report, p), { ...fopts, color: false });
          await writeOutput(text, { output: path.join(dir, reportFileName(p, opts.format ?? 'table')), cwd: env.cwd, inputs: workspace.inputs });
        }
      }
      await writeOutput(format(report, opts.output ? { ...fopts, color: false } : fopts), { output: opts.output, cwd: env.cwd, inputs: workspace.inputs, stdout: env.stdout });
      env.exitCode = scoreExitCode(report, opts.failUnder);
    });
}

/** A one-line progress bar on stderr, only on a terminal and only for a large batch. */
function progressBar(env: CliEnv): { update: (done: number, total: number) => void; done: () => void } {
  let shown = false;
  let last = -1;
  return {
    update(done, total) {
      if (!env.stderr.isTTY || total <= PROGRESS_ABOVE) return;
      const pct = Math.floor((done / total) * 100);
      if (pct === last && done !== total) return;
      last = pct;
      shown = true;
      const width = 30;
      const fill = Math.round((done / total) * width);
      env.stderr.write(`\r[${'#'.repeat(fill)}${' '.repeat(width - fill)}] ${done}/${total} ${pct}%`);
    },
    done() {
      if (shown) env.stderr.write('\r\x1b[2K');
    },
  };
}
