import type { Command } from 'commander';
import type { CliEnv, CommonOptions } from '../../cli/env.js';
import { addCommonOptions, junitWarningsOption, loadOptions, parseScoreOption, reportPaths, resolveCommon, sarifHelp } from '../../cli/common.js';
import { DEFAULT_VALIDATE_FORMAT, VALIDATE_FORMATS, type ValidateFormatName } from '../../formats/names.js';

interface ReviewCliOptions extends CommonOptions<ValidateFormatName> {
  minScore?: number;
  junitWarnings?: 'output' | 'failure';
}

export function register(program: Command, env: CliEnv): void {
  const cmd = program
    .command('review')
    .description('goal-quality review for budget compilation: score, verdict, required changes / 绩效目标审核')
    .argument('[paths...]', 'files, directories or globs (default: .)');
  addCommonOptions(cmd, VALIDATE_FORMATS, DEFAULT_VALIDATE_FORMAT)
    .addOption(junitWarningsOption())
    .option('--min-score <n>', 'lowest review score that passes, 0-100 (default: the policy, 80) / 通过分数线', parseScoreOption('--min-score'))
    .action(async (paths: string[], opts: ReviewCliOptions) => {
      const { lang, color, width } = resolveCommon(opts, env);
      const [{ review, reviewExitCode }, { validateFormats }, { writeOutput }, { VERSION }] = await Promise.all([
        import('./run.js'),
        import('../../formats/validate/index.js'),
        import('../../io/output.js'),
        import('../../version.js'),
      ]);
      const { report, workspace } = await review({
        paths,
        ...loadOptions(opts, env, lang),
        minScore: opts.minScore,
      });
      const text = validateFormats[opts.format](report, { lang, color, width, version: VERSION, quiet: opts.quiet, junitWarnings: opts.junitWarnings, paths: reportPaths(opts.format, env), ...(opts.format === 'sarif' ? await sarifHelp(env) : {}) });
      await writeOutput(text, { output: opts.output, force: opts.force, cwd: env.cwd, inputs: workspace.inputs, stdout: env.stdout });
      env.exitCode = reviewExitCode(report);
    });
}
