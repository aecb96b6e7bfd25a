// What a command needs from the outside world, injectable so tests can run the CLI in-process.
import type { Lang } from '../i18n/index.js';

export interface CliEnv {
  cwd: string;
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  /** Read only when a path is `-` (bpm validate -). */
  stdin: NodeJS.ReadableStream;
  env: NodeJS.ProcessEnv;
  /** The width of the terminal stdout is (process.stdout.columns), when it is one and says (not 0). */
  columns?: number;
  // The BPM_* switches are read here, once, and handed to the commands as options.
  /** BPM_EXACT=1: `bpm variance` computes every period with the exact engine alone (for a check by hand). */
  exact: boolean;
  /** BPM_DOCS_URL: where docs/rules.md is online, for the links of SARIF rules (unset: no links). */
  docsUrl?: string;
  /** Set by a command's action; main() returns it. */
  exitCode: number;
}

/** The process's environment, with whatever a caller (a test) puts in its place. */
export function cliEnv(partial: Partial<CliEnv> = {}): CliEnv {
  const env = partial.env ?? process.env;
  const stdin = partial.stdin;
  return {
    cwd: partial.cwd ?? process.cwd(),
    stdout: partial.stdout ?? process.stdout,
    stderr: partial.stderr ?? process.stderr,
    // process.stdin builds a stream (a socket for a pipe) when first read: only `validate -` needs it.
    get stdin() {
      return stdin ?? process.stdin;
    },
    env,
    // The process's terminal width, unless the caller gives its own stdout (and with it, maybe, its width).
    columns: 'columns' in partial ? partial.columns : partial.stdout === undefined && process.stdout.isTTY ? process.stdout.columns || undefined : undefined,
    exact: partial.exact ?? env.BPM_EXACT === '1',
    docsUrl: partial.docsUrl ?? (env.BPM_DOCS_URL || undefined),
    exitCode: 0,
  };
}

/** Options every reporting command shares (README.md#commands); `format` is one of the command's formats (commander checks the choice and sets the default). */
export interface CommonOptions<F extends string = string> {
  format: F;
  output?: string;
  force?: boolean;
  lang?: string;
  policy?: string;
  strategy?: string;
  quiet?: boolean;
  color?: boolean;
  verbose?: boolean;
  encoding?: string;
}

export interface Resolved {
  lang: Lang;
  color: boolean;
  /** The terminal's width, when the report goes to a terminal: the human formats fit it. */
  width?: number;
}
