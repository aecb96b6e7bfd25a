// Typed errors. Helpers throw these; only the CLI's error boundary (src/cli.ts) turns them into
// a message and an exit code. Nothing else calls process.exit.
import type { Args } from './core/diagnostics.js';
import type { MessageKey } from './i18n/index.js';

/** A union of message keys; a member the catalogs lack fails the type check. */
type Known<K extends MessageKey> = K;

/** The codes of usage and input errors: each is the key of its message. */
export type ErrorCode = Known<
  | 'invalid-option'
  | 'unknown-schema-kind'
  | 'init-would-overwrite'
  | 'import-would-overwrite'
  | 'missing-file'
  | 'unmatched-glob'
  | 'unreadable-file'
  | 'not-a-regular-file'
  | 'stdin-too-large'
  | 'empty-directory'
  | 'unknown-encoding'
  | 'output-is-input'
  | 'output-is-directory'
  | 'output-is-document'
  | 'write-failed'
  | 'stdout-write-failed'
  | 'policy-unreadable'
  | 'policy-invalid'
  | 'policy-not-a-policy'
  | 'policy-cycle'
  | 'review-no-dossiers'
  | 'variance-no-dossiers'
  | 'project-not-found'
  | 'project-not-found.suggested'
  | 'binary-needs-output'
  | 'binary-needs-output.out-dir'
>;

// A registry-wide brand rather than `instanceof`: the same module can be evaluated twice (a test
// runner that loads tests through require while the CLI imports commands lazily through import()),
// and an error thrown by one copy must still be recognised by the other.
const BRAND = Symbol.for('bpm.UsageError');

/** Bad command line, configuration, or an input that cannot be read at all: exit code 2. */
export class UsageError extends Error {
  readonly exitCode = 2;
  readonly [BRAND] = true;
  constructor(
    /** The error's code, which is the key of its message. */
    readonly key: ErrorCode,
    readonly args: Args = {},
  ) {
    super(`${key} ${JSON.stringify(args)}`);
    this.name = 'UsageError';
  }
}

/** An input file or directory that cannot be read (missing, permission, a loop): exit code 2. */
export class InputError extends UsageError {
  constructor(key: ErrorCode, args: Args = {}) {
    super(key, args);
    this.name = 'InputError';
  }
}

export function isUsageError(e: unknown): e is UsageError {
  return typeof e === 'object' && e !== null && (e as Record<symbol, unknown>)[BRAND] === true;
}
