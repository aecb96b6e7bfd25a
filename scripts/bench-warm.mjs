#!/usr/bin/env node
// Runs one bpm command several times in one process and prints how long each run took, on
// standard error (the command's own output goes to standard output: send it to /dev/null). The
// first run is what a fresh process pays; the later ones run with the engine's optimised code,
// which shows how much of a run is the engine warming up (docs/performance.md, "Shapes the
// engine can optimise"). Needs `npm run build` first.
//
//   node scripts/bench-warm.mjs [--runs N] -- variance bench-data/variance-realistic --data bench-data/variance-realistic.csv > /dev/null
//
// The options of this script come before `--`, the command line after it. Every command runs
// through main() (dist/cli.cjs, the commander program), `validate` too: bin/bpm.js runs most
// validate command lines from dist/validate.cjs instead, without the program.
import { createRequire } from 'node:module';

const args = process.argv.slice(2);
const sep = args.indexOf('--');
const own = sep < 0 ? [] : args.slice(0, sep);
const command = sep < 0 ? args : args.slice(sep + 1);
const runsAt = own.indexOf('--runs');
const runs = runsAt < 0 ? 4 : Number(own[runsAt + 1]);
if (command.length === 0 || !(runs >= 1)) {
  process.stderr.write('usage: node scripts/bench-warm.mjs [--runs N] -- <bpm command line> > /dev/null\n');
  process.exit(2);
}
const { main } = createRequire(import.meta.url)('../dist/cli.cjs');
for (let k = 1; k <= runs; k++) {
  const t = performance.now();
  const code = await main(['node', 'bpm', ...command]);
  process.stderr.write(`run ${k}: ${Math.round(performance.now() - t)} ms (exit ${code})\n`);
}
