// Parallel reading and parsing for large batches: a worker thread reads, decodes and parses the
// second half of the YAML files while the main thread does the first half. Results come back in
// order and only for the common case (see parse-worker.ts), so a run gives the same report with
// or without the worker; any failure of the worker just means the main thread does all the work.
// It pays only when a core is free: copying the parsed documents back costs about 0.7 s of CPU
// per 10,000 files, so on a 2-core machine that is already busy it is slower
// (docs/performance.md). It runs when the 1-minute load average leaves a core idle; BPM_WORKERS=1 forces
// it on, BPM_WORKERS=0 off (the tests compare both ways).
import { existsSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

export interface PreParsed {
  text: string;
  data: Record<string, unknown>;
}

export interface PoolJob {
  files: string[];
  explicit: boolean[];
  maxBytes: number;
}

/** Batches smaller than this are not worth a worker's start-up (about 50 ms). */
export const PARALLEL_MIN_FILES = 1000;

const WORKER_URL = new URL('./parse-worker.js', import.meta.url);

/**
 * Starts a worker on `files` when the batch is large enough and a second core is there; resolves
 * to one entry per file (null: do it on the main thread), or to undefined when no worker ran.
 */
export function startPreparse(files: { abs: string; explicit: boolean }[], maxBytes: number, totalYaml: number): Promise<(PreParsed | null)[] | undefined> {
  if (totalYaml < PARALLEL_MIN_FILES || files.length === 0) return Promise.resolve(undefined);
  const forced = process.env.BPM_WORKERS;
  if (forced === '0' || availableParallelism() < 2) return Promise.resolve(undefined);
  if (forced !== '1' && loadavg()[0] > availableParallelism() - 1) return Promise.resolve(undefined);
  // Runs from the compiled dist/ only (the tests run src/ through tsx, where there is no .js).
  if (WORKER_URL.protocol !== 'file:' || !existsSync(fileURLToPath(WORKER_URL))) return Promise.resolve(undefined);
  return new Promise((resolve) => {
    let settled = false;
    const done = (v: (PreParsed | null)[] | undefined) => {
      if (!settled) {
        settled = true;
        resolve(v);
      }
    };
    try {
      const job: PoolJob = { files: files.map((f) => f.abs), explicit: files.map((f) => f.explicit), maxBytes };
      const worker = new Worker(WORKER_URL, { workerData: job, stdout: false, stderr: true });
      worker.once('message', (m: (PreParsed | null)[]) => done(Array.isArray(m) && m.length === files.length ? m : undefined));
      worker.once('error', () => done(undefined));
      worker.once('exit', () => done(undefined));
    } catch {
      done(undefined);
    }
  });
}
