#!/usr/bin/env node
// Seeded, deterministic generator of realistic bpm documents for benchmarks and property tests:
// ProjectDossier files of about 2-3 KB (Chinese names, decimal budgets whose sources and
// quarterly schedule add up exactly, indicators whose weights fill the `self` policy's sections)
// and their Evaluations. The same seed always gives byte-identical files.
//
//   node scripts/gen-dossiers.mjs --out bench-data/dossiers --count 10000 [--seed 42]
//        [--evaluations] [--layout flat|folders] [--broken 0.01]
//
// Layout `flat` (default): DIR/NNN/CODE.yaml, 100 files a directory, dossiers only (what ajv-cli
// validates with one schema). Layout `folders`: DIR/CODE/dossier.yaml (+ evaluation.yaml).
// Dates are quoted: ajv-cli reads YAML with js-yaml 3 (YAML 1.1), which would turn a bare
// 2025-01-01 into a Date and fail `type: string`; bpm reads either form the same way.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export { rng } from './lib/rng.mjs';
import { rng } from './lib/rng.mjs';

const pick = (r, list) => list[Math.floor(r() * list.length)];
const int = (r, lo, hi) => lo + Math.floor(r() * (hi - lo + 1));

const DEPARTMENTS = ['大连市文化和旅游局', '大连市教育局', '大连市生态环境局', '大连市民政局', '大连市住房和城乡建设局', '大连市卫生健康委员会', '大连市农业农村局', '大连市交通运输局'];
const UNITS = ['大连市群众艺术馆', '大连市教育事业发展中心', '大连市环境监测中心', '大连市社会福利院', '大连市城市建设服务中心', '大连市疾病预防控制中心', '大连市农业发展服务中心', '大连市公路事业发展中心'];
const THEMES = ['社区文化惠民', '智慧教室建设', '河道综合治理', '居家养老服务', '老旧小区改造', '基层医疗能力提升', '高标准农田建设', '农村公路养护'];
const CATEGORIES = ['文化旅游体育与传媒', '教育', '节能环保', '社会保障和就业', '城乡社区', '卫生健康', '农林水', '交通运输'];
const QUANTITY = [['举办活动场次', '场'], ['培训人次', '人次'], ['建设完成数量', '个'], ['服务对象覆盖户数', '户'], ['改造面积', '平方米'], ['治理河道长度', '公里']];
const SOURCES = ['当年财政拨款', '上级补助资金', '其他资金'];

/** An exact decimal with two places, as a string: cents → "123.45" (no float drift). */
const money = (cents) => {
  const s = String(cents).padStart(3, '0');
  const t = `${s.slice(0, -2)}.${s.slice(-2)}`.replace(/\.?0+$/, '');
  return t === '' ? '0' : t;
};

/** Splits `total` cents into `n` positive parts (weights drawn from r) that add up exactly. */
function split(r, total, n) {
  const w = Array.from({ length: n }, () => 1 + r() * 3);
  const sum = w.reduce((a, b) => a + b, 0);
  const parts = w.map((x) => Math.max(1, Math.floor((total * x) / sum)));
  parts[n - 1] = total - parts.slice(0, -1).reduce((a, b) => a + b, 0);
  return parts;
}

/**
 * One dossier as YAML text. `broken` makes it fail one semantic rule (weights-sum) so that a
 * benchmark also exercises the positions path for a few files.
 */
export function dossierYaml(i, seed = 42, { broken = false, year = 2025 } = {}) {
  const r = rng(seed * 1_000_003 + i);
  const k = int(r, 0, THEMES.length - 1);
  const code = `DL-${year}-${String(i).padStart(6, '0')}`;
  const totalCents = int(r, 50, 5000) * 100 + int(r, 0, 99);
  const [s1, s2] = split(r, totalCents, 2);
  const q = split(r, totalCents, 4);
  const [qName, qUnit] = pick(r, QUANTITY);
  const t1 = int(r, 10, 500);
  const t2 = int(r, 100, 20000);
  const m = (t) => [Math.round(t * 0.2), Math.round(t * 0.45), Math.round(t * 0.75), t];
  const m1 = m(t1);
  const m2 = m(t2);
  const sat = pick(r, [85, 90, 95]);
  const unitCost = money(int(r, 100, 2000));
  const w = broken ? 25 : 20; // output weights must total 50
  return `# 项目支出绩效目标申报表 —— ${THEMES[k]}项目 ${i}
apiVersion: bpm/v1
kind: ProjectDossier
project:
  code: ${code}
  name: ${THEMES[k]}项目（第${i}号）
  department: ${DEPARTMENTS[k]}
  unit: ${UNITS[k]}
  year: ${year}
  period: {start: '${year}-01-01', end: '${year}-12-31'}
  objectives: [S${k + 1}.${int(r, 1, 3)}]
  category: ${CATEGORIES[k]}
budget:
  unit: 万元
  initial: ${money(totalCents)}
  total: ${money(totalCents)}
  sources:
    - {name: ${SOURCES[0]}, amount: ${money(s1)}}
    - {name: ${pick(r, SOURCES.slice(1))}, amount: ${money(s2)}}
  schedule: {Q1: ${money(q[0])}, Q2: ${money(q[1])}, Q3: ${money(q[2])}, Q4: ${money(q[3])}}
goal: ${year}年内完成${qName}${t1}${qUnit}以上，服务群众${t2}人次，单位成本控制在${unitCost}万元以内，服务对象满意度达到${sat}%以上。
indicators:
  - code: OUT-1
    level1: output
    level2: quantity
    name: ${qName}
    operator: ">="
    target: ${t1}
    unit: ${qUnit}
    weight: ${w}
    basis: plan
    baseline: ${Math.round(t1 * 0.85)}
    milestones: {Q1: ${m1[0]}, Q2: ${m1[1]}, Q3: ${m1[2]}, Q4: ${m1[3]}}
  - code: OUT-2
    level1: output
    level2: quality
    name: 验收合格率
    operator: ">="
    target: 98
    unit: "%"
    weight: 10
    basis: industry
  - code: OUT-3
    level1: output
    level2: timeliness
    name: 按计划完成
    operator: qualitative
    target: 各季度任务均按年度计划如期完成，延期事项为0
    weight: 10
  - code: OUT-4
    level1: output
    level2: cost
    name: 单位成本
    operator: "<="
    target: ${unitCost}
    unit: 万元
    weight: 10
    basis: history
  - code: EFF-1
    level1: effect
    level2: social
    name: 服务群众人次
    operator: ">="
    target: ${t2}
    unit: 人次
    weight: 20
    milestones: {Q1: ${m2[0]}, Q2: ${m2[1]}, Q3: ${m2[2]}, Q4: ${m2[3]}}
  - code: EFF-2
    level1: effect
    level2: sustainability
    name: 长效机制
    operator: qualitative
    target: 建立运行管护制度并在至少3个区（市）县推广
    weight: 10
  - code: SAT-1
    level1: satisfaction
    level2: satisfaction
    name: 服务对象满意度
    operator: ">="
    target: ${sat}
    unit: "%"
    weight: 10
`;
}

/** The Evaluation of dossier `i` (same seed): actuals around the targets. */
export function evaluationYaml(i, seed = 42, { year = 2025 } = {}) {
  const r = rng(seed * 1_000_003 + i);
  // Replay the dossier's draws so that targets match.
  int(r, 0, THEMES.length - 1);
  const totalCents = int(r, 50, 5000) * 100 + int(r, 0, 99);
  split(r, totalCents, 2);
  split(r, totalCents, 4);
  pick(r, QUANTITY);
  const t1 = int(r, 10, 500);
  const t2 = int(r, 100, 20000);
  const sat = pick(r, [85, 90, 95]);
  const unitCost = int(r, 100, 2000);
  const e = rng(seed * 7_000_003 + i);
  const f = () => 0.8 + e() * 0.4;
  const respondents = int(e, 200, 2000);
  return `apiVersion: bpm/v1
kind: Evaluation
project: DL-${year}-${String(i).padStart(6, '0')}
evaluator: self
budget:
  executed: ${money(Math.round(totalCents * (0.85 + e() * 0.15)))}
actuals:
  OUT-1: ${Math.round(t1 * f())}
  OUT-2: ${money(Math.min(10000, Math.round(9800 * f())))}
  OUT-3: {level: ${pick(e, ['achieved', 'achieved', 'partial'])}}
  OUT-4: ${money(Math.round(unitCost * f()))}
  EFF-1: ${Math.round(t2 * f())}
  EFF-2: {level: achieved}
  SAT-1: {survey: {respondents: ${respondents}, satisfied: ${Math.min(respondents, Math.round((respondents * sat * f()) / 100))}}}
`;
}

/** A StrategyPlan holding every objective the generated dossiers name. */
export function strategyYaml() {
  const objs = THEMES.flatMap((t, k) => [
    `  - {id: S${k + 1}, title: ${t}}`,
    ...[1, 2, 3].map((j) => `  - {id: S${k + 1}.${j}, title: ${t}任务${j}, parent: S${k + 1}}`),
  ]);
  return `apiVersion: bpm/v1\nkind: StrategyPlan\nname: 大连市国民经济和社会发展规划\nobjectives:\n${objs.join('\n')}\n`;
}

/**
 * Writes `count` dossiers (and evaluations) under `out`. Returns the list of written files.
 * `broken` is the fraction of dossiers that fail weights-sum (chosen deterministically).
 */
export function generate({ out, count, seed = 42, evaluations = false, layout = 'flat', broken = 0 }) {
  const files = [];
  const brokenEvery = broken > 0 ? Math.max(1, Math.round(1 / broken)) : 0;
  for (let i = 1; i <= count; i++) {
    const code = `DL-2025-${String(i).padStart(6, '0')}`;
    const isBroken = brokenEvery > 0 && i % brokenEvery === 0;
    const dir = layout === 'folders' ? path.join(out, code) : path.join(out, String(Math.floor((i - 1) / 100)).padStart(3, '0'));
    mkdirSync(dir, { recursive: true });
    const dossier = path.join(dir, layout === 'folders' ? 'dossier.yaml' : `${code}.yaml`);
    writeFileSync(dossier, dossierYaml(i, seed, { broken: isBroken }));
    files.push(dossier);
    if (evaluations) {
      const ev = path.join(dir, layout === 'folders' ? 'evaluation.yaml' : `${code}.evaluation.yaml`);
      writeFileSync(ev, evaluationYaml(i, seed));
      files.push(ev);
    }
  }
  return files;
}

function parseArgs(argv) {
  const o = { out: 'bench-data/dossiers', count: 10000, seed: 42, evaluations: false, layout: 'flat', broken: 0 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--out') o.out = argv[++i];
    else if (a === '--count') o.count = Number(argv[++i]);
    else if (a === '--seed') o.seed = Number(argv[++i]);
    else if (a === '--evaluations') o.evaluations = true;
    else if (a === '--layout') o.layout = argv[++i];
    else if (a === '--broken') o.broken = Number(argv[++i]);
    else throw new Error(`unknown argument ${a}`);
  }
  return o;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const o = parseArgs(process.argv.slice(2));
  const files = generate(o);
  process.stdout.write(`wrote ${files.length} files under ${o.out}\n`);
}
