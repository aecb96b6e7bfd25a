// `bpm validate … --cache` on an unchanged tree, answered before the command-line program is
// built (bin/bpm.js calls this first): building it loads commander and every subcommand's
// options, a sixth of such a run. Only a command line this parser is sure of is taken, one
// commander would parse the same way: known options of `bpm validate`, each at most once, as
// separate words, with values commander accepts. Anything else (help, an unknown or repeated
// option, `--opt=value`, a value that starts with `-` or is not among the choices), and any
// run the cache cannot answer with kept output, returns undefined: main() then parses and runs
// the command as usual. So the fast path prints nothing the usual path would not.
import { cliEnv, type CliEnv } from '../../cli/env.js';
import { VALIDATE_FORMAT_NAMES } from '../../cli/format-names.js';
import { loadOptions, reportPaths, resolveCommon } from '../../cli/resolve.js';
import type { ValidateCliOptions } from './register.js';

type Key = keyof ValidateCliOptions;

/** Every option of `bpm validate` (src/commands/validate/register.ts, common.ts): its key, and whether it takes a value. */
export const FAST_OPTIONS: Readonly<Record<string, readonly [Key, boolean]>> = {
  '-f': ['format', true],
  '--format': ['format', true],
  '-o': ['output', true],
  '--output': ['output', true],
  '--force': ['force', false],
  '--lang': ['lang', true],
  '--policy': ['policy', true],
  '--strategy': ['strategy', true],
  '--encoding': ['encoding', true],
  '-q': ['quiet', false],
  '--quiet': ['quiet', false],
  '--no-color': ['color', false],
  '--color': ['color', false],
  '--verbose': ['verbose', false],
  '--max-warnings': ['maxWarnings', true],
  '--cache': ['cache', false],
  '--skip-non-bpm': ['skipNonBpm', false],
  '--junit-warnings': ['junitWarnings', true],
  '--stdin-filename': ['stdinFilename', true],
  '--cache-location': ['cacheLocation', true],
  '--cache-strategy': ['cacheStrategy', true],
};

/** The paths and options of a `validate` command line, when it is one this parser is sure of. */
export function parseFast(args: readonly string[]): { paths: string[]; opts: ValidateCliOptions } | undefined {
  if (args[0] !== 'validate') return undefined;
  const paths: string[] = [];
  const o: Record<string, string | boolean | number> = {};
  for (let i = 1; i < args.length; i++) {
    const a = args[i];
    if (!a.startsWith('-')) {
      paths.push(a);
      continue;
    }
    const known = Object.hasOwn(FAST_OPTIONS, a) ? FAST_OPTIONS[a] : undefined;
    if (!known) return undefined;
    const [key, takesValue] = known;
    if (key in o) return undefined;
    if (!takesValue) {
      o[key] = a !== '--no-color'; // --no-color sets color: false, as commander does
      continue;
    }
    const value = args[++i];
    if (value === undefined || value.startsWith('-')) return undefined;
    o[key] = value;
  }
  const opts = o as ValidateCliOptions;
  const format = (opts.format ??= 'stylish');
  if (!(VALIDATE_FORMAT_NAMES as readonly string[]).includes(format)) return undefined;
  if (opts.lang !== undefined && opts.lang !== 'zh' && opts.lang !== 'en') return undefined;
  const strategy = (opts.cacheStrategy ??= 'content');
  if (strategy !== 'content' && strategy !== 'metadata') return undefined;
  if (o.maxWarnings !== undefined) {
    if (!/^\d+$/.test(String(o.maxWarnings))) return undefined;
    opts.maxWarnings = Number(o.maxWarnings);
  }
  if (!opts.cache && opts.cacheLocation === undefined) return undefined;
  return { paths, opts };
}

/**
 * Prints the kept output of an unchanged `bpm validate … --cache` run and returns its exit code;
 * undefined when the command line or the cache leaves any doubt (nothing was written then).
 */
export async function fastValidate(argv: string[], partial: Partial<CliEnv> = {}): Promise<number | undefined> {
  const args = argv.slice(2);
  const parsed = parseFast(args);
  if (!parsed) return undefined;
  const env = cliEnv(partial);
  const { paths, opts } = parsed;
  const [{ cachedOutput, finishValidate, variantOf }, { writeOutput }] = await Promise.all([import('./cache.js'), import('../../io/output.js')]);
  const { lang, color } = resolveCommon(opts, env);
  let hit;
  try {
    const cache = { location: opts.cacheLocation, strategy: opts.cacheStrategy ?? 'content' } as const;
    hit = await cachedOutput({ paths, ...loadOptions(opts, env, lang), skipNonBpm: opts.skipNonBpm }, cache, variantOf(opts.format!, lang, color, opts.quiet, reportPaths(opts.format, env)?.root, opts.junitWarnings));
  } catch {
    return undefined; // a missing path, an unreadable directory …: the usual path reports it
  }
  if (!hit) return undefined;
  try {
    await writeOutput(hit.text, { output: opts.output, force: opts.force, cwd: env.cwd, inputs: hit.inputs, stdout: env.stdout });
  } catch (e) {
    const { report } = await import('../../cli.js');
    return report(e, env, opts.verbose === true, args);
  }
  return finishValidate(hit, opts.maxWarnings, env.stderr, lang);
}
