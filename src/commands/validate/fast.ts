// `bpm validate` without the command-line program (bin/bpm.js tries this first, from its own
// bundle dist/validate.cjs): building the program loads commander and every subcommand's options,
// a large part of validating a file or two (an editor on save, a pre-commit hook) and most of a
// `--cache` run on an unchanged tree. Only a command line this parser is sure of is taken, one
// commander would parse the same way: known options of `bpm validate`, each at most once, as
// separate words, with values commander accepts. Anything else (help, an unknown or repeated
// option, `--opt=value`, a value that starts with `-` or is not among the choices) returns
// undefined, and main() then parses and runs the command as usual. A line it takes runs the
// command's own action (action.ts), and errors are reported as the program's error boundary
// reports them (cli/report.ts), so the fast path prints nothing the usual path would not.
import { cliEnv, type CliEnv } from '../../cli/env.js';
import { DEFAULT_VALIDATE_FORMAT, formatNames, VALIDATE_FORMATS } from '../../formats/names.js';
import type { ValidateCliOptions } from './register.js';

type Key = keyof ValidateCliOptions;

/** One option of `bpm validate` as commander defines it (register.ts, cli/common.ts). */
export interface FastOption {
  /** The property commander sets. */
  key: Key;
  /** Whether it takes a value (`--format json`); a switch otherwise. */
  takesValue: boolean;
  /** The values commander accepts, when it has a list of them. */
  choices?: readonly string[];
  /** The value commander sets when the option is not given. */
  default?: string;
  /** A `--no-…` switch: it sets its key to false. */
  negate?: boolean;
}

const FORMAT: FastOption = { key: 'format', takesValue: true, choices: formatNames(VALIDATE_FORMATS), default: DEFAULT_VALIDATE_FORMAT };
const OUTPUT: FastOption = { key: 'output', takesValue: true };
const QUIET: FastOption = { key: 'quiet', takesValue: false };

/**
 * Every option of `bpm validate`, by flag: a copy of commander's table, which this module must not
 * load. test/unit/commands/validate/fast.test.ts checks it against the commander definition, flag
 * by flag, and compares what both make of generated command lines.
 */
export const FAST_OPTIONS: Readonly<Record<string, FastOption>> = {
  '-f': FORMAT,
  '--format': FORMAT,
  '-o': OUTPUT,
  '--output': OUTPUT,
  '--force': { key: 'force', takesValue: false },
  '--lang': { key: 'lang', takesValue: true, choices: ['zh', 'en'] },
  '--policy': { key: 'policy', takesValue: true },
  '--strategy': { key: 'strategy', takesValue: true },
  '--encoding': { key: 'encoding', takesValue: true },
  '-q': QUIET,
  '--quiet': QUIET,
  '--color': { key: 'color', takesValue: false },
  '--no-color': { key: 'color', takesValue: false, negate: true },
  '--verbose': { key: 'verbose', takesValue: false },
  '--max-warnings': { key: 'maxWarnings', takesValue: true },
  '--junit-warnings': { key: 'junitWarnings', takesValue: true, choices: ['output', 'failure'], default: 'output' },
  '--stdin-filename': { key: 'stdinFilename', takesValue: true },
  '--skip-non-bpm': { key: 'skipNonBpm', takesValue: false },
  '--cache': { key: 'cache', takesValue: false },
  '--cache-location': { key: 'cacheLocation', takesValue: true },
  '--cache-strategy': { key: 'cacheStrategy', takesValue: true, choices: ['content', 'metadata'], default: 'content' },
};

/** The paths and options of a `validate` command line, when it is one this parser is sure of. */
export function parseFast(args: readonly string[]): { paths: string[]; opts: ValidateCliOptions } | undefined {
  if (args[0] !== 'validate') return undefined;
  const paths: string[] = [];
  const o: Record<string, string | boolean | number> = {};
  for (let i = 1; i < args.length; i++) {
    const a = args[i];
    if (!a.startsWith('-') || a === '-') {
      // `-` alone is a path for commander too: standard input.
      paths.push(a);
      continue;
    }
    const known = Object.hasOwn(FAST_OPTIONS, a) ? FAST_OPTIONS[a] : undefined;
    if (!known || known.key in o) return undefined;
    if (!known.takesValue) {
      o[known.key] = known.negate !== true; // --no-color sets color: false, as commander does
      continue;
    }
    const value = args[++i];
    if (value === undefined || value.startsWith('-')) return undefined;
    if (known.choices && !known.choices.includes(value)) return undefined;
    o[known.key] = value;
  }
  for (const { key, default: value } of Object.values(FAST_OPTIONS)) if (value !== undefined) o[key] ??= value;
  if (o.maxWarnings !== undefined) {
    if (!/^\d+$/.test(String(o.maxWarnings))) return undefined; // as parseMaxWarnings (whose -1 starts with '-': left to the program)
    o.maxWarnings = Number(o.maxWarnings);
  }
  // Every value was checked against its option above, and the defaults filled in.
  const opts = { ...o, format: String(o.format) } as ValidateCliOptions;
  return { paths, opts };
}

/**
 * Runs `bpm validate` without the program and returns its exit code; undefined, with nothing
 * written, when the command line is not one parseFast() is sure of.
 */
export async function fastValidate(argv: string[], partial: Partial<CliEnv> = {}): Promise<number | undefined> {
  const args = argv.slice(2);
  const parsed = parseFast(args);
  if (!parsed) return undefined;
  const env = cliEnv(partial);
  try {
    const { validateCommand } = await import('./action.js');
    await validateCommand(parsed.paths, parsed.opts, env);
    return env.exitCode;
  } catch (e) {
    const { reportError } = await import('../../cli/report.js');
    return reportError(e, env, parsed.opts.verbose === true, args);
  }
}
