// Forms built in the test with the workbook writer: the cases a fixture file would hide in noise.
import { expect } from 'chai';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { cellLocation, positionOf, readWorkbookDocuments } from '../../../../../src/io/xlsx/forms/index.js';
import { fixture } from '../../../../helpers/run.js';
import { writeWorkbook, type CellValue, type WriteCell } from '../../../../../src/io/xlsx/write.js';
import { writeZip, ZipReader } from '../../../../../src/io/xlsx/zip.js';

type Doc = Record<string, any>;

/** A sheet from rows of values (null: empty), row 1 first. */
function grid(rows: CellValue[][]): WriteCell[] {
  return rows.flatMap((r, i) => r.map((value, j) => ({ row: i + 1, col: j + 1, value })).filter((c) => c.value !== null));
}

const HEAD: CellValue[][] = [
  ['项目支出绩效自评表'],
  ['（2025年度）'],
  ['项目名称', 'T-2025-001-测试项目', null, '主管部门', '某局'],
  ['年度总体目标', '完成任务'],
  ['绩效指标', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'],
];

function read(rows: CellValue[][], name = '自评表', extra: { merges?: string[] } = {}) {
  return readWorkbookDocuments(writeWorkbook([{ name, cells: grid(rows), merges: extra.merges }]), 'book.xlsx');
}

const codes = (r: ReturnType<typeof read>) => r.diagnostics.map((d) => `${d.code}@${d.cell}`);

describe('io/xlsx/forms: edge cases', () => {
  it('reads qualitative actuals by their words, warns on other text, and keeps an in-band printed score', () => {
    const r = read([
      ...HEAD,
      [null, '产出指标', '时效指标', '按时完成', '年底前完成', '基本完成', 10, 7],
      [null, null, null, '制度建设', '建立制度', '正在推进', 10, 5],
      [null, '效益指标', '社会效益指标', '群众获得感', '明显提升', '是', 10, 9],
    ]);
    const ev = r.documents[1].data as Doc;
    expect(ev.actuals).to.deep.equal({ 'OUT-1': { level: 'partial', score: 7, text: '基本完成' }, 'EFF-1': { level: 'achieved', score: 9, text: '是' } });
    expect(codes(r)).to.deep.equal(['form-no-objectives@B3', 'qualitative-actual-unread@F7']);
    // 一级指标 blank under 产出指标: filled down; 二级 too, within the same 一级.
    const d = r.documents[0].data as Doc;
    expect(d.indicators.map((i: Doc) => [i.code, i.level1, i.level2])).to.deep.equal([
      ['OUT-1', 'output', 'timeliness'],
      ['OUT-2', 'output', 'timeliness'],
      ['EFF-1', 'effect', 'social'],
    ]);
  });

  it('reports a weight that is not a number and an actual without a number at their cells', () => {
    const r = read([...HEAD, [null, '产出指标', '数量指标', '培训人次', '≥100人次', '约一百人次', '十分', 5]]);
    expect(codes(r)).to.deep.equal(['form-no-objectives@B3', 'actual-not-number@F6', 'value-not-number@G6']);
    expect((r.documents[0].data as Doc).indicators[0].weight).to.equal(undefined);
  });

  it('skips a sheet that is no form with an info line when another sheet is one; reports no form at all otherwise', () => {
    const bytes = writeWorkbook([
      { name: '封皮', cells: grid([['某局2025年度项目支出绩效自评材料']]) },
      { name: '汇总', cells: grid([['序号', '项目'], [1, 'x']]) },
      { name: '自评表', cells: grid([...HEAD, [null, '产出指标', '数量指标', '培训人次', '≥100人次', 120, 10, 10]]) },
    ]);
    const r = readWorkbookDocuments(bytes, 'b.xlsx');
    // 封皮 is not examined (a cover sheet, like 填报说明); 汇总 is, and is not a form.
    expect(r.diagnostics.map((d) => [d.code, d.severity, d.sheet])).to.deep.equal([
      ['xlsx-sheet-skipped', 'info', '汇总'],
      ['form-no-objectives', 'warning', '自评表'],
    ]);
    expect(r.documents.map((d) => d.kind)).to.deep.equal(['ProjectDossier', 'Evaluation']);
  });

  it('a monitoring sheet reports empty key cells and empty values at their cells, like a CSV', () => {
    const r = read(
      [
        ['project', 'period', 'metric', 'value'],
        ['P-1', '2025-Q1', 'spend', '12.5'],
        ['P-1', '', 'OUT-1', 3],
        ['P-1', '2025-Q2', 'OUT-1', null],
        ['P-1', '2025-Q2', 'OUT-2', 'n/a'],
      ],
      'data',
    );
    expect(codes(r)).to.deep.equal(['csv-empty-cell@B3', 'value-empty@D4', 'value-not-number@D5']);
    expect((r.documents[0].data as Doc).rows.map((x: Doc) => [x.line, x.metric, x.value])).to.deep.equal([
      [2, 'spend', '12.5'],
      [4, 'OUT-1', null],
      [5, 'OUT-2', null],
    ]);
  });

  it('numbers the codes of projects without 项目编码 from the file name', () => {
    const sheet = (name: string) => ({ name, cells: grid([['项目支出绩效目标申报表'], ['项目名称', name], ['绩效指标', '一级指标', '二级指标', '三级指标', '指标值'], [null, '产出指标', '数量指标', 'x', '≥1个']]) });
    const r = readWorkbookDocuments(writeWorkbook([sheet('甲'), sheet('乙')]), 'dir/county-2025.xlsx');
    expect(r.documents.map((d) => (d.data as Doc).project.code)).to.deep.equal(['county-2025', 'county-2025-2']);
  });

  it('refuses a part with a DOCTYPE (no entity expansion) as a damaged workbook', () => {
    const good = new ZipReader(writeWorkbook([{ name: 's', cells: grid([['x']]) }]));
    const parts = [...good.entries.keys()].map((name) => ({ name, data: good.read(name) }));
    const sheet = parts.find((p) => p.name === 'xl/worksheets/sheet1.xml')!;
    sheet.data = Buffer.from('<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]><worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&b;</t></is></c></row></sheetData></worksheet>');
    const r = readWorkbookDocuments(writeZip(parts), 'x.xlsx');
    expect(r.diagnostics.map((d) => [d.code, d.args, d.sheet])).to.deep.equal([['xlsx-corrupt', { variant: 'doctype', part: 'xl/worksheets/sheet1.xml' }, 's']]);
  });

  it('never throws on arbitrary grids of form words, numbers and merges', () => {
    const words = ['项目名称', '项目编码', '项目资金（万元）', '年度资金总额', '其中：财政拨款', '年初预算数', '全年预算数', '全年执行数', '执行率', '得分', '分值', '年度总体目标', '预期目标', '实际完成情况',
      '绩效指标', '一级指标', '二级指标', '三级指标', '指标性质', '指标值', '度量单位', '实际完成值', '产出指标(50分)', '数量指标', '≥50个', '≥**人', '达成', '总分', '自评等级', '良', '—', 'project', 'period', 'metric', 'value', '2025-Q1', '1,234.5', '95%'];
    const value = fc.oneof(fc.constantFrom(...words), fc.integer({ min: -5, max: 200 }), fc.constant(null));
    const cell = fc.oneof(fc.constant(null), value);
    fc.assert(
      fc.property(fc.array(fc.array(cell, { maxLength: 9 }), { maxLength: 14 }), fc.array(fc.tuple(fc.integer({ min: 1, max: 14 }), fc.integer({ min: 1, max: 9 }), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 })), { maxLength: 4 }), (rows, m) => {
        const merges = disjoint(m.map(([r, c, h, w]) => [r, c, r + h, c + w] as const));
        const r = read(rows as CellValue[][], '自评表', { merges });
        for (const d of r.diagnostics) expect(d.file).to.equal('book.xlsx');
      }),
      { numRuns: 150 },
    );
  });
});

/** Merge ranges that do not overlap (the first of overlapping ones is kept), as A1 references. */
function disjoint(ranges: (readonly [number, number, number, number])[]): string[] {
  const kept: (readonly [number, number, number, number])[] = [];
  for (const a of ranges) if (!kept.some((b) => a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3])) kept.push(a);
  const col = (c: number) => String.fromCharCode(64 + c);
  return kept.filter((a) => a[2] > a[0] || a[3] > a[1]).map((a) => `${col(a[1])}${a[0]}:${col(a[3])}${a[2]}`);
}

describe('io/xlsx/forms: funding blocks', () => {
  const form = (budget: CellValue[][]) =>
    read([['项目支出绩效目标申报表（2025年度）'], ['项目名称', 'X-2025-0001-项目'], ...budget, ['绩效指标', '一级指标', '二级指标', '三级指标', '指标值'], [null, '产出指标', '数量指标', 'x', '≥1个']], '申报表');
  const budgetOf = (r: ReturnType<typeof read>) => (r.documents[0].data as Doc).budget;

  it('reads amounts beside their labels, below them, and without a block label', () => {
    expect(budgetOf(form([['项目资金（万元）', '年度资金总额', 120, '其中：财政拨款', 100, '其他资金', 20]]))).to.deep.equal({ unit: '万元', total: 120, sources: [{ name: '财政拨款', amount: 100 }, { name: '其他资金', amount: 20 }] });
    expect(budgetOf(form([['项目资金（元）', '年度资金总额', '其中：财政拨款', '其他资金'], [null, '1,200,000.00', '1,000,000', '—']]))).to.deep.equal({ unit: '元', total: 1200000, sources: [{ name: '财政拨款', amount: 1000000 }] });
    expect(budgetOf(form([['年度资金总额', 88.5]]))).to.deep.equal({ total: 88.5 });
  });
});

describe('io/xlsx/forms: positions for later findings', () => {
  it('gives the cell of a pointer, or of its nearest ancestor, as diagnostic location fields', () => {
    const r = read([...HEAD, [null, '产出指标', '数量指标', '培训人次', '≥100人次', 120, 10, 10]]);
    const [dossier, evaluation] = r.documents;
    expect(cellLocation(positionOf(dossier, '/indicators/0/weight'))).to.deep.equal({ sheet: '自评表', cell: 'G6', line: 6, column: 7 });
    // No milestones on a form: the indicator's own cell (its name).
    expect(positionOf(dossier, '/indicators/0/milestones/Q1').cell).to.equal('D6');
    expect(positionOf(dossier, '/project/objectives').cell).to.equal('B3');
    expect(positionOf(evaluation, '/claimed/indicators/OUT-1').cell).to.equal('H6');
    expect(positionOf(evaluation, '/panels/OUT-1').cell).to.equal('A1');
  });

  it('never throws on damaged sheet XML: every problem is a diagnostic', () => {
    const base = new ZipReader(readFileSync(fixture('xlsx', 'self-evaluation.xlsx')));
    const parts = [...base.entries.keys()].map((name) => ({ name, data: base.read(name) }));
    const sheet = parts.find((p) => p.name === 'xl/worksheets/sheet1.xml')!;
    const text = sheet.data.toString('utf8');
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(text.length - 1), fc.nat(8), fc.constantFrom('', '<', '>', '"', '=', '/', '&', '<c r="Z9">', '<v>1e999</v>', '</row>', 'r="A0"', 't="s"')), { minLength: 1, maxLength: 5 }), (edits) => {
        let t = text;
        for (const [at, del, ins] of edits) t = t.slice(0, at) + ins + t.slice(at + del);
        const bytes = writeZip(parts.map((p) => (p === sheet ? { name: p.name, data: Buffer.from(t) } : p)));
        const r = readWorkbookDocuments(bytes, 'm.xlsx');
        for (const d of r.diagnostics) expect(d.file).to.equal('m.xlsx');
      }),
      { numRuns: 200 },
    );
  });
});

describe('io/xlsx/forms: monitoring rows located by line and column', () => {
  it('finds the cell of a row field from the row and the header', () => {
    const r = read([[null], ['项目编码', '期间', '指标编码', '累计值', '说明'], ['P-1', '2025-Q1', 'spend', 5, null], ['P-1', '2025-Q2', 'spend', 9, 'x']], 'data');
    const [doc] = r.documents;
    expect(positionOf(doc, '/rows/1/value').cell).to.equal('D4');
    expect(positionOf(doc, '/rows/1/note').cell).to.equal('E4');
    expect(positionOf(doc, '/rows/0').cell).to.equal('A3');
    expect(positionOf(doc, '').cell).to.equal('A2');
  });
});
