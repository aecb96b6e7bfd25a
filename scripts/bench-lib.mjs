// Shared by scripts/bench-variance.mjs and scripts/bench-score.mjs: run a command N times with its
// stdout sent to a file, and report the median wall time, CPU time and the peak resident set
// size. CPU time (user + system) and peak RSS come from GNU time (`/usr/bin/time -f '%M %U %S'`,
// of the child); without it the figures are null and the result says so.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, openSync, closeSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const BENCH_DIR = path.join(ROOT, 'bench-data');
export const BPM = path.join(ROOT, 'bin', 'bpm.js');
const GNU_TIME = '/usr/bin/time';

export function hasCommand(cmd) {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

/** One run: wall time in ms, CPU time in s and peak RSS in MB (null when GNU time is missing), exit code. */
export async function runOnce(argv, { stdoutFile, cwd = ROOT, env = process.env } = {}) {
  const timed = existsSync(GNU_TIME);
  const rssFile = path.join(BENCH_DIR, `.rss-${process.pid}`);
  const [cmd, ...args] = timed ? [GNU_TIME, '-f', '%M %U %S', '-o', rssFile, ...argv] : argv;
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
  let cpuS = null;
  if (timed && existsSync(rssFile)) {
    const [kb, user, sys] = readFileSync(rssFile, 'utf8').trim().split('\n').pop().split(' ').map(Number);
    rssMb = Number.isFinite(kb) ? Math.round(kb / 1024) : null;
    cpuS = Number.isFinite(user) && Number.isFinite(sys) ? user + sys : null;
    rmSync(rssFile, { force: true });
  }
  return { ms, cpuS, rssMb, code };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  return n === 0 ? null : n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
};

/** `runs` runs after one untimed warm-up (file cache): median wall and CPU time, highest peak RSS. */
export async function measure(argv, { runs, stdoutFile, warmup = true }) {
  if (warmup) await runOnce(argv, { stdoutFile });
  const results = [];
  for (let i = 0; i < runs; i++) results.push(await runOnce(argv, { stdoutFile }));
  const times = results.map((r) => r.ms).sort((a, b) => a - b);
  const rss = results.map((r) => r.rssMb).filter((x) => x !== null);
  const cpu = median(results.map((r) => r.cpuS).filter((x) => x !== null));
  return {
    medianMs: Math.round(times[Math.floor(times.length / 2)]),
    runsMs: results.map((r) => Math.round(r.ms)),
    cpuS: cpu === null ? null : Math.round(cpu * 100) / 100,
    peakRssMb: rss.length ? Math.max(...rss) : null,
    exitCodes: [...new Set(results.map((r) => r.code))],
  };
}

/**
 * The commands round by round, `runs` times after one warm-up run of each, so that a shared
 * machine's changing load weighs on a command and its peer alike. Per command (in the order
 * given): median wall time (ms) and CPU time (s), highest peak RSS, exit codes.
 */
export async function interleave(commands, { runs }) {
  for (const c of commands) await runOnce(c.argv, { stdoutFile: c.stdoutFile });
  const results = commands.map(() => []);
  for (let i = 0; i < runs; i++) {
    for (let k = 0; k < commands.length; k++) results[k].push(await runOnce(commands[k].argv, { stdoutFile: commands[k].stdoutFile }));
  }
  return results.map((rs) => {
    const rss = rs.map((r) => r.rssMb).filter((x) => x !== null);
    const cpu = median(rs.map((r) => r.cpuS).filter((x) => x !== null));
    return {
      medianMs: Math.round(median(rs.map((r) => r.ms))),
      runsMs: rs.map((r) => Math.round(r.ms)),
      cpuS: cpu === null ? null : Math.round(cpu * 100) / 100,
      peakRssMb: rss.length ? Math.max(...rss) : null,
      exitCodes: [...new Set(rs.map((r) => r.code))],
    };
  });
}

export const fmtMs = (ms) => `${(ms / 1000).toFixed(2)} s`;
export const fmtMb = (mb) => (mb === null ? 'n/a (no /usr/bin/time)' : `${mb} MB`);

/**
 * The command line of a section's script run on its own (`node scripts/bench-….mjs --runs 3`):
 * undefined when the module was imported; else its flags and numeric options.
 */
export function scriptArgs(moduleUrl) {
  if (!process.argv[1] || moduleUrl !== pathToFileURL(process.argv[1]).href) return undefined;
  const args = process.argv.slice(2);
  const value = (name) => {
    const k = args.indexOf(name);
    return k >= 0 ? args[k + 1] : undefined;
  };
  const num = (name) => (value(name) === undefined ? undefined : Number(value(name)));
  return { has: (name) => args.includes(name), value, num };
}
