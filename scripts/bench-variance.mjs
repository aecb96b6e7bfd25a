#!/usr/bin/env node
// Benchmark of `bpm variance` on a big monitoring file, side by side with Miller computing a
// grouped sum over the same file (the variance issue's yardstick: bpm in at most half of
// Miller's time, peak RSS well under 300 MB).
//
//   node scripts/bench-variance.mjs [--quick] [--runs N] [--rows N]
//   import { run } from './scripts/bench-variance.mjs'; const result = await run({ quick: true });
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
import { existsSync, mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { generateMonitoring } from './gen-monitoring.mjs';
import { BENCH_DIR, BPM, fmtMb, fmtMs, hasCommand, measure } from './bench-lib.mjs';

export async function run({ quick = false, runs, rows, log = console.log } = {}) {
  rows ??= quick ? 100_000 : 1_000_000;
  runs ??= quick ? 1 : 3;
  const dir = path.join(BENCH_DIR, `variance-${rows}`);
  const csv = path.join(BENCH_DIR, `variance-${rows}.csv`);
  mkdirSync(BENCH_DIR, { recursive: true });
  if (!existsSync(csv) || !existsSync(path.join(dir, '.complete'))) {
    const info = await generateMonitoring({ rows, dir, csv, seed: 42 });
    const { writeFileSync } = await import('node:fs');
    writeFileSync(path.join(dir, '.complete'), JSON.stringify(info ?? {}));
  }
  const csvMb = Math.round(statSync(csv).size / 1e5) / 10;
  const shape = `${rows.toLocaleString('en')} rows (${csvMb} MB), 12 monthly periods × 19 metrics per project, seed 42`;
  log(`variance: ${shape}`);

  // The default format first (what `bpm variance` prints for a person: a table per project with
  // every period's budget row and the last period's indicators), then the json contract.
  const tableCmd = ['node', BPM, 'variance', dir, '--data', csv];
  const table = await measure(tableCmd, { runs, stdoutFile: path.join(BENCH_DIR, 'variance-out.txt') });
  log(`  bpm (table)  ${fmtMs(table.medianMs)} median of ${runs} (${table.runsMs.join(', ')} ms), peak RSS ${fmtMb(table.peakRssMb)}`);
  log(`        ${tableCmd.join(' ')} > bench-data/variance-out.txt`);

  const bpmCmd = ['node', BPM, 'variance', dir, '--data', csv, '-f', 'json'];
  const bpm = await measure(bpmCmd, { runs, stdoutFile: path.join(BENCH_DIR, 'variance-out.json') });
  log(`  bpm (json)   ${fmtMs(bpm.medianMs)} median of ${runs} (${bpm.runsMs.join(', ')} ms), peak RSS ${fmtMb(bpm.peakRssMb)}`);
  log(`        ${bpmCmd.join(' ')} > bench-data/variance-out.json`);

  // The same file and the same checks, one period reported (what a bureau's monthly report
  // asks for): separates reading and checking a million rows from writing 720 MB of json.
  const periodCmd = [...bpmCmd, '--period', '2025-12'];
  const onePeriod = await measure(periodCmd, { runs, stdoutFile: path.join(BENCH_DIR, 'variance-out-period.json') });
  log(`  bpm --period 2025-12  ${fmtMs(onePeriod.medianMs)} median of ${runs} (${onePeriod.runsMs.join(', ')} ms), peak RSS ${fmtMb(onePeriod.peakRssMb)}`);

  let peer;
  const mlrCmd = ['mlr', '--icsv', '--ojson', 'stats1', '-a', 'sum', '-f', 'value', '-g', 'project,metric', csv];
  if (hasCommand('mlr')) {
    peer = { name: 'miller', ...(await measure(mlrCmd, { runs, stdoutFile: path.join(BENCH_DIR, 'variance-mlr.json') })) };
    log(`  mlr   ${fmtMs(peer.medianMs)} median of ${runs} (${peer.runsMs.join(', ')} ms), peak RSS ${fmtMb(peer.peakRssMb)}`);
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

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const opt = (name) => {
    const k = args.indexOf(name);
    return k >= 0 ? Number(args[k + 1]) : undefined;
  };
  const result = await run({ quick: args.includes('--quick'), runs: opt('--runs'), rows: opt('--rows') });
  if (args.includes('--json')) console.log(JSON.stringify(result, null, 2));
}
