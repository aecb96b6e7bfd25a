#!/usr/bin/env node
// Benchmark of `bpm variance` on a big monitoring file, side by side with Miller computing a
// grouped sum over the same file (the variance issue's yardstick: bpm in at most half of
// Miller's time, peak RSS well under 300 MB).
//
//   node scripts/bench-variance.mjs [--quick] [--runs N] [--rows N]
//   node scripts/bench-variance.mjs --shape realistic [--runs N]
//   import { run } from './scripts/bench-variance.mjs'; const result = await run({ quick: true });
//
// `--shape realistic` (runRealistic): the common real case, where per-project costs weigh more
// than rows: 2,000 projects × 12 monthly periods × 6 metrics (spend + 5 indicators) = 144,000
// rows, one dossier per project, seed 42. bpm in the default format (≈ 9 MB of tables) and for
// one period (`--period 2025-12`, table) against Miller's grouped sum on the same file, the three
// commands run round by round after a warm-up of each; wall and CPU (user + system) ratios to
// Miller and peak RSS. Target: bpm within 3x Miller's wall time.
//
// Shape (scripts/gen-monitoring.mjs, seed 42): 1,000,000 rows = 4,386 projects × 12 months ×
// 19 metrics (spend + 18 numeric indicators), rows ordered month by month across all projects
// (every project stays open until the end of the file), one dossier per project. --quick uses
// 100,000 rows (439 projects) and one run. bpm is measured in its default format (a table per
// project, ≈ 20 MB), in json (docs/formats.md#variance-json: every project × period × indicator, ≈ 720 MB for
// 1M rows) and for one period (`--period 2025-12`, json: every row is still read and checked,
// the output is 59 MB); Miller writes its json grouped sums (≈ 7 MB). All go to files under
// bench-data/ through stdout. The ratio reported is the default format's.
// Needs `npm run build` first.
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { generateMonitoring } from './gen-monitoring.mjs';
import { BENCH_DIR, BPM, fmtMb, fmtMs, hasCommand, interleave, measure, scriptArgs } from './bench-lib.mjs';

/** The generated data of a shape, made once (a marker file says it is complete). */
async function ensureMonitoring({ rows, dir, csv, indicators }) {
  mkdirSync(BENCH_DIR, { recursive: true });
  if (!existsSync(csv) || !existsSync(path.join(dir, '.complete'))) {
    const info = await generateMonitoring({ rows, dir, csv, seed: 42, indicators });
    writeFileSync(path.join(dir, '.complete'), JSON.stringify(info ?? {}));
  }
  return Math.round(statSync(csv).size / 1e5) / 10;
}

const fmtCpu = (m) => (m.cpuS === null ? 'cpu n/a' : `cpu ${m.cpuS.toFixed(2)} s`);

const REALISTIC = { projects: 2_000, indicators: 5, target: 3 };

/**
 * The realistic shape (2,000 projects × 12 months × 6 metrics): bpm's table, bpm --period and
 * Miller, interleaved round by round.
 */
export async function runRealistic({ runs = 5, log = console.log } = {}) {
  const rows = REALISTIC.projects * 12 * (1 + REALISTIC.indicators);
  const dir = path.join(BENCH_DIR, 'variance-realistic');
  const csv = path.join(BENCH_DIR, 'variance-realistic.csv');
  const csvMb = await ensureMonitoring({ rows, dir, csv, indicators: REALISTIC.indicators });
  const shape = `${REALISTIC.projects.toLocaleString('en')} projects × 12 monthly periods × ${1 + REALISTIC.indicators} metrics = ${rows.toLocaleString('en')} rows (${csvMb} MB), one dossier per project, seed 42`;
  log(`variance, realistic shape: ${shape}`);
  const tableCmd = ['node', BPM, 'variance', dir, '--data', csv];
  const periodCmd = [...tableCmd, '--period', '2025-12'];
  const mlrCmd = ['mlr', '--icsv', '--ojson', 'stats1', '-a', 'sum', '-f', 'value', '-g', 'project,metric', csv];
  const mlr = hasCommand('mlr');
  const commands = [
    { argv: tableCmd, stdoutFile: path.join(BENCH_DIR, 'variance-realistic-out.txt') },
    { argv: periodCmd, stdoutFile: path.join(BENCH_DIR, 'variance-realistic-period.txt') },
    ...(mlr ? [{ argv: mlrCmd, stdoutFile: path.join(BENCH_DIR, 'variance-realistic-mlr.json') }] : []),
  ];
  const [table, onePeriod, peer] = await interleave(commands, { runs });
  const ratios = (m) => (peer ? { ratio: Math.round((m.medianMs / peer.medianMs) * 100) / 100, cpuRatio: m.cpuS !== null && peer.cpuS ? Math.round((m.cpuS / peer.cpuS) * 100) / 100 : null } : { ratio: null, cpuRatio: null });
  const line = (label, m, cmd) => {
    const r = ratios(m);
    const vs = r.ratio === null || m === peer ? '' : `  ${r.ratio}x Miller (cpu ${r.cpuRatio ?? 'n/a'}x)`;
    log(`  ${label.padEnd(20)} ${fmtMs(m.medianMs)} median of ${runs} (${m.runsMs.join(', ')} ms), ${fmtCpu(m)}, peak RSS ${fmtMb(m.peakRssMb)}${vs}`);
    log(`        ${cmd.join(' ')}`);
  };
  if (peer) line('mlr', peer, mlrCmd);
  else log('  mlr   missing (Debian package `miller`): no side-by-side figure');
  line('bpm (table)', table, tableCmd);
  line('bpm --period 2025-12', onePeriod, periodCmd);
  if (peer) log(`  target: bpm ≤ ${REALISTIC.target}x Miller's wall time (table ${ratios(table).ratio}x, --period ${ratios(onePeriod).ratio}x)`);
  return {
    name: 'variance-realistic',
    shape,
    rows,
    runs,
    command: tableCmd.join(' '),
    bpm: { ...table, ...ratios(table) },
    onePeriod: { command: periodCmd.join(' '), ...onePeriod, ...ratios(onePeriod) },
    ...(peer ? { peer: { name: 'miller', command: mlrCmd.join(' '), ...peer } } : {}),
    ratio: ratios(table).ratio,
    target: { ratio: REALISTIC.target },
  };
}

export async function run({ quick = false, runs, rows, log = console.log } = {}) {
  rows ??= quick ? 100_000 : 1_000_000;
  runs ??= quick ? 1 : 3;
  const dir = path.join(BENCH_DIR, `variance-${rows}`);
  const csv = path.join(BENCH_DIR, `variance-${rows}.csv`);
  const csvMb = await ensureMonitoring({ rows, dir, csv });
  const shape = `${rows.toLocaleString('en')} rows (${csvMb} MB), 12 monthly periods × 19 metrics per project, seed 42`;
  log(`variance: ${shape}`);

  // The default format first (what `bpm variance` prints for a person: a table per project with
  // every period's budget row and the last period's indicators), then the json contract.
  const tableCmd = ['node', BPM, 'variance', dir, '--data', csv];
  const table = await measure(tableCmd, { runs, stdoutFile: path.join(BENCH_DIR, 'variance-out.txt') });
  log(`  bpm (table)  ${fmtMs(table.medianMs)} median of ${runs} (${table.runsMs.join(', ')} ms), ${fmtCpu(table)}, peak RSS ${fmtMb(table.peakRssMb)}`);
  log(`        ${tableCmd.join(' ')} > bench-data/variance-out.txt`);

  const bpmCmd = ['node', BPM, 'variance', dir, '--data', csv, '-f', 'json'];
  const bpm = await measure(bpmCmd, { runs, stdoutFile: path.join(BENCH_DIR, 'variance-out.json') });
  log(`  bpm (json)   ${fmtMs(bpm.medianMs)} median of ${runs} (${bpm.runsMs.join(', ')} ms), ${fmtCpu(bpm)}, peak RSS ${fmtMb(bpm.peakRssMb)}`);
  log(`        ${bpmCmd.join(' ')} > bench-data/variance-out.json`);

  // The same file and the same checks, one period reported (what a bureau's monthly report
  // asks for): separates reading and checking a million rows from writing 720 MB of json.
  const periodCmd = [...bpmCmd, '--period', '2025-12'];
  const onePeriod = await measure(periodCmd, { runs, stdoutFile: path.join(BENCH_DIR, 'variance-out-period.json') });
  log(`  bpm --period 2025-12  ${fmtMs(onePeriod.medianMs)} median of ${runs} (${onePeriod.runsMs.join(', ')} ms), ${fmtCpu(onePeriod)}, peak RSS ${fmtMb(onePeriod.peakRssMb)}`);

  let peer;
  const mlrCmd = ['mlr', '--icsv', '--ojson', 'stats1', '-a', 'sum', '-f', 'value', '-g', 'project,metric', csv];
  if (hasCommand('mlr')) {
    peer = { name: 'miller', ...(await measure(mlrCmd, { runs, stdoutFile: path.join(BENCH_DIR, 'variance-mlr.json') })) };
    log(`  mlr   ${fmtMs(peer.medianMs)} median of ${runs} (${peer.runsMs.join(', ')} ms), ${fmtCpu(peer)}, peak RSS ${fmtMb(peer.peakRssMb)}`);
    log(`        ${mlrCmd.join(' ')} > bench-data/variance-mlr.json`);
  } else {
    log('  mlr   missing (Debian package `miller`): no side-by-side figure');
  }
  const ratioOf = (m) => (peer ? Math.round((m.medianMs / peer.medianMs) * 100) / 100 : null);
  const ratio = ratioOf(table);
  if (ratio !== null) log(`  ratio bpm/mlr: table ${ratio}, json ${ratioOf(bpm)}, --period ${ratioOf(onePeriod)} (target ≤ 0.5); bpm peak RSS target < 300 MB`);
  return {
    name: 'variance',
    shape,
    rows,
    runs,
    command: tableCmd.join(' '),
    bpm: table,
    json: { command: bpmCmd.join(' '), ...bpm, ratio: ratioOf(bpm) },
    onePeriod: { command: periodCmd.join(' '), ...onePeriod, ratio: ratioOf(onePeriod) },
    ...(peer ? { peer } : {}),
    ratio,
    target: { ratio: 0.5, peakRssMb: 300 },
  };
}

const cli = scriptArgs(import.meta.url);
if (cli) {
  const shape = cli.value('--shape') ?? 'big';
  if (shape !== 'big' && shape !== 'realistic') throw new Error(`--shape: big or realistic, not ${shape}`);
  const result = shape === 'realistic' ? await runRealistic({ runs: cli.num('--runs') }) : await run({ quick: cli.has('--quick'), runs: cli.num('--runs'), rows: cli.num('--rows') });
  if (cli.has('--json')) console.log(JSON.stringify(result, null, 2));
}
