#!/usr/bin/env node
// Seeded, deterministic generators for the variance and score benchmarks (scripts/bench.js):
// a monitoring CSV of N rows over the dossiers of scripts/gen-dossiers.mjs (monthly periods,
// cumulative spend and indicator values that never fall), and folders of projects
// (dossier.yaml + evaluation.yaml).
//
//   node scripts/bench-gen.mjs monitoring --out bench-data/variance --rows 1000000 [--seed 42]
//   node scripts/bench-gen.mjs projects --out bench-data/projects --count 10000 [--seed 42]
import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { dossierYaml, generate, rng, strategyYaml } from './gen-dossiers.mjs';

/** Metrics of a generated dossier and how their monitored value grows (see gen-dossiers.mjs). */
const METRICS = ['spend', 'OUT-1', 'OUT-2', 'OUT-4', 'EFF-1', 'SAT-1'];
const MONTHS = Array.from({ length: 12 }, (_, m) => `2025-${String(m + 1).padStart(2, '0')}`);
export const ROWS_PER_PROJECT = METRICS.length * MONTHS.length;

/** Numbers read back from a generated dossier's text (its targets and budget). */
function targetsOf(text) {
  const num = (re) => Number(re.exec(text)?.[1] ?? 0);
  const blocks = text.split('  - code: ');
  const target = (code) => Number(/target: ([0-9.]+)/.exec(blocks.find((b) => b.startsWith(code)) ?? '')?.[1] ?? 0);
  return { total: num(/\n {2}total: ([0-9.]+)/), out1: target('OUT-1'), out4: target('OUT-4'), eff1: target('EFF-1'), sat: target('SAT-1') };
}

/**
 * Writes dossiers (one folder each, plus a strategy plan) and one monitoring CSV of exactly
 * `rows` data rows under `out`. Returns the CSV path and the number of projects.
 */
export async function generateMonitoring({ out, rows = 1_000_000, seed = 42 }) {
  const projects = Math.ceil(rows / ROWS_PER_PROJECT);
  mkdirSync(out, { recursive: true });
  generate({ out: path.join(out, 'projects'), count: projects, seed, layout: 'folders' });
  writeFileSync(path.join(out, 'projects', 'strategy.yaml'), strategyYaml());
  const csv = path.join(out, 'monitoring.csv');
  const ws = createWriteStream(csv);
  const write = (s) => (ws.write(s) ? undefined : new Promise((r) => ws.once('drain', r)));
  await write('project,period,metric,value,note\n');
  let left = rows;
  let buf = '';
  for (let i = 1; i <= projects && left > 0; i++) {
    const t = targetsOf(dossierYaml(i, seed));
    const r = rng(seed * 9_000_011 + i);
    const code = `DL-2025-${String(i).padStart(6, '0')}`;
    const pace = 0.8 + r() * 0.4;
    for (let m = 1; m <= 12 && left > 0; m++) {
      const share = Math.min(1, (m / 12) * pace);
      const values = {
        spend: (Math.round(t.total * share * 100) / 100).toFixed(2),
        'OUT-1': String(Math.round(t.out1 * share)),
        'OUT-2': (95 + r() * 5).toFixed(1),
        'OUT-4': (t.out4 * (0.9 + r() * 0.2)).toFixed(2),
        'EFF-1': String(Math.round(t.eff1 * share)),
        'SAT-1': (t.sat - 5 + r() * 10).toFixed(1),
      };
      for (const metric of METRICS) {
        if (left === 0) break;
        buf += `${code},${MONTHS[m - 1]},${metric},${values[metric]},\n`;
        left--;
      }
      if (buf.length > 1 << 16) {
        await write(buf);
        buf = '';
      }
    }
  }
  await write(buf);
  await new Promise((resolve, reject) => ws.end((err) => (err ? reject(err) : resolve())));
  return { csv, projects, dir: path.join(out, 'projects') };
}

/** Writes `count` project folders (dossier + evaluation) and a strategy plan under `out`. */
export function generateProjects({ out, count = 10_000, seed = 42 }) {
  const files = generate({ out, count, seed, layout: 'folders', evaluations: true });
  writeFileSync(path.join(out, 'strategy.yaml'), strategyYaml());
  return files;
}

async function cli(argv) {
  const [what, ...rest] = argv;
  const o = { out: undefined, rows: 1_000_000, count: 10_000, seed: 42 };
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    if (a === '--out') o.out = rest[++i];
    else if (a === '--rows') o.rows = Number(rest[++i]);
    else if (a === '--count') o.count = Number(rest[++i]);
    else if (a === '--seed') o.seed = Number(rest[++i]);
    else throw new Error(`unknown argument ${a}`);
  }
  if (what === 'monitoring') {
    const res = await generateMonitoring({ out: o.out ?? 'bench-data/variance', rows: o.rows, seed: o.seed });
    process.stdout.write(`wrote ${o.rows} rows for ${res.projects} projects: ${res.csv}\n`);
  } else if (what === 'projects') {
    const files = generateProjects({ out: o.out ?? 'bench-data/projects', count: o.count, seed: o.seed });
    process.stdout.write(`wrote ${files.length} files under ${o.out ?? 'bench-data/projects'}\n`);
  } else {
    throw new Error('usage: bench-gen.mjs monitoring|projects [--out DIR] [--rows N] [--count N] [--seed S]');
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) await cli(process.argv.slice(2));
