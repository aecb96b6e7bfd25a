// Shared by scripts/bench-variance.mjs and scripts/bench-score.mjs: run a command N times with its
// stdout sent to a file, and report the median wall time and the peak resident set size.
// Peak RSS comes from GNU time (`/usr/bin/time -f %M`, kilobytes of the child); without it the
// figure is null and the result says so.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, openSync, closeSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const BENCH_DIR = path.join(ROOT, 'bench-data');
export const BPM = path.join(ROOT, 'bin', 'bpm.js');
const GNU_TIME = '/usr/bin/time';

export function hasCommand(cmd) {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

/** One run: wall time in ms, peak RSS in MB (null when GNU time is missing), exit code. */
export async function runOnce(argv, { stdoutFile, cwd = ROOT, env = process.env } = {}) {
  const timed = existsSync(GNU_TIME);
  const rssFile = path.join(BENCH_DIR, `.rss-${process.pid}`);
  const [cmd, ...args] = timed ? [GNU_TIME, '-f', '%M', '-o', rssFile, ...argv] : argv;
  const out = stdoutFile ? openSync(stdoutFile, 'w') : 'ignore';
  const start = process.hrtime.bigint();
  const code = await new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, env, stdio: ['ignore', out, 'pipe'] });
    let err = '';
    child.stderr.on('data', (b) => (err += b));
    child.on('error', reject);
    child.on('close', (c) => {
      if (c !== 0 && c !== 1) process.stderr.write(err);
      resolve(c);
    });
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (typeof out === 'number') closeSync(out);
  let rssMb = null;
  if (timed && existsSync(rssFile)) {
    const kb = Number(readFileSync(rssFile, 'utf8').trim().split('\n').pop());
    rssMb = Number.isFinite(kb) ? Math.round(kb / 1024) : null;
    rmSync(rssFile, { force: true });
  }
  return { ms, rssMb, code };
}

/** `runs` runs after one untimed warm-up (file cache): median wall time, highest peak RSS. */
export async function measure(argv, { runs, stdoutFile, warmup = true }) {
  if (warmup) await runOnce(argv, { stdoutFile });
  const results = [];
  for (let i = 0; i < runs; i++) results.push(await runOnce(argv, { stdoutFile }));
  const times = results.map((r) => r.ms).sort((a, b) => a - b);
  const rss = results.map((r) => r.rssMb).filter((x) => x !== null);
  return {
    medianMs: Math.round(times[Math.floor(times.length / 2)]),
    runsMs: results.map((r) => Math.round(r.ms)),
    peakRssMb: rss.length ? Math.max(...rss) : null,
    exitCodes: [...new Set(results.map((r) => r.code))],
  };
}

export const fmtMs = (ms) => `${(ms / 1000).toFixed(2)} s`;
export const fmtMb = (mb) => (mb === null ? 'n/a (no /usr/bin/time)' : `${mb} MB`);
