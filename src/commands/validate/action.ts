// `bpm validate` once its command line is read, by the commander program (register.ts) or by
// the fast path that skips building it (fast.ts): validate (or answer from the cache), render,
// write, and set the exit code.
import type { CliEnv } from '../../cli/env.js';
import { loadOptions, reportPaths, resolveCommon, sarifHelp } from '../../cli/resolve.js';
import type { ValidateReport } from '../../core/report.js';
import type { ValidateCliOptions } from './register.js';

export async function validateCommand(paths: string[], opts: ValidateCliOptions, env: CliEnv): Promise<void> {
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
}

/** Standard input as an input file named --stdin-filename (default `<stdin>.yaml`: a YAML document). */
async function readStdin(env: CliEnv, name: string | undefined) {
  const { readStream, MAX_CSV_STDIN_BYTES, MAX_YAML_BYTES } = await import('../../io/read-file.js');
  const file = name ?? '<stdin>';
  const cap = file.toLowerCase().endsWith('.csv') ? MAX_CSV_STDIN_BYTES : MAX_YAML_BYTES + 1;
  return { name: file, bytes: await readStream(env.stdin, cap) };
}
