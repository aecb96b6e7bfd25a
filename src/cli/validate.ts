import { Option, type Command } from 'commander';
import type { CliEnv, CommonOptions } from './env.js';
import { addCommonOptions, loadOptions, parseNonNegativeInt, resolveCommon } from './common.js';
import { VALIDATE_FORMAT_NAMES } from './format-names.js';

interface ValidateCliOptions extends CommonOptions {
  maxWarnings?: number;
  cache?: boolean;
  cacheLocation?: string;
  cacheStrategy?: 'content' | 'metadata';
}

export function register(program: Command, env: CliEnv): void {
  const cmd = program
    .command('validate')
    .description('check dossiers, evaluations, policies, strategy plans and monitoring CSVs / 校验')
    .argument('[paths...]', 'files, directories or globs (default: .)');
  addCommonOptions(cmd, VALIDATE_FORMAT_NAMES, 'stylish')
    .option('--max-warnings <n>', 'exit 1 when there are more warnings than this / 警告数上限', parseNonNegativeInt('--max-warnings'))
    .option('--cache', 'reuse the results of an identical earlier run (.bpmcache) / 使用缓存')
    .option('--cache-location <path>', 'cache file or directory (default: .bpmcache) / 缓存位置')
    .addOption(new Option('--cache-strategy <strategy>', 'how unchanged files are recognised / 判断文件未变的方式').choices(['content', 'metadata']).default('content'))
    .action(async (paths: string[], opts: ValidateCliOptions) => {
      const { lang, color } = resolveCommon(opts, env);
      const [{ validate, validateExitCode }, { validateFormats }, { writeOutput }, { VERSION }] = await Promise.all([
        import('../commands/validate.js'),
        import('../formats/validate/index.js'),
        import('../io/output.js'),
        import('../version.js'),
      ]);
      const cache = opts.cache || opts.cacheLocation !== undefined ? { location: opts.cacheLocation, strategy: opts.cacheStrategy ?? 'content' } : undefined;
      const { report, workspace } = await validate({ paths, ...loadOptions(opts, env, lang), cache });
      const text = validateFormats[opts.format as keyof typeof validateFormats](report, { lang, color, version: VERSION, quiet: opts.quiet });
      await writeOutput(text, { output: opts.output, cwd: env.cwd, inputs: workspace.inputs, stdout: env.stdout });
      env.exitCode = validateExitCode(report, opts.maxWarnings);
    });
}
