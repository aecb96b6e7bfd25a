#!/usr/bin/env node
// Benchmark of `bpm score` over a folder of filled-in 自评表 workbooks against their YAML twins
// (issue 13: within 3x of YAML; memory bounded by the largest workbook, not the folder).
//
//   node scripts/bench-xlsx.mjs [--quick] [--runs N] [--projects N] [--json]
//   import { run } from './scripts/bench-xlsx.mjs'; const result = await run({ quick: true });
//
// Shape: N projects from scripts/gen-projects.mjs (seed 42), each written as one 项目支出绩效自评表
// workbook (财预〔2020〕10号 layout, one sheet: the project fields with 项目编码 and a 战略目标 row,
// the funding row, 年度总体目标, nine indicator rows, 总分 and 自评等级) into one flat folder, as an
// auditor receives them. The YAML twins are what `bpm import` makes of those workbooks, so both
// sides hold the same facts and give the same scores (checked). bpm writes json through stdout to
// a file under bench-data/. `ratio` is the workbooks' median time over the twins'. Needs
// `npm run build` first (bpm runs from dist/; the workbooks are written with src/io/xlsx/write.ts,
// loaded through tsx).
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { spawnSync } from 'node:child_process';
import { parse } from 'yaml';
import { generateProjects } from './gen-projects.mjs';
import { BENCH_DIR, BPM, ROOT, fmtMb, fmtMs, measure, scriptArgs } from './bench-lib.mjs';

const LEVEL1 = { output: '产出指标', effect: '效益指标', satisfaction: '满意度指标' };
const LEVEL2 = { quantity: '数量指标', quality: '质量指标', cost: '成本指标', timeliness: '时效指标', social: '社会效益指标', sustainability: '可持续影响指标', satisfaction: '服务对象满意度指标' };
const SIGN = { '>=': '≥', '<=': '≤', '=': '＝' };
const LEVEL_WORD = { achieved: '达成', partial: '部分达成', failed: '未达成' };
const DEFAULT_FRACTION = { achieved: 1, partial: 0.7, failed: 0.3 };

const round2 = (x) => Math.round(x * 100) / 100;

/** One generated project (its dossier and evaluation as data) as the sheets of a 自评表 workbook. */
function selfEvaluation(d, e) {
  const cells = [];
  const merges = [];
  const box = { border: true, wrap: true, align: 'center' };
  const put = (row, col, value, style = box) => cells.push({ row, col, value, style });
  const merge = (r1, c1, r2, c2, value, style = box) => {
    put(r1, c1, value, style);
    merges.push(`${String.fromCharCode(64 + c1)}${r1}:${String.fromCharCode(64 + c2)}${r2}`);
  };
  const total = d.budget.total;
  const executed = e.budget.executed;
  merge(1, 1, 1, 10, '项目支出绩效自评表', { bold: true, size: 16, align: 'center' });
  merge(2, 1, 2, 10, '（2025年度）', { align: 'center' });
  merge(3, 1, 3, 2, '项目名称');
  merge(3, 3, 3, 6, d.project.name);
  put(3, 7, '项目编码');
  merge(3, 8, 3, 10, d.project.code);
  merge(4, 1, 4, 2, '主管部门');
  merge(4, 3, 4, 6, d.project.department);
  put(4, 7, '战略目标');
  merge(4, 8, 4, 10, d.project.objectives.join('、'));
  merge(5, 1, 6, 2, '项目资金（万元）');
  merge(5, 3, 5, 4, '');
  ['年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'].forEach((h, i) => put(5, 5 + i, h));
  merge(6, 3, 6, 4, '年度资金总额');
  const execScore = round2(Math.min(executed / total, 1) * 10);
  put(6, 5, total, { ...box, numFmt: '0.00' });
  put(6, 6, total, { ...box, numFmt: '0.00' });
  put(6, 7, executed, { ...box, numFmt: '0.00' });
  put(6, 8, 10);
  put(6, 9, { formula: 'G6/F6', cached: executed / total }, { ...box, numFmt: '0.00%' });
  put(6, 10, execScore, { ...box, numFmt: '0.00' });
  merge(7, 1, 8, 2, '年度总体目标');
  merge(7, 3, 7, 6, '预期目标');
  merge(7, 7, 7, 10, '实际完成情况');
  merge(8, 3, 8, 6, d.goal, { ...box, align: 'left' });
  merge(8, 7, 8, 10, '全年目标任务基本完成', { ...box, align: 'left' });
  const top = 9;
  merge(top, 1, top + d.indicators.length, 1, '绩效指标');
  ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分'].forEach((h, i) => put(top, 2 + i, h, { ...box, bold: true }));
  merge(top, 9, top, 10, '偏差原因分析及改进措施', { ...box, bold: true });
  let sum = execScore;
  d.indicators.forEach((ind, i) => {
    const r = top + 1 + i;
    const a = e.actuals[ind.code];
    put(r, 2, LEVEL1[ind.level1]);
    put(r, 3, LEVEL2[ind.level2]);
    put(r, 4, ind.name);
    put(r, 5, ind.operator === 'qualitative' ? ind.target : `${SIGN[ind.operator]}${ind.target}${ind.unit === '%' ? '%' : ind.unit}`);
    let shown = '';
    let score = 0;
    let note = '';
    if (ind.operator === 'qualitative') {
      shown = LEVEL_WORD[a.level];
      score = a.score ?? round2(DEFAULT_FRACTION[a.level] * ind.weight);
    } else if (a !== undefined) {
      const value = typeof a === 'number' ? a : a.survey ? round2((a.survey.satisfied / a.survey.respondents) * 100) : a.value;
      note = typeof a === 'object' && a.note ? a.note : '';
      shown = `${value}${ind.unit === '%' ? '%' : ind.unit}`;
      const ratio = ind.operator === '<=' ? ind.target / value : value / ind.target;
      score = round2(Math.min(ratio, 1) * ind.weight);
    }
    sum += score;
    put(r, 6, shown);
    put(r, 7, ind.weight);
    put(r, 8, a === undefined ? null : score, { ...box, numFmt: '0.00' });
    merge(r, 9, r, 10, note, { ...box, align: 'left' });
  });
  const end = top + d.indicators.length + 1;
  merge(end, 1, end, 6, '总分', { ...box, bold: true });
  put(end, 7, 100);
  put(end, 8, round2(sum), { ...box, numFmt: '0.00' });
  merge(end, 9, end, 10, '');
  merge(end + 1, 1, end + 1, 2, '自评等级');
  merge(end + 1, 3, end + 1, 10, sum >= 90 ? '优' : sum >= 80 ? '良' : sum >= 60 ? '中' : '差');
  return [{ name: '自评表', cells, merges, widths: { 1: 6, 2: 14, 3: 16, 4: 22, 5: 22, 6: 16, 7: 8, 8: 9, 9: 14, 10: 14 } }];
}

/** The data set: N workbooks in `workbooks/`, their YAML twins (bpm import) in `yaml/`. */
async function prepare(dir, projects, log) {
  if (existsSync(path.join(dir, '.complete'))) return;
  rmSync(dir, { recursive: true, force: true });
  const gen = path.join(dir, 'generated');
  const books = path.join(dir, 'workbooks');
  mkdirSync(books, { recursive: true });
  await generateProjects(gen, projects, { seed: 42 });
  const { tsImport } = await import('tsx/esm/api');
  const { writeWorkbook } = await tsImport(pathToFileURL(path.join(ROOT, 'src', 'io', 'xlsx', 'write.ts')).href, import.meta.url);
  for (const name of readdirSync(gen).sort()) {
    const d = parse(readFileSync(path.join(gen, name, 'dossier.yaml'), 'utf8'));
    const e = parse(readFileSync(path.join(gen, name, 'evaluation.yaml'), 'utf8'));
    writeFileSync(path.join(books, `${d.project.code}.xlsx`), writeWorkbook(selfEvaluation(d, e)));
  }
  const imported = spawnSync(process.execPath, [BPM, 'import', books, '-o', path.join(dir, 'yaml'), '-q'], { encoding: 'utf8', maxBuffer: 1 << 28 });
  if (imported.status !== 0) throw new Error(`bpm import failed (${imported.status}): ${imported.stderr.slice(0, 2000)}`);
  rmSync(gen, { recursive: true, force: true });
  writeFileSync(path.join(dir, '.complete'), '');
  log(`  wrote ${projects} workbooks and imported their YAML twins`);
}

export async function run({ quick = false, runs, projects, log = console.log } = {}) {
  projects ??= 1_000;
  runs ??= quick ? 1 : 3;
  const dir = path.join(BENCH_DIR, `xlsx-${projects}`);
  mkdirSync(BENCH_DIR, { recursive: true });
  await prepare(dir, projects, log);
  const shape = `${projects.toLocaleString('en')} 自评表 workbooks (one sheet each, ~7 KB) against their YAML twins (dossier + evaluation), seed 42`;
  log(`xlsx: ${shape}`);
  const books = path.join(dir, 'workbooks');
  const twins = path.join(dir, 'yaml');
  const outXlsx = path.join(BENCH_DIR, 'xlsx-score-workbooks.json');
  const outYaml = path.join(BENCH_DIR, 'xlsx-score-yaml.json');
  const cmdXlsx = ['node', BPM, 'score', books, '-f', 'json'];
  const cmdYaml = ['node', BPM, 'score', twins, '-f', 'json'];
  const yaml = await measure(cmdYaml, { runs, stdoutFile: outYaml });
  const xlsx = await measure(cmdXlsx, { runs, stdoutFile: outXlsx });
  // The same facts give the same scores.
  const totals = (file) => JSON.parse(readFileSync(file, 'utf8')).projects.map((p) => `${p.code} ${p.status} ${p.total}`).join('\n');
  const same = totals(outXlsx) === totals(outYaml);
  if (!same) throw new Error('the workbooks and their YAML twins do not score the same');
  const ratio = Math.round((xlsx.medianMs / yaml.medianMs) * 100) / 100;
  log(`  yaml  ${fmtMs(yaml.medianMs)} median of ${runs} (${yaml.runsMs.join(', ')} ms), peak RSS ${fmtMb(yaml.peakRssMb)}`);
  log(`        ${cmdYaml.join(' ')} > bench-data/xlsx-score-yaml.json`);
  log(`  xlsx  ${fmtMs(xlsx.medianMs)} median of ${runs} (${xlsx.runsMs.join(', ')} ms), peak RSS ${fmtMb(xlsx.peakRssMb)}`);
  log(`        ${cmdXlsx.join(' ')} > bench-data/xlsx-score-workbooks.json`);
  log(`  ratio xlsx/yaml ${ratio} (target ≤ 3); same totals: ${same}`);
  return { name: 'xlsx', shape, projects, runs, yaml: { command: cmdYaml.join(' '), ...yaml }, xlsx: { command: cmdXlsx.join(' '), ...xlsx }, ratio, target: { ratio: 3 } };
}

const cli = scriptArgs(import.meta.url);
if (cli) {
  const result = await run({ quick: cli.has('--quick'), runs: cli.num('--runs'), projects: cli.num('--projects') });
  if (cli.has('--json')) console.log(JSON.stringify(result, null, 2));
}
