#!/usr/bin/env node
// Seeded generator of realistic project folders for benchmarks and batch tests: N folders, each
// with a valid dossier.yaml (self policy: output 50, effect 30, satisfaction 10), an
// evaluation.yaml (numbers, notes, qualitative levels, surveys, panels, some claimed tables)
// and a quarterly monitoring.csv. The same seed always gives the same files.
//
//   node scripts/gen-projects.mjs OUT_DIR [N=10000] [--seed 42] [--incomplete 0.01]
//
//   import { generateProjects } from './scripts/gen-projects.mjs';
//   await generateProjects('/tmp/batch', 10000, { seed: 42 });
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export { rng } from './lib/rng.mjs';
import { rng } from './lib/rng.mjs';

const DEPARTMENTS = ['大连市文化和旅游局', '大连市民政局', '大连市教育局', '大连市生态环境局', '大连市住房和城乡建设局', '大连市卫生健康委员会', '大连市交通运输局', '大连市农业农村局', '大连市科学技术局', '大连市人力资源和社会保障局'];
const PREFIX = ['WL', 'MZ', 'JY', 'HB', 'ZJ', 'WJ', 'JT', 'NY', 'KJ', 'RS'];

/** Writes `n` project folders under `dir`; resolves to the list of folder paths. */
export async function generateProjects(dir, n, opts = {}) {
  const rand = rng(opts.seed ?? 42);
  const incomplete = opts.incomplete ?? 0;
  const pick = (xs) => xs[Math.floor(rand() * xs.length)];
  const between = (lo, hi, places = 0) => Number((lo + rand() * (hi - lo)).toFixed(places));
  await mkdir(dir, { recursive: true });
  const width = String(n).length;
  const folders = [];
  const BATCH = 64;
  for (let start = 0; start < n; start += BATCH) {
    const writes = [];
    for (let i = start; i < Math.min(n, start + BATCH); i++) {
      const dep = Math.floor(rand() * DEPARTMENTS.length);
      const code = `DL-2025-${PREFIX[dep]}-${String(i + 1).padStart(width, '0')}`;
      const folder = join(dir, `p${String(i + 1).padStart(width, '0')}`);
      folders.push(folder);
      const p = project(code, DEPARTMENTS[dep], { rand, pick, between, incomplete });
      writes.push(
        mkdir(folder, { recursive: true }).then(() =>
          Promise.all([
            writeFile(join(folder, 'dossier.yaml'), p.dossier),
            writeFile(join(folder, 'evaluation.yaml'), p.evaluation),
            writeFile(join(folder, 'monitoring.csv'), p.monitoring),
          ]),
        ),
      );
    }
    await Promise.all(writes);
  }
  return folders;
}

function project(code, department, { rand, pick, between, incomplete }) {
  const total = between(50, 3000, 2);
  const executedShare = between(0.7, 1.0, 4);
  const executed = Number((total * executedShare).toFixed(2));
  // Output 50 = 20 + 10 + 10 + 10; effect 30 = 15 + 15; satisfaction 10.
  const count = Math.round(between(10, 500));
  const quality = 100;
  const cost = between(2, 20, 1);
  const people = Math.round(between(1000, 60000));
  const ind = [
    { code: 'OUT-1', level1: 'output', level2: 'quantity', name: '完成服务场次', operator: '>=', target: count, unit: '场', weight: 20, milestones: true },
    { code: 'OUT-2', level1: 'output', level2: 'quality', name: '验收合格率', operator: '=', target: quality, unit: '%', weight: 10 },
    { code: 'OUT-3', level1: 'output', level2: 'cost', name: '单场平均成本', operator: '<=', target: cost, unit: '万元/场', weight: 10 },
    { code: 'OUT-4', level1: 'output', level2: 'timeliness', name: '按期完成', operator: 'qualitative', target: '各季度任务均按计划时间完成', weight: 10 },
    { code: 'EFF-1', level1: 'effect', level2: 'social', name: '服务群众人次', operator: '>=', target: people, unit: '人次', weight: 15, milestones: true },
    { code: 'EFF-2', level1: 'effect', level2: 'sustainability', name: '长效管理机制', operator: 'qualitative', target: '建立长效管理制度并印发实施', weight: 15 },
    { code: 'SAT-1', level1: 'satisfaction', level2: 'satisfaction', name: '服务对象满意度', operator: '>=', target: 90, unit: '%', weight: 10 },
  ];
  const q = (x) => [Math.round(x * 0.2), Math.round(x * 0.5), Math.round(x * 0.8), x];
  const dossier = [
    'apiVersion: bpm/v1',
    'kind: ProjectDossier',
    'project:',
    `  code: ${code}`,
    `  name: ${pick(['社区', '城乡', '全市', '重点'])}${pick(['文化惠民', '养老服务', '教育提升', '环境整治', '基础设施', '健康促进'])}项目${code.split('-').pop()}`,
    `  department: ${department}`,
    '  year: 2025',
    '  objectives: [S1]',
    'budget:',
    '  unit: 万元',
    `  total: ${total}`,
    `goal: 2025年完成服务${count}场,服务群众${people}人次以上,单场平均成本不超过${cost}万元,满意度达到90%以上`,
    'indicators:',
    ...ind.flatMap((i) => {
      const lines = [`  - code: ${i.code}`, `    level1: ${i.level1}`, `    level2: ${i.level2}`, `    name: ${i.name}`, `    operator: "${i.operator}"`, `    target: ${i.target}`];
      if (i.unit) lines.push(`    unit: "${i.unit}"`);
      lines.push(`    weight: ${i.weight}`);
      if (i.milestones) {
        const [a, b, c, d] = q(i.target);
        lines.push(`    milestones: {Q1: ${a}, Q2: ${b}, Q3: ${c}, Q4: ${d}}`);
      }
      return lines;
    }),
    '',
  ].join('\n');

  const achieved = (t) => Math.round(t * between(0.7, 1.35, 3));
  const out1 = achieved(count);
  const eff1 = achieved(people);
  const level = () => pick(['achieved', 'achieved', 'partial', 'failed']);
  const band = { achieved: [0.8, 1], partial: [0.6, 0.79], failed: [0.2, 0.59] };
  const lv1 = level();
  const lv2 = level();
  const respondents = Math.round(between(150, 2000));
  const satisfied = Math.round(respondents * between(0.75, 0.99, 3));
  const actuals = [
    `  OUT-1: ${rand() < 0.5 ? out1 : `{value: ${out1}, note: 部分活动受天气影响调整}`}`,
    `  OUT-2: ${between(95, 100, 1)}`,
    `  OUT-3: ${between(cost * 0.8, cost * 1.3, 2)}`,
    `  OUT-4: {level: ${lv1}, score: ${(between(band[lv1][0], band[lv1][1], 2) * 10).toFixed(1)}}`,
    ...(rand() < incomplete ? [] : [`  EFF-1: ${eff1}`]),
    `  EFF-2: {level: ${lv2}${rand() < 0.5 ? `, score: ${(between(band[lv2][0], band[lv2][1], 2) * 15).toFixed(1)}` : ''}}`,
    `  SAT-1: {survey: {respondents: ${respondents}, satisfied: ${satisfied}}}`,
  ];
  const evaluation = [
    'apiVersion: bpm/v1',
    'kind: Evaluation',
    `project: ${code}`,
    'budget:',
    `  executed: ${executed}`,
    ...(executedShare < 0.9 ? ['  note: 部分工程款跨年结算'] : []),
    'actuals:',
    ...actuals,
    ...(rand() < 0.2 ? ['assessments:', `  - {by: expert, score: ${between(70, 95, 1)}}`, `  - {by: public, score: ${between(70, 98, 1)}}`] : []),
    ...(rand() < 0.2 ? ['claimed:', `  execution: ${Math.min(10, Math.round(executedShare * 10))}`, '  indicators: {OUT-1: 20, OUT-2: 10}', `  total: ${between(80, 98, 1)}`, '  grade: good'] : []),
    '',
  ].join('\n');

  const rows = ['project,period,metric,value,note'];
  const spendShares = [0.15, 0.4, 0.7, executedShare];
  ['Q1', 'Q2', 'Q3', 'Q4'].forEach((qq, k) => {
    rows.push(`${code},2025-${qq},spend,${(total * Math.min(spendShares[k], executedShare)).toFixed(2)},`);
    rows.push(`${code},2025-${qq},OUT-1,${Math.round(out1 * [0.2, 0.5, 0.8, 1][k])},`);
    rows.push(`${code},2025-${qq},EFF-1,${Math.round(eff1 * [0.2, 0.5, 0.8, 1][k])},`);
  });
  return { dossier, evaluation, monitoring: rows.join('\n') + '\n' };
}

async function cli(argv) {
  const args = argv.slice(2);
  const flag = (name, fallback) => {
    const i = args.indexOf(name);
    if (i < 0) return fallback;
    const v = args[i + 1];
    args.splice(i, 2);
    return v;
  };
  const seed = Number(flag('--seed', '42'));
  const incomplete = Number(flag('--incomplete', '0'));
  const [dir, n = '10000'] = args;
  if (!dir || !Number.isInteger(Number(n)) || Number(n) < 1) {
    process.stderr.write('usage: node scripts/gen-projects.mjs OUT_DIR [N=10000] [--seed 42] [--incomplete 0.01]\n');
    process.exitCode = 2;
    return;
  }
  const t0 = process.hrtime.bigint();
  await generateProjects(dir, Number(n), { seed, incomplete });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  process.stderr.write(`generated ${n} project folders in ${dir} (${ms.toFixed(0)} ms, seed ${seed})\n`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await cli(process.argv);
