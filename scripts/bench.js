#!/usr/bin/env node
// `npm run bench`: bpm against its peers on the same generated files, in one run.
//
//   validate   10,000 ~2 KB dossiers: bpm (schema + semantic rules + positions) vs ajv-cli
//              (schema only), and bpm --cache on the unchanged tree
//   cold       one dossier: bpm validate vs `node -e 0` (an editor or a pre-commit hook runs it
//              on every save) and vs ajv-cli; `bpm --version` and `bpm --help` vs `node -e 0`
//   variance   1,000,000-row monitoring CSV: bpm variance (table, json, one period) vs Miller's
//              grouped sum, by scripts/bench-variance.mjs (bpm alone when mlr is not installed)
//   variance-realistic  2,000 projects × 12 months × 6 metrics (144,000 rows): bpm variance
//              (table, one period) vs Miller's grouped sum, round by round (target ≤ 3x)
//   score      10,000 project folders: throughput and peak memory, by scripts/bench-score.mjs
//   xlsx       1,000 自评表 workbooks against their YAML twins, by scripts/bench-xlsx.mjs
//
// Each figure is the median of --runs runs (default 5) of a fresh process, the commands of a
// section interleaved round by round (so that a shared machine's changing load weighs on a
// command and its peer alike, after one warm-up run of each); CPU time (user + system) and peak
// RSS come from /usr/bin/time when it is installed. Data is generated once, deterministically
// (seed 42), under bench-data/ (gitignored) and reused.
//
//   node scripts/bench.js [--runs 5] [--count 10000] [--rows 1000000] [--only validate,cold,variance,variance-realistic,score,xlsx]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from './gen-dossiers.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BPM = path.join(ROOT, 'bin', 'bpm.js');
const AJV = path.join(ROOT, 'node_modules', 'ajv-cli', 'dist', 'index.js');
const DATA = path.join(ROOT, 'bench-data');
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

function parseArgs(argv) {
  const o = { runs: 5, count: 10_000, rows: 1_000_000, only: ['validate', 'cold', 'variance', 'variance-realistic', 'score', 'xlsx'], seed: 42 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--runs') o.runs = Number(argv[++i]);
    else if (a === '--count') o.count = Number(argv[++i]);
    else if (a === '--rows') o.rows = Number(argv[++i]);
    else if (a === '--only') o.only = argv[++i].split(',');
    else if (a === '--seed') o.seed = Number(argv[++i]);
    else throw new Error(`unknown argument ${a}`);
  }
  return o;
}

/** Runs a command once; wall time in seconds, peak RSS in MB (or null), exit code. */
function runOnce(cmd, args, { cwd = ROOT, env = {} } = {}) {
  const argv = TIME ? [TIME, '-f', '@@bench %M %U %S', cmd, ...args] : [cmd, ...args];
  const t0 = process.hrtime.bigint();
  const res = spawnSync(argv[0], argv.slice(1), { cwd, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', maxBuffer: 1 << 30, env: { ...process.env, FORCE_COLOR: '0', LANG: 'en_US.UTF-8', ...env } });
  const secs = Number(process.hrtime.bigint() - t0) / 1e9;
  const m = /@@bench (\d+) ([\d.]+) ([\d.]+)/.exec(res.stderr ?? '');
  const code = res.status ?? -1;
  return { secs, rssMb: m ? Number(m[1]) / 1024 : null, cpu: m ? Number(m[2]) + Number(m[3]) : null, code, stderr: (res.stderr ?? '').replace(/@@bench .*\n?/, '') };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
};

/**
 * The commands of a section run round by round, `runs` times after one warm-up run of each:
 * per command its median wall and CPU time and its largest peak RSS.
 */
function interleaved(tools, runs) {
  for (const t of tools) {
    const warm = runOnce(t.cmd, t.args);
    const expect = t.expect ?? [0, 1];
    if (!expect.includes(warm.code)) throw new Error(`${t.label}: exit code ${warm.code}\n${warm.stderr.slice(0, 2000)}`);
  }
  const results = tools.map(() => []);
  for (let i = 0; i < runs; i++) tools.forEach((t, k) => results[k].push(runOnce(t.cmd, t.args)));
  return results.map((rs, k) => {
    const times = rs.map((r) => r.secs);
    const cpus = rs.filter((r) => r.cpu !== null).map((r) => r.cpu);
    const rss = rs.some((r) => r.rssMb !== null) ? Math.max(...rs.map((r) => r.rssMb ?? 0)) : null;
    return { label: tools[k].label, median: median(times), min: Math.min(...times), max: Math.max(...times), cpu: cpus.length ? median(cpus) : null, rss, code: rs[0].code };
  });
}

const rows = [];
/** A row of the report: `m`, and its ratios to the peer `ref` (with the target ratio, if any). */
function row(task, m, ref, target) {
  rows.push({ task, ...m, ratio: ref ? m.median / ref.median : null, cpuRatio: ref && m.cpu !== null && ref.cpu ? m.cpu / ref.cpu : null, refLabel: ref?.label, target: target ?? null });
  const ratio = ref ? `  ${(m.median / ref.median).toFixed(2)}x${m.cpu !== null && ref.cpu ? ` (cpu ${(m.cpu / ref.cpu).toFixed(2)}x)` : ''} of ${ref.label}${target ? ` (target ≤ ${target.toFixed(1)}x)` : ''}` : '';
  const rss = m.rss !== null ? `${m.rss.toFixed(0).padStart(6)} MB` : '     n/a';
  const cpu = m.cpu !== null ? `cpu ${m.cpu.toFixed(2).padStart(6)} s` : 'cpu n/a';
  process.stdout.write(`  ${m.label.padEnd(46)} ${m.median.toFixed(3).padStart(8)} s  (${m.min.toFixed(3)}–${m.max.toFixed(3)})  ${cpu}  ${rss}${ratio}\n`);
}

function note(s) {
  process.stdout.write(`  ${s}\n`);
}

/** Whether this build has the subcommand (an unknown one makes commander print the main help). */
function commandExists(name) {
  const r = spawnSync(process.execPath, [BPM, name, '--help'], { cwd: ROOT, encoding: 'utf8' });
  return r.status === 0 && r.stdout.startsWith(`Usage: bpm ${name}`);
}

/** Generates data once per (kind, size, seed); a marker file says it is complete. */
function ensureData(dir, make) {
  const marker = path.join(dir, '.complete');
  if (existsSync(marker)) return;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const t0 = Date.now();
  return Promise.resolve(make()).then(() => {
    writeFileSync(marker, new Date().toISOString() + '\n');
    note(`(generated ${path.relative(ROOT, dir)} in ${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  });
}

async function benchValidate(o) {
  const dir = path.join(DATA, `dossiers-${o.count}-s${o.seed}`);
  await ensureData(dir, () => generate({ out: dir, count: o.count, seed: o.seed, broken: 0.01 }));
  const rel = path.relative(ROOT, dir);
  process.stdout.write(`\nvalidate: ${o.count} dossiers (~2 KB each, 1% failing weights-sum) in ${rel}/\n`);
  const cacheFile = path.join(DATA, `.bpmcache-${o.count}`);
  rmSync(cacheFile, { force: true });
  const [ajv, bpm, cached, meta] = interleaved(
    [
      { label: 'ajv-cli (schema only)', cmd: process.execPath, args: ajvArgs(`${rel}/**/*.yaml`), expect: [0] },
      { label: 'bpm validate (schema + rules + positions)', cmd: process.execPath, args: [BPM, 'validate', rel, '--format', 'json'] },
      // The warm-up run writes the cache; every measured run finds the tree unchanged.
      { label: 'bpm validate --cache (unchanged tree)', cmd: process.execPath, args: [BPM, 'validate', rel, '--format', 'json', '--cache', '--cache-location', cacheFile] },
      { label: 'bpm validate --cache --cache-strategy metadata', cmd: process.execPath, args: [BPM, 'validate', rel, '--format', 'json', '--cache', '--cache-strategy', 'metadata', '--cache-location', cacheFile] },
    ],
    o.runs,
  );
  row('validate', ajv);
  row('validate', bpm, ajv, 1.0);
  row('validate', cached, ajv);
  row('validate', meta, ajv);
}

/** ajv-cli validating `files` (a glob or a file) against the dossier schema, as the peer. */
function ajvArgs(files) {
  return [AJV, 'validate', '--spec=draft2020', '-c', 'ajv-formats', '-s', 'schemas/project-dossier.schema.json', '-d', files];
}

async function benchCold(o) {
  const dir = path.join(DATA, `dossiers-${o.count}-s${o.seed}`);
  await ensureData(dir, () => generate({ out: dir, count: o.count, seed: o.seed, broken: 0.01 }));
  const one = path.relative(ROOT, path.join(dir, '000', 'DL-2025-000001.yaml'));
  process.stdout.write(`\ncold start: one dossier (${one})\n`);
  const [node, bpm, ajv, version, help] = interleaved(
    [
      { label: 'node -e 0', cmd: process.execPath, args: ['-e', '0'], expect: [0] },
      { label: 'bpm validate, one file', cmd: process.execPath, args: [BPM, 'validate', one] },
      { label: 'ajv-cli, one file', cmd: process.execPath, args: ajvArgs(one), expect: [0] },
      { label: 'bpm --version', cmd: process.execPath, args: [BPM, '--version'], expect: [0] },
      { label: 'bpm --help', cmd: process.execPath, args: [BPM, '--help'], expect: [0] },
    ],
    o.runs,
  );
  row('cold', node);
  row('cold', bpm, node, 2.0);
  row('cold', ajv);
  row('cold', { ...bpm, label: 'bpm validate, one file' }, ajv);
  row('cold', version, node);
  row('cold', help, node);
}

async function benchVariance(o) {
  process.stdout.write(`\nvariance: ${o.rows.toLocaleString('en')}-row monitoring CSV\n`);
  if (!commandExists('variance')) return note('skipped: `bpm variance` does not exist in this build yet');
  // One harness for the variance figures: scripts/bench-variance.mjs (also runnable alone).
  const { run } = await import('./bench-variance.mjs');
  const r = await run({ runs: o.runs, rows: o.rows, log: (line) => process.stdout.write(`  ${line}\n`) });
  rows.push({ task: 'variance', ...r });
}

async function benchVarianceRealistic(o) {
  process.stdout.write('\nvariance, realistic shape: 2,000 projects × 12 months × 6 metrics\n');
  if (!commandExists('variance')) return note('skipped: `bpm variance` does not exist in this build yet');
  const { runRealistic } = await import('./bench-variance.mjs');
  const r = await runRealistic({ runs: o.runs, log: (line) => process.stdout.write(`  ${line}\n`) });
  rows.push({ task: 'variance-realistic', ...r });
}

async function benchScore(o) {
  process.stdout.write(`\nscore: ${o.count.toLocaleString('en')} project folders\n`);
  if (!commandExists('score')) return note('skipped: `bpm score` does not exist in this build yet');
  // One harness for the score figures: scripts/bench-score.mjs (also runnable alone).
  const { run } = await import('./bench-score.mjs');
  const r = await run({ runs: o.runs, projects: o.count, log: (line) => process.stdout.write(`  ${line}\n`) });
  rows.push({ task: 'score', ...r });
}

async function benchXlsx(o) {
  process.stdout.write('\nxlsx: 1,000 自评表 workbooks against their YAML twins\n');
  // One harness for the workbook figures: scripts/bench-xlsx.mjs (also runnable alone).
  const { run } = await import('./bench-xlsx.mjs');
  const r = await run({ runs: o.runs, log: (line) => process.stdout.write(`  ${line}\n`) });
  rows.push({ task: 'xlsx', ...r });
}

async function main() {
  const o = parseArgs(process.argv.slice(2));
  if (!existsSync(path.join(ROOT, 'dist', 'cli.cjs'))) throw new Error('run `npm run build` first (npm run bench does)');
  const cpus = os.cpus();
  process.stdout.write(`bpm benchmark — node ${process.version}, ${cpus.length} × ${cpus[0]?.model ?? 'cpu'}, load ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}\n`);
  process.stdout.write(`median wall time of ${o.runs} runs (after one warm-up), min–max, median CPU time (user+sys), peak RSS${TIME ? '' : ' (n/a: /usr/bin/time missing)'}\n`);
  if (os.loadavg()[0] > cpus.length * 0.75) process.stdout.write(`note: the machine is busy (load ${os.loadavg()[0].toFixed(1)} on ${cpus.length} cores): wall times are inflated; CPU times and ratios are steadier\n`);
  if (o.only.includes('validate')) await benchValidate(o);
  if (o.only.includes('cold')) await benchCold(o);
  if (o.only.includes('variance')) await benchVariance(o);
  if (o.only.includes('variance-realistic')) await benchVarianceRealistic(o);
  if (o.only.includes('score')) await benchScore(o);
  if (o.only.includes('xlsx')) await benchXlsx(o);
  const out = path.join(DATA, 'last-run.json');
  mkdirSync(DATA, { recursive: true });
  writeFileSync(out, JSON.stringify({ date: new Date().toISOString(), node: process.version, options: o, rows }, null, 2) + '\n');
  process.stdout.write(`\n(figures also in ${path.relative(ROOT, out)})\n`);
}

main().catch((e) => {
  process.stderr.write(`bench: ${e.message}\n`);
  process.exitCode = 1;
});

