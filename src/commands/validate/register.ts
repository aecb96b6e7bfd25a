import { Option, type Command } from 'commander';
import type { CliEnv, CommonOptions } from '../../cli/env.js';
import { addCommonOptions, junitWarningsOption, loadOptions, parseMaxWarnings, reportPaths, resolveCommon, sarifHelp } from '../../cli/common.js';
import type { ValidateReport } from '../../core/report.js';
import { DEFAULT_VALIDATE_FORMAT, VALIDATE_FORMATS, type ValidateFormatName } from '../../formats/names.js';

export interface ValidateCliOptions extends CommonOptions<ValidateFormatName> {
  maxWarnings?: number;
  cache?: boolean;
  cacheLocation?: string;
  cacheStrategy?: 'content' | 'metadata';
  skipNonBpm?: boolean;
  stdinFilename?: string;
  junitWarnings?: 'output' | 'failure';
}

export function register(program: Command, env: CliEnv): void {
  const cmd = program
    .command('validate')
    .description('check dossiers, evaluations, policies, strategy plans and monitoring CSVs / 校验')
    .argument('[paths...]', 'files, directories or globs (default: .)');
  addCommonOptions(cmd, VALIDATE_FORMATS, DEFAULT_VALIDATE_FORMAT)
    .option('--max-warnings <n>', 'exit 1 when there are more warnings than this; -1: no limit / 警告数上限（-1 不限）', parseMaxWarnings)
    .addOption(junitWarningsOption())
    .option('--stdin-filename <name>', 'the name of the file read from standard input (path `-`): messages use it and `.csv` makes it monitoring data / 标准输入的文件名')
    .option('--skip-non-bpm', 'skip named files that are not bpm documents, as a directory walk does (pre-commit, lint-staged) / 跳过非 bpm 文档')
    .option('--cache', 'reuse the results of an identical earlier run (.bpmcache) / 使用缓存')
    .option('--cache-location <path>', 'cache file or directory (default: .bpmcache) / 缓存位置')
    .addOption(new Option('--cache-strategy <strategy>', 'how unchanged files are recognised / 判断文件未变的方式').choices(['content', 'metadata']).default('content'))
    .action(async (paths: string[], opts: ValidateCliOptions) => {
      const { lang, color, width } = resolveCommon(opts, env);
      const [{ validateRendered, finishValidate, variantOf }, { writeOutput }, { VERSION }] = await Promise.all([
        import('./cache.js'),
        import('../../io/output.js'),
        import('../../version.js'),
      ]);
      const format = opts.format;
      const relative = reportPaths(format, env);
      const fmt = { lang, color, width, version: VERSION, quiet: opts.quiet, paths: relative, junitWarnings: opts.junitWarnings, ...(format === 'sarif' ? await sarifHelp(env) : {}) };
      // The formatters load only when something is rendered (not when the cache has the output).
      let formatters: Promise<typeof import('../../formats/validate/index.js')> | undefined;
      const loadFormatters = () => (formatters ??= import('../../formats/validate/index.js'));
      const render = async (report: ValidateReport) => (await loadFormatters()).validateFormats[format](report, fmt);
      const stdin = paths.includes('-') ? await readStdin(env, opts.stdinFilename) : undefined;
      const load = { paths, ...loadOptions(opts, env, lang), skipNonBpm: opts.skipNonBpm, stdin };
      // Standard input has no fingerprint to keep: a run that reads it is never cached.
      if ((opts.cache || opts.cacheLocation !== undefined) && !stdin) {
        const cache = { location: opts.cacheLocation, strategy: opts.cacheStrategy ?? 'content' } as const;
        const r = await validateRendered(load, cache, { variant: variantOf(format, lang, color, opts.quiet, relative?.root, opts.junitWarnings, width), render });
        await writeOutput(r.text, { output: opts.output, force: opts.force, cwd: env.cwd, inputs: r.inputs, stdout: env.stdout });
        env.exitCode = await finishValidate(r, opts.maxWarnings, env.stderr, lang);
        return;
      }
      void loadFormatters(); // in parallel with validating
      const { validate } = await import('./run.js');
      const { report, workspace } = await validate(load);
      await writeOutput(await render(report), { output: opts.output, force: opts.force, cwd: env.cwd, inputs: workspace.inputs, stdout: env.stdout });
      env.exitCode = await finishValidate(report, opts.maxWarnings, env.stderr, lang);
    });
}

/** Standard input as an input file named --stdin-filename (default `<stdin>.yaml`: a YAML document). */
async function readStdin(env: CliEnv, name: string | undefined) {
  const { readStream, MAX_CSV_STDIN_BYTES, MAX_YAML_BYTES } = await import('../../io/read-file.js');
  const file = name ?? '<stdin>';
  const cap = file.toLowerCase().endsWith('.csv') ? MAX_CSV_STDIN_BYTES : MAX_YAML_BYTES + 1;
  return { name: file, bytes: await readStream(env.stdin, cap) };
}
