// The error boundary's message: a typed error becomes one line on stderr and its exit code
// (README.md#exit-codes); anything else is an internal error, with its stack only under --verbose.
// Kept apart from the commander program (src/cli.ts) so that validate's fast path reports
// errors the same way without loading commander.
import { isUsageError } from '../errors.js';
import { resolveLang, type Lang } from '../i18n/lang.js';
import type { CliEnv } from './env.js';

/** The language of a command line that failed before its options were read: --lang zh or --lang=zh, else the locale. */
export function langOfArgs(args: readonly string[], env: CliEnv): Lang {
  const flag = args.find((a, i) => args[i - 1] === '--lang' || a.startsWith('--lang='));
  return resolveLang(flag?.replace(/^--lang=/, ''), env.env);
}

export async function reportError(e: unknown, env: CliEnv, verbose: boolean, args: string[]): Promise<number> {
  const { message, t } = await import('../i18n/index.js');
  const lang = langOfArgs(args, env);
  if (isUsageError(e)) {
    // The arguments of an error are whatever its thrower gave (not typed per code).
    env.stderr.write(`bpm: ${message(lang, e.key, e.args)}\n`);
    return e.exitCode;
  }
  const err = e instanceof Error ? e : new Error(String(e));
  env.stderr.write(`bpm: ${t(lang, 'internal-error', { message: err.message })}\n`);
  if (verbose && err.stack) env.stderr.write(err.stack + '\n');
  return 2;
}
