// Test helpers: run the CLI in-process (fast) or as a real process (end-to-end).
import { spawnSync } from 'node:child_process';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { main } from '../../src/cli.js';
import type { CliEnv } from '../../src/cli/env.js';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const BIN = fileURLToPath(new URL('../../bin/bpm.js', import.meta.url));
export const fixture = (...parts: string[]) => fileURLToPath(new URL(`../fixtures/${parts.join('/')}`, import.meta.url));

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `bpm ...args` in-process with an injected cwd and captured output. */
export async function runCli(args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv; columns?: number } = {}): Promise<RunResult> {
  return captured(main, args, opts);
}

/**
 * Calls a CLI entry point (main, or the validate --cache fast path) on `bpm ...args` with an
 * injected cwd and environment, and captures what it writes; with `columns`, stdout is a
 * terminal that wide.
 */
export async function captured<T>(
  entry: (argv: string[], env: Partial<CliEnv>) => Promise<T>,
  args: string[],
  opts: { cwd?: string; env?: NodeJS.ProcessEnv; columns?: number } = {},
): Promise<{ code: T; stdout: string; stderr: string }> {
  const stdout: PassThrough & { isTTY?: boolean } = new PassThrough();
  if (opts.columns !== undefined) stdout.isTTY = true;
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c: Buffer) => (out += c.toString('utf8')));
  stderr.on('data', (c: Buffer) => (err += c.toString('utf8')));
  const code = await entry(['node', 'bpm', ...args], {
    cwd: opts.cwd ?? ROOT,
    stdout,
    stderr,
    columns: opts.columns,
    env: { LANG: 'en_US.UTF-8', FORCE_COLOR: '0', ...opts.env },
  });
  return { code, stdout: out, stderr: err };
}

/** Spawns the real binary (bin/bpm.js, compiled dist/) — for end-to-end tests. */
export function spawnBpm(args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string; timeout?: number } = {}): RunResult {
  const res = spawnSync(process.execPath, [BIN, ...args], {
    cwd: opts.cwd ?? ROOT,
    env: { PATH: process.env.PATH, LANG: 'en_US.UTF-8', FORCE_COLOR: '0', ...opts.env },
    input: opts.input,
    encoding: 'utf8',
    timeout: opts.timeout ?? 60_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: res.status ?? -1, stdout: res.stdout, stderr: res.stderr };
}
