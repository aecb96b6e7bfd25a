#!/usr/bin/env node
// Benchmark of `bpm score` over a batch of generated project folders (target: at least 1,000
// projects per second over 10,000 folders), with peak memory.
//
//   node scripts/bench-score.mjs [--quick] [--runs N] [--projects N] [--json]
//   import { run } from './scripts/bench-score.mjs'; const result = await run({ quick: true });
//
// Shape (scripts/gen-projects.mjs, seed 42): N folders, each a dossier.yaml, an evaluation.yaml
// and a quarterly monitoring.csv; 10,000 folders by default, 1,000 and one run with --quick.
// bpm writes the json format to a file under bench-data/ through stdout. There is no peer tool
// for scoring: `ratio` is bpm's median time over the target time (N / 1,000 s), ≤ 1 meets it.
// Needs `npm run build` first.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { generateProjects } from './gen-projects.mjs';
import { BENCH_DIR, BPM, fmtMb, fmtMs, measure, scriptArgs } from './bench-lib.mjs';

export async function run({ quick = false, runs, projects, log = console.log } = {}) {
  projects ??= quick ? 1_000 : 10_000;
  runs ??= quick ? 1 : 3;
  const dir = path.join(BENCH_DIR, `score-${projects}`);
  mkdirSync(BENCH_DIR, { recursive: true });
  if (!existsSync(path.join(dir, '.complete'))) {
    await generateProjects(dir, projects, { seed: 42 });
    writeFileSync(path.join(dir, '.complete'), '');
  }
  const shape = `${projects.toLocaleString('en')} project folders (dossier + evaluation + quarterly monitoring.csv), seed 42`;
  log(`score: ${shape}`);
  const cmd = ['node', BPM, 'score', dir, '-f', 'json'];
  const bpm = await measure(cmd, { runs, stdoutFile: path.join(BENCH_DIR, 'score-out.json') });
  const perSecond = Math.round(projects / (bpm.medianMs / 1000));
  log(`  bpm   ${fmtMs(bpm.medianMs)} median of ${runs} (${bpm.runsMs.join(', ')} ms) = ${perSecond} projects/s, peak RSS ${fmtMb(bpm.peakRssMb)}`);
  log(`        ${cmd.join(' ')} > bench-data/score-out.json`);
  const ratio = Math.round((bpm.medianMs / projects) * 100) / 100; // ms per project = time / target time
  log(`  ratio bpm/target ${ratio} (target ≤ 1: 1,000 projects/s)`);
  return { name: 'score', shape, projects, runs, command: cmd.join(' '), bpm: { ...bpm, projectsPerSecond: perSecond }, ratio, target: { projectsPerSecond: 1000 } };
}

const cli = scriptArgs(import.meta.url);
if (cli) {
  const result = await run({ quick: cli.has('--quick'), runs: cli.num('--runs'), projects: cli.num('--projects') });
  if (cli.has('--json')) console.log(JSON.stringify(result, null, 2));
}
