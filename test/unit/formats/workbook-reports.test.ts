// Workbooks in and out (issue 13 stage 2): scoring a workbook gives the report that scoring its
// imported YAML gives; the 自评表 twin of examples/old-neighbourhood-renovation scores as the YAML
// example but for what the form does not carry; and the workbooks score and variance write are
// read back: sheet names, cells, merges, number types and formats — and their project sheets
// read as the official forms they imitate.
import { expect } from 'chai';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { importWorkbooks } from '../../../src/commands/import/run.js';
import { score } from '../../../src/commands/score/run.js';
import { variance } from '../../../src/commands/variance/run.js';
import type { FormatOptions } from '../../../src/core/report.js';
import { json } from '../../../src/formats/score/json.js';
import { xlsx as scoreXlsx } from '../../../src/formats/score/xlsx.js';
import { xlsx as varianceXlsx } from '../../../src/formats/variance/xlsx.js';
import { rangeRef } from '../../../src/io/xlsx/cells.js';
import { readWorkbookDocuments } from '../../../src/io/xlsx/forms/index.js';
import { cellAt, readWorkbook, type Sheet } from '../../../src/io/xlsx/read.js';
import { writeZip, ZipReader } from '../../../src/io/xlsx/zip.js';
import { fixture, ROOT } from '../../helpers/run.js';
import { tempDir } from '../../helpers/temp.js';

const en: FormatOptions = { lang: 'en', color: false, version: 'test' };
const zh: FormatOptions = { lang: 'zh', color: false, version: 'test' };

type Json = Record<string, any>;

/** A score report as JSON without what names files and places (they differ between workbook and YAML). */
async function scoreJson(paths: string[], cwd: string): Promise<Json> {
  const { report } = await score({ paths, cwd, lang: 'en' });
  const out = JSON.parse(json(report, en)) as Json;
  const strip = (d: Json) => ({ code: d.code, severity: d.severity, message: d.message });
  out.diagnostics = out.diagnostics.map(strip);
  for (const p of out.projects) p.diagnostics = (p.diagnostics ?? []).map(strip);
  return out;
}

async function imported(files: string[]): Promise<string> {
  const dir = tempDir('bpm-import-');
  const res = await importWorkbooks({ cwd: ROOT, files, outDir: dir, lang: 'en' });
  expect(res.diagnostics.filter((d) => d.severity === 'error')).to.deep.equal([]);
  return dir;
}

describe('formats/workbooks: scoring a workbook and its imported YAML give the same report', () => {
  it('the sixth example (a 申报表 and a 自评表): equal, diagnostics included', async () => {
    const dir = await imported(['examples/sports-fitness-facilities']);
    try {
      const fromWorkbooks = await scoreJson(['examples/sports-fitness-facilities'], ROOT);
      const fromYaml = await scoreJson(['.'], dir);
      expect(fromWorkbooks.projects[0]).to.include({ code: 'DL-2025-TY-001', total: 97.79, grade: 'excellent' });
      expect(fromYaml).to.deep.equal(fromWorkbooks);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the 自评表 twin: equal once the imported dossier names the objectives the form cannot carry', async () => {
    const dir = await imported([join('test/fixtures/xlsx/self-evaluation.xlsx')]);
    try {
      const file = join(dir, 'DL-2025-ZJ-001', 'dossier.yaml');
      writeFileSync(file, readFileSync(file, 'utf8').replace('  year: 2025\n', '  year: 2025\n  objectives: [S5.1]\n'));
      const fromWorkbook = await scoreJson(['test/fixtures/xlsx/self-evaluation.xlsx'], ROOT);
      const fromYaml = await scoreJson(['.'], dir);
      // What differs: the notes of reading the form (that it names no objectives, which the YAML
      // now does; that its score for EFF-2 lies outside the band), which the import printed.
      const notes = (x: Json) => x.projects[0].diagnostics.map((d: Json) => d.code);
      expect(notes(fromWorkbook)).to.deep.equal(['form-no-objectives', 'form-score-out-of-band']);
      expect(notes(fromYaml)).to.deep.equal([]);
      for (const x of [fromWorkbook, fromYaml]) {
        x.projects[0].diagnostics = [];
        x.diagnostics = [];
      }
      expect(fromYaml).to.deep.equal(fromWorkbook);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a YAML dossier and a 自评表 (re-keyed by indicator name) score as the workbook alone', async () => {
    const dir = tempDir('bpm-pair-');
    try {
      cpSync(join(ROOT, 'examples/old-neighbourhood-renovation/dossier.yaml'), join(dir, 'dossier.yaml'));
      cpSync(fixture('xlsx', 'self-evaluation.xlsx'), join(dir, 'self-evaluation.xlsx'));
      const paired = await scoreJson(['.'], dir);
      const alone = await scoreJson(['test/fixtures/xlsx/self-evaluation.xlsx'], ROOT);
      expect(paired.projects[0].indicators).to.deep.equal(alone.projects[0].indicators);
      expect(paired.projects[0].total).to.equal(alone.projects[0].total);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('formats/workbooks: the 自评表 twin against the YAML example', () => {
  it('scores identically where the form carries the same data; EFF-2 is the one difference', async () => {
    const twin = (await scoreJson(['test/fixtures/xlsx/self-evaluation.xlsx'], ROOT)).projects[0];
    const yaml = (await scoreJson(['examples/old-neighbourhood-renovation'], ROOT)).projects[0];
    // The form prints 8 beside 未达成 (outside the failed band 0–6 of 10 points): the level's
    // default 3 applies. The YAML evaluation carries the evaluator's own 4.5, which the form has no
    // place for. Everything else is the same figure for figure.
    const scores = (p: Json) => Object.fromEntries(p.indicators.map((i: Json) => [i.code, [i.score, i.method]]));
    const expected = scores(yaml);
    expected['EFF-2'] = [3, 'default'];
    expect(scores(twin)).to.deep.equal(expected);
    expect(scores(yaml)['EFF-2']).to.deep.equal([4.5, 'level']);
    expect(twin.execution).to.deep.equal(yaml.execution);
    expect([twin.total, yaml.total]).to.deep.equal([73.88, 75.38]);
    expect(twin.grade).to.equal(yaml.grade);
    // The recheck finds the same printed numbers; only EFF-2's computed score differs.
    const items = (p: Json) => p.discrepancies.map((x: Json) => [x.item, x.claimed, x.item === 'indicator:EFF-2' || x.item === 'total' ? null : x.computed, x.reason]);
    expect(items(twin)).to.deep.equal(items(yaml));
    // The form carries more than the YAML example: the outcome and the budget row as printed.
    expect(twin.outcome).to.be.a('string');
    expect(yaml.outcome).to.equal(null);
  });
});

/** The sheet of a written workbook, by name. */
function sheetOf(bytes: Buffer, name: string): Sheet {
  const wb = readWorkbook(bytes);
  const info = wb.sheets.find((s) => s.name === name);
  expect(info, name).to.not.equal(undefined);
  return wb.load(info!);
}

const text = (s: Sheet, ref: string) => {
  const m = /^([A-Z]+)(\d+)$/.exec(ref)!;
  const col = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const c = cellAt(s, Number(m[2]), col);
  return c && { type: c.type, value: c.value, percent: c.percent ?? false, decimals: c.decimals };
};

/** The workbook without bpm's report mark: as a person would hand it in after copying the sheets. */
function unmarked(bytes: Buffer): Buffer {
  const zip = new ZipReader(bytes);
  const entries = [...zip.entries.keys()].filter((n) => n !== 'docProps/custom.xml').map((name) => {
    let data = zip.read(name);
    if (name === '_rels/.rels') data = Buffer.from(data.toString('utf8').replace(/<Relationship Id="rId3"[^>]*\/>/, ''));
    return { name, data };
  });
  return writeZip(entries);
}

describe('formats/workbooks: score --format xlsx', () => {
  let bytes: Buffer;
  before(async () => {
    const { report } = await score({ paths: ['examples'], cwd: ROOT, lang: 'zh' });
    bytes = scoreXlsx(report, zh);
  });

  it('has the summary, one sheet per project and the recheck, and carries the report mark', () => {
    const wb = readWorkbook(bytes);
    expect(wb.sheets.map((s) => s.name)).to.deep.equal(['汇总', 'DL-2025-HB-001', 'DL-2025-JY-001', 'DL-2025-MZ-001', 'DL-2025-TY-001', 'DL-2025-WL-001', 'DL-2025-ZJ-001', '复核']);
    expect(wb.properties).to.deep.equal({ 'bpm-report': 'score' });
    expect(readWorkbookDocuments(bytes, 'report.xlsx')).to.deep.equal({ documents: [], diagnostics: [], report: 'score' });
  });

  it('汇总: the ranking with numbers as numbers, the grade distribution, the result application', () => {
    const s = sheetOf(bytes, '汇总');
    expect(s.merges.map(rangeRef)).to.include('A1:J1');
    expect(text(s, 'A1')).to.deep.include({ value: '项目支出绩效评价结果汇总表' });
    expect([text(s, 'A5')?.value, text(s, 'B5')?.value, text(s, 'F5')?.value]).to.deep.equal(['排名', '项目编码', '总分']);
    // Row 6: rank 1, the culture project, 98.3 shown with two decimals, the rate as a percentage.
    expect(text(s, 'A6')).to.deep.include({ type: 'number', value: '1' });
    expect(text(s, 'B6')?.value).to.equal('DL-2025-WL-001');
    expect(text(s, 'E6')).to.deep.equal({ type: 'number', value: '100', percent: true, decimals: 2 });
    expect(text(s, 'F6')).to.deep.equal({ type: 'number', value: '98.3', percent: false, decimals: 2 });
    expect(text(s, 'G6')?.value).to.equal('优');
    expect(text(s, 'J11')).to.deep.equal({ type: 'number', value: '2385.68', percent: false, decimals: 2 });
    const rows = [...s.cells.values()].filter((c) => c.col === 1).map((c) => c.value);
    expect(rows).to.include.members(['等级分布', '部门平均分', '结果应用（万元）', '全部部门']);
  });

  it('a project sheet in the 自评表 layout: labels, the funds row, the grid, merged 一级/二级指标', () => {
    const s = sheetOf(bytes, 'DL-2025-ZJ-001');
    expect(text(s, 'A1')?.value).to.equal('项目支出绩效自评表');
    expect(text(s, 'A2')?.value).to.equal('（2025年度）');
    expect([text(s, 'A3')?.value, text(s, 'C3')?.value, text(s, 'G3')?.value, text(s, 'H3')?.value]).to.deep.equal(['项目名称', '2025年城镇老旧小区改造项目', '项目编码', 'DL-2025-ZJ-001']);
    expect(text(s, 'A5')?.value).to.equal('项目资金（万元）');
    expect(text(s, 'F6')).to.deep.equal({ type: 'number', value: '2650.75', percent: false, decimals: 2 });
    expect(text(s, 'I6')).to.deep.include({ type: 'number', percent: true, decimals: 2 });
    expect(text(s, 'J6')).to.deep.equal({ type: 'number', value: '8.5', percent: false, decimals: 2 });
    expect([text(s, 'B9')?.value, text(s, 'D9')?.value, text(s, 'H9')?.value]).to.deep.equal(['一级指标', '三级指标', '得分']);
    expect(text(s, 'B10')?.value).to.equal('产出指标（50分）');
    expect(text(s, 'H10')).to.deep.equal({ type: 'number', value: '6.67', percent: false, decimals: 2 });
    const merges = s.merges.map(rangeRef);
    expect(merges).to.include.members(['A1:J1', 'A3:B3', 'C3:F3', 'B10:B14', 'C10:C12', 'I10:J10']);
    const total = [...s.cells.values()].find((c) => c.value === '总分')!;
    expect(text(s, `H${total.row}`)).to.deep.equal({ type: 'number', value: '75.38', percent: false, decimals: 2 });
    expect(text(s, `G${total.row}`)?.value).to.equal('100');
  });

  it('复核: every discrepancy with its claimed and computed numbers and the reason', () => {
    const s = sheetOf(bytes, '复核');
    const rows = [...new Set([...s.cells.values()].filter((c) => c.row > 3).map((c) => c.row))];
    expect(rows).to.have.length(8); // 6 for old neighbourhoods, 2 for the fitness facilities
    const first = rows[0];
    expect(text(s, `A${first}`)?.value).to.equal('DL-2025-TY-001');
    expect(text(s, `C${first}`)?.value).to.equal('OUT-2 新建多功能运动场数量');
    expect(text(s, `D${first}`)).to.deep.equal({ type: 'number', value: '10', percent: false, decimals: 2 });
    expect(text(s, `E${first}`)).to.deep.equal({ type: 'number', value: '8.75', percent: false, decimals: 2 });
    expect(text(s, `F${first}`)).to.deep.include({ type: 'number', value: '1.25' });
    expect(text(s, `G${first}`)?.value).to.equal('未达目标却填报满分');
  });

  it('its project sheets read back as 自评表 whose claims are the recomputed scores', async () => {
    const reading = readWorkbookDocuments(unmarked(bytes), 'report.xlsx');
    const evaluations = reading.documents.filter((d) => d.kind === 'Evaluation');
    expect(evaluations.map((d) => d.sheet)).to.deep.equal(['DL-2025-HB-001', 'DL-2025-JY-001', 'DL-2025-MZ-001', 'DL-2025-TY-001', 'DL-2025-WL-001', 'DL-2025-ZJ-001']);
    const zj = evaluations.find((d) => d.sheet === 'DL-2025-ZJ-001')!.data as Json;
    expect(zj.claimed.total).to.equal(75.38);
    expect(zj.claimed.execution).to.equal(8.5);
    expect(zj.claimed.indicators['OUT-1']).to.equal(6.67);
    expect(zj.claimed.grade).to.equal('fair');
    // Scored again, the sheet agrees with the rules (the YAML's 4.5 for EFF-2 is printed in band).
    const dir = tempDir('bpm-readback-');
    try {
      writeFileSync(join(dir, 'report.xlsx'), unmarked(bytes));
      const { report } = await score({ paths: ['report.xlsx'], cwd: dir, lang: 'en' });
      const again = report.projects.find((p) => p.code === 'DL-2025-ZJ-001')!;
      expect(again.total?.toFixed(2)).to.equal('75.38');
      expect(again.discrepancies).to.deep.equal([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('is the same bytes for the same report, in English too', async () => {
    const { report } = await score({ paths: ['examples'], cwd: ROOT, lang: 'en' });
    const a = scoreXlsx(report, en);
    expect(a.equals(scoreXlsx(report, en))).to.equal(true);
    expect(readWorkbook(a).sheets.map((s) => s.name)).to.include.members(['Summary', 'Recheck']);
  });
});

describe('formats/workbooks: variance --format xlsx', () => {
  it('汇总 and a 执行监控表 per project for the summary period, numbers as numbers', async () => {
    const run = await variance({ paths: ['examples/old-neighbourhood-renovation'], period: '2025-Q2', cwd: ROOT, lang: 'zh' });
    const bytes = Buffer.concat([...varianceXlsx(run.report, zh)]);
    const wb = readWorkbook(bytes);
    expect(wb.sheets.map((s) => s.name)).to.deep.equal(['汇总', 'DL-2025-ZJ-001']);
    expect(wb.properties).to.deep.equal({ 'bpm-report': 'variance' });
    const sum = sheetOf(bytes, '汇总');
    expect(text(sum, 'A1')?.value).to.equal('项目支出绩效运行监控汇总表（2025-Q2）');
    expect([text(sum, 'A4')?.value, text(sum, 'D4')?.value, text(sum, 'E4')?.value, text(sum, 'I4')?.value]).to.deep.equal(['DL-2025-ZJ-001', '红', 'OUT-1', '⚠ 是']);
    expect(text(sum, 'F4')).to.deep.equal({ type: 'number', value: '19.55', percent: true, decimals: 2 });
    const s = sheetOf(bytes, 'DL-2025-ZJ-001');
    expect(text(s, 'A1')?.value).to.equal('项目支出绩效目标执行监控表');
    expect([text(s, 'E5')?.value, text(s, 'F5')?.value, text(s, 'G5')?.value]).to.deep.equal(['1-6月计划数', '1-6月执行数', '1-6月执行率']);
    expect(text(s, 'F6')).to.deep.equal({ type: 'number', value: '818.6', percent: false, decimals: 2 });
    expect(text(s, 'G6')).to.deep.equal({ type: 'number', value: '30.88', percent: true, decimals: 2 });
    expect(text(s, 'H6')).to.deep.equal({ type: 'number', value: '50', percent: true, decimals: 2 });
    expect(text(s, 'C3')?.value).to.equal('2025年城镇老旧小区改造项目');
    // The indicator grid: OUT-1 with its value to date, year-end projection and likelihood.
    expect([text(s, 'D10')?.value, text(s, 'E10')?.value, text(s, 'F10')?.value, text(s, 'G10')?.value, text(s, 'H10')?.value]).to.deep.equal(['完成改造老旧小区数量', '≥12个', '2', '6', '不可能']);
    expect(s.merges.map(rangeRef)).to.include.members(['A1:J1', 'B10:B14', 'C10:C12']);
    const flags = [...s.cells.values()].find((c) => c.value === '预警');
    expect(flags).to.not.equal(undefined);
  });
});
