// Typed errors. Helpers throw these; only the CLI's error boundary (src/cli.ts) turns them into
// a message and an exit code. Nothing else calls process.exit.
import type { Args } from './core/diagnostics.js';

// A registry-wide brand rather than `instanceof`: the same module can be evaluated twice (a test
// runner that loads tests through require while the CLI imports commands lazily through import()),
// and an error thrown by one copy must still be recognised by the other.
const BRAND = Symbol.for('bpm.UsageError');

/** Bad command line, configuration, or an input that cannot be read at all: exit code 2. */
export class UsageError extends Error {
  readonly exitCode = 2;
  readonly [BRAND] = true;
  constructor(
    /** i18n key of the message. */
    readonly key: string,
    readonly args: Args = {},
  ) {
    super(`${key} ${JSON.stringify(args)}`);
    this.name = 'UsageError';
  }
}

/** An input file or directory that cannot be read (missing, permission, a loop): exit code 2. */
export class InputError extends UsageError {
  constructor(key: string, args: Args = {}) {
    super(key, args);
    this.name = 'InputError';
  }
}

export function isUsageError(e: unknown): e is UsageError {
  return typeof e === 'object' && e !== null && (e as Record<symbol, unknown>)[BRAND] === true;
}
