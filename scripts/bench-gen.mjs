#!/usr/bin/env node
// Seeded, deterministic folders of projects (dossier.yaml + evaluation.yaml) for the score
// section of scripts/bench.js. (Monitoring data comes from scripts/gen-monitoring.mjs.)
//
//   node scripts/bench-gen.mjs projects --out bench-data/projects --count 10000 [--seed 42]
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate, strategyYaml } from './gen-dossiers.mjs';

/** Writes `count` project folders (dossier + evaluation) and a strategy plan under `out`. */
export function generateProjects({ out, count = 10_000, seed = 42 }) {
  const files = generate({ out, count, seed, layout: 'folders', evaluations: true });
  writeFileSync(path.join(out, 'strategy.yaml'), strategyYaml());
  return files;
}

async function cli(argv) {
  const [what, ...rest] = argv;
  const o = { out: undefined, count: 10_000, seed: 42 };
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    if (a === '--out') o.out = rest[++i];
    else if (a === '--count') o.count = Number(rest[++i]);
    else if (a === '--seed') o.seed = Number(rest[++i]);
    else throw new Error(`unknown argument ${a}`);
  }
  if (what === 'projects') {
    const files = generateProjects({ out: o.out ?? 'bench-data/projects', count: o.count, seed: o.seed });
    process.stdout.write(`wrote ${files.length} files under ${o.out ?? 'bench-data/projects'}\n`);
  } else {
    throw new Error('usage: bench-gen.mjs projects [--out DIR] [--count N] [--seed S]');
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) await cli(process.argv.slice(2));
