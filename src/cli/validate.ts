import type { Command } from 'commander';
import type { CliEnv, CommonOptions } from './env.js';
import { addCommonOptions, parseNonNegativeInt, resolveCommon } from './common.js';
import { VALIDATE_FORMAT_NAMES } from './format-names.js';

interface ValidateCliOptions extends CommonOptions {
  maxWarnings?: number;
}

export function register(program: Command, env: CliEnv): void {
  const cmd = program
    .command('validate')
    .description('check dossiers, evaluations, policies, strategy plans and monitoring CSVs / 校验')
    .argument('[paths...]', 'files, directories or globs (default: .)');
  addCommonOptions(cmd, VALIDATE_FORMAT_NAMES, 'stylish')
    .option('--max-warnings <n>', 'exit 1 when there are more warnings than this / 警告数上限', parseNonNegativeInt('--max-warnings'))
    .action(async (paths: string[], opts: ValidateCliOptions) => {
      const { lang, color } = resolveCommon(opts, env);
      const [{ validate, validateExitCode }, { validateFormats }, { writeOutput }, { VERSION }] = await Promise.all([
        import('../commands/validate.js'),
        import('../formats/validate/index.js'),
        import('../io/output.js'),
        import('../version.js'),
      ]);
      const { report, workspace } = await validate({ paths, cwd: env.cwd, lang, policy: opts.policy, strategy: opts.strategy, encoding: opts.encoding });
      const text = validateFormats[opts.format as keyof typeof validateFormats](report, { lang, color, version: VERSION, quiet: opts.quiet });
      await writeOutput(text, { output: opts.output, cwd: env.cwd, inputs: workspace.inputs, stdout: env.stdout });
      env.exitCode = validateExitCode(report, opts.maxWarnings);
    });
}
