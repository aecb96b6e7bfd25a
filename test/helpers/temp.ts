// Temporary directories for tests. Every directory a test run makes lives under one parent,
// <os temp dir>/bpm-test-XXXXXX, created on first use and removed as a whole by a root-level
// mocha `after` hook, and again on process exit or SIGINT/SIGTERM in case the run is cut short,
// so a test never has to clean up after itself and a run leaves nothing behind.
import { chmodSync, lstatSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

let parent: string | undefined;

/** Makes a new empty directory named `prefix` + random characters; removed at the end of the run. */
export function tempDir(prefix: string): string {
  parent ??= mkdtempSync(path.join(tmpdir(), 'bpm-test-'));
  return mkdtempSync(path.join(parent, prefix));
}

/** The parent of this run's temporary directories, if one has been made (and not yet removed). */
export function tempRoot(): string | undefined {
  return parent;
}

/** Removes the parent and everything in it, even what a test made read-only or unreadable. */
export function removeTempDirs(): void {
  if (parent === undefined) return;
  const dir = parent;
  parent = undefined;
  try {
    rmSync(dir, { recursive: true, force: true });
  } catch {
    // Without root, a directory left at mode 0o000 or 0o500 cannot be emptied: open it up first.
    makeRemovable(dir);
    rmSync(dir, { recursive: true, force: true });
  }
}

function makeRemovable(dir: string): void {
  try {
    chmodSync(dir, 0o700);
    for (const name of readdirSync(dir)) {
      const p = path.join(dir, name);
      if (lstatSync(p).isDirectory()) makeRemovable(p);
    }
  } catch {
    // not ours to change: the second rmSync says what remains
  }
}

/** On the way out (exit, signal) a failure is only reported: the run's own result stands. */
function removeQuietly(): void {
  try {
    removeTempDirs();
  } catch (e) {
    process.stderr.write(`test/helpers/temp.ts: could not remove temporary directories: ${(e as Error).message}\n`);
  }
}

// Registered while mocha loads the first test file that imports this module, so on the root suite.
if (typeof after === 'function') after(removeTempDirs);
process.on('exit', removeQuietly);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    removeQuietly();
    process.kill(process.pid, signal);
  });
}
