#!/usr/bin/env node
// Seeded, deterministic generator of monitoring data for benchmarks and tests: N rows of monthly
// monitoring data (docs/formats.md#monitoring-data-csv) across as many projects as needed, plus one matching dossier
// per project, so that `bpm variance DIR --data FILE.csv` has every row to compute.
//
//   node scripts/gen-monitoring.mjs --rows 1000000 --dir /tmp/gen-dir --csv /tmp/big.csv [--seed 42] [--gbk] [--indicators 5]
//
// or from a script:  import { generateMonitoring } from './gen-monitoring.mjs';
//                    const info = await generateMonitoring({ rows: 1e6, dir, csv, seed: 42 });
//
// Each project has 18 numeric indicators (10 output, 6 effect, 2 satisfaction: weights 50/30/10,
// so the dossiers also validate) and 12 months of data: 19 metrics × 12 = 228 rows per project
// (1,000,000 rows ≈ 4,386 projects, ≈ 48 MB). Rows are ordered month by month across all
// projects (how a bureau appends each month's returns), which is the hardest order for a
// streaming reader: every project stays open until the end. Spend and counts only grow; spend
// never exceeds the budget; a row in 40 has a note (Chinese text with a comma, so quoted).
// `indicators: 5` (--indicators 5) gives a smaller project, the common real one: 2 output, 2
// effect and 1 satisfaction indicator (weights 25, 15, 10), 6 metrics × 12 = 72 rows a project.
import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import { rng as prng } from './lib/rng.mjs';

const MONTHS = 12;
/** Indicators per section and each one's weight (a section's weights add up to 50, 30 and 10). */
const MIXES = {
  18: { output: 10, effect: 6, satisfaction: 2, weights: [5, 5, 5] },
  5: { output: 2, effect: 2, satisfaction: 1, weights: [25, 15, 10] },
};
const mixOf = (indicators) => {
  const mix = MIXES[indicators];
  if (mix === undefined) throw new Error(`indicators must be one of ${Object.keys(MIXES).join(', ')}`);
  return mix;
};
/** Rows per project: spend and each indicator, every month. */
export const rowsPerProject = (indicators = 18) => (1 + indicators) * MONTHS;
export const METRICS_PER_PROJECT = 19;
export const ROWS_PER_PROJECT = rowsPerProject(18);

/** Integer-cent amounts as text, so values are exact decimals with at most 2 places. */
const money = (cents) => `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;

function projectSpec(k, rnd, mix) {
  const { output: OUTPUT, effect: EFFECT, satisfaction: SATISFACTION, weights } = mix;
  const code = `GEN-${String(k + 1).padStart(6, '0')}`;
  const totalCents = (200 + Math.floor(rnd() * 4800)) * 100; // 200 … 5000 万元
  const indicators = [];
  for (let i = 0; i < OUTPUT + EFFECT + SATISFACTION; i++) {
    const level1 = i < OUTPUT ? 'output' : i < OUTPUT + EFFECT ? 'effect' : 'satisfaction';
    const kind = i % 3; // 0: count (cumulative), 1: "%" level, 2: "<=" level
    const sat = level1 === 'satisfaction';
    indicators.push({
      code: `${level1 === 'output' ? 'OUT' : level1 === 'effect' ? 'EFF' : 'SAT'}-${i + 1}`,
      level1,
      level2: level1 === 'output' ? ['quantity', 'quality', 'cost'][kind] : level1 === 'effect' ? 'social' : 'satisfaction',
      operator: sat || kind !== 2 ? '>=' : '<=',
      target: sat ? 90 : kind === 0 ? 50 + Math.floor(rnd() * 5000) : kind === 1 ? 90 : 20 + Math.floor(rnd() * 80),
      unit: sat || kind === 1 ? '%' : kind === 0 ? '个' : '元',
      cumulative: !sat && kind === 0,
      weight: weights[level1 === 'output' ? 0 : level1 === 'effect' ? 1 : 2],
    });
  }
  return { code, totalCents, indicators, pace: 0.75 + rnd() * 0.4 };
}

function dossierYaml(p) {
  const lines = [
    'apiVersion: bpm/v1',
    'kind: ProjectDossier',
    'project:',
    `  code: ${p.code}`,
    `  name: 生成的测试项目 ${p.code}`,
    '  department: 基准测试局',
    '  year: 2025',
    '  objectives: [S1]',
    'budget:',
    '  unit: 万元',
    `  total: ${money(p.totalCents)}`,
    'goal: 2025年完成各项产出指标,服务对象满意度达到90%以上。',
    'indicators:',
  ];
  for (const i of p.indicators) {
    lines.push(
      `  - code: ${i.code}`,
      `    level1: ${i.level1}`,
      `    level2: ${i.level2}`,
      `    name: 指标 ${i.code}`,
      `    operator: "${i.operator}"`,
      `    target: ${i.target}`,
      `    unit: "${i.unit}"`,
      `    weight: ${i.weight}`,
    );
  }
  return lines.join('\n') + '\n';
}

/**
 * Writes `rows` data rows to `csv` and the dossiers of their projects under `dir`
 * (`dir/GEN-000001/dossier.yaml` …). Returns { rows, projects, bytes }.
 */
export async function generateMonitoring({ rows, dir, csv, seed = 42, gbk = false, indicators = 18 }) {
  const mix = mixOf(indicators);
  const rnd = prng(seed);
  const nProjects = Math.max(1, Math.ceil(rows / rowsPerProject(indicators)));
  const projects = [];
  mkdirSync(dir, { recursive: true });
  for (let k = 0; k < nProjects; k++) {
    const p = projectSpec(k, rnd, mix);
    projects.push(p);
    mkdirSync(path.join(dir, p.code), { recursive: true });
    writeFileSync(path.join(dir, p.code, 'dossier.yaml'), dossierYaml(p));
  }
  const encode = gbk ? (await import('iconv-lite')).default.encode : null;
  const out = createWriteStream(csv);
  let bytes = 0;
  const write = async (text) => {
    const buf = encode ? encode(text, 'gbk') : Buffer.from(text, 'utf8');
    bytes += buf.length;
    if (!out.write(buf)) await new Promise((resolve) => out.once('drain', resolve));
  };
  await write(gbk ? '项目编码,期间,指标编码,累计值,说明\r\n' : 'project,period,metric,value,note\r\n');
  let written = 0;
  let buf = [];
  // Cumulative state per project: spend in cents and counts, so that they never fall.
  const spent = new Array(nProjects).fill(0);
  const counts = projects.map((p) => p.indicators.map(() => 0));
  outer: for (let m = 1; m <= MONTHS; m++) {
    const period = `2025-${String(m).padStart(2, '0')}`;
    for (let k = 0; k < nProjects; k++) {
      const p = projects[k];
      const planned = Math.min(p.totalCents, Math.round((p.totalCents * m * p.pace * (0.9 + rnd() * 0.2)) / MONTHS));
      spent[k] = Math.max(spent[k], planned);
      const metrics = [['spend', money(spent[k])]];
      p.indicators.forEach((ind, j) => {
        let v;
        if (ind.cumulative) {
          counts[k][j] = Math.max(counts[k][j], Math.round((ind.target * m * (0.6 + rnd() * 0.7)) / MONTHS));
          v = String(counts[k][j]);
        } else if (ind.unit === '%') v = (Math.round(ind.target * (0.8 + rnd() * 0.25) * 10) / 10).toFixed(1);
        else v = String(Math.round(ind.target * (0.85 + rnd() * 0.3) * 100) / 100);
        metrics.push([ind.code, v]);
      });
      for (const [metric, value] of metrics) {
        if (written >= rows) break outer;
        const note = written % 40 === 7 ? '"受天气影响, 进度略有延迟"' : '';
        buf.push(`${p.code},${period},${metric},${value},${note}\r\n`);
        written++;
        if (buf.length >= 20000) {
          await write(buf.join(''));
          buf = [];
        }
      }
    }
  }
  if (buf.length) await write(buf.join(''));
  await new Promise((resolve, reject) => out.end((err) => (err ? reject(err) : resolve())));
  return { rows: written, projects: nProjects, bytes };
}

function parseArgs(argv) {
  const opts = { rows: 1_000_000, dir: 'gen-dir', csv: 'big.csv', seed: 42, gbk: false, indicators: 18 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--gbk') opts.gbk = true;
    else if (a === '--rows') opts.rows = Number(argv[++i]);
    else if (a === '--dir') opts.dir = argv[++i];
    else if (a === '--csv') opts.csv = argv[++i];
    else if (a === '--seed') opts.seed = Number(argv[++i]);
    else if (a === '--indicators') opts.indicators = Number(argv[++i]);
    else throw new Error(`unknown argument ${a} (use --rows N --dir DIR --csv FILE --seed S --gbk --indicators 18|5)`);
  }
  if (!Number.isInteger(opts.rows) || opts.rows < 1) throw new Error('--rows must be a positive integer');
  return opts;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const opts = parseArgs(process.argv.slice(2));
  const t0 = Date.now();
  const info = await generateMonitoring(opts);
  process.stdout.write(`${info.rows} rows, ${info.projects} projects, ${(info.bytes / 1e6).toFixed(1)} MB → ${opts.csv}, dossiers in ${opts.dir}/ (${Date.now() - t0} ms)\n`);
}
