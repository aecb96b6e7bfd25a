// The blank 申报表 of `bpm init --format xlsx`: its lists, and a filled-in copy read back as a dossier.
import { expect } from 'chai';
import { declarationTemplate, FIRST_ROW } from '../../../../src/commands/init/template.js';
import { readWorkbookDocuments } from '../../../../src/io/xlsx/forms/index.js';
import { readWorkbook, cellAt } from '../../../../src/io/xlsx/read.js';
import { writeWorkbook, type CellValue } from '../../../../src/io/xlsx/write.js';
import { child, childrenNamed, decodeXml, parseXmlTree } from '../../../../src/io/xlsx/xml.js';
import { ZipReader } from '../../../../src/io/xlsx/zip.js';

/** The template with values typed into it, as a person would (cells keep their styles). */
function filled(values: Record<string, CellValue>): Buffer {
  const [form, options] = declarationTemplate();
  for (const [ref, value] of Object.entries(values)) {
    const m = /^([A-I])(\d+)$/.exec(ref)!;
    const row = Number(m[2]);
    const col = m[1].charCodeAt(0) - 64;
    const cell = form.cells.find((c) => c.row === row && c.col === col);
    if (cell) cell.value = value;
    else form.cells.push({ row, col, value });
  }
  return writeWorkbook([form, options]);
}

describe('commands/init: the blank 绩效目标申报表 workbook', () => {
  it('offers drop-down lists from a hidden sheet of choices', () => {
    const bytes = writeWorkbook(declarationTemplate());
    const wb = readWorkbook(bytes);
    expect(wb.sheets.map((s) => [s.name, s.state])).to.deep.equal([
      ['绩效目标申报表', 'visible'],
      ['选项', 'hidden'],
    ]);
    const options = wb.load(wb.sheets[1]);
    const column = (c: number) => Array.from({ length: 12 }, (_, i) => cellAt(options, i + 1, c)?.value).filter(Boolean);
    expect(column(1)).to.deep.equal(['产出指标', '效益指标', '满意度指标', '成本指标']);
    expect(column(2)).to.deep.equal(['数量指标', '质量指标', '时效指标', '成本指标', '经济效益指标', '社会效益指标', '生态效益指标', '可持续影响指标', '服务对象满意度指标', '经济成本指标', '社会成本指标', '生态环境成本指标']);
    expect(column(3)).to.deep.equal(['≥', '≤', '=', '定性']);
    const zip = new ZipReader(bytes);
    const ws = parseXmlTree(decodeXml(zip.read('xl/worksheets/sheet1.xml')), 'sheet1');
    expect(childrenNamed(child(ws, 'dataValidations'), 'dataValidation').map((d) => [d.attrs.sqref, child(d, 'formula1')!.text])).to.deep.equal([
      ['B10:B29', "'选项'!$A$1:$A$4"],
      ['C10:C29', "'选项'!$B$1:$B$12"],
      ['E10:E29', "'选项'!$C$1:$C$4"],
      ['I10:I29', "'选项'!$D$1:$D$4"],
    ]);
    // Blank, it is a form without a project: a dossier with no indicators, and no error.
    const r = readWorkbookDocuments(bytes, 'dossier.xlsx');
    expect(r.documents.map((d) => [d.kind, d.sheet, (d.data.indicators as unknown[]).length])).to.deep.equal([['ProjectDossier', '绩效目标申报表', 0]]);
    expect(r.diagnostics.filter((d) => d.severity === 'error')).to.deep.equal([]);
  });

  it('reads back, filled in, as the dossier a person meant', () => {
    const bytes = filled({
      A2: '（2026年度）',
      C3: '社区文化惠民工程',
      G3: 'DL-2026-WL-001',
      C4: '大连市文化和旅游局',
      G4: '大连市群众艺术馆',
      C7: 386.4,
      D7: 350.1,
      E7: 36.3,
      C8: '举办社区文化活动不少于50场',
      [`B${FIRST_ROW}`]: '产出指标',
      [`C${FIRST_ROW}`]: '数量指标',
      [`D${FIRST_ROW}`]: '举办社区文化活动场次',
      [`E${FIRST_ROW}`]: '≥',
      [`F${FIRST_ROW}`]: 50,
      [`G${FIRST_ROW}`]: '场',
      [`H${FIRST_ROW}`]: 50,
      [`I${FIRST_ROW}`]: '计划标准',
      [`B${FIRST_ROW + 1}`]: '效益指标',
      [`C${FIRST_ROW + 1}`]: '社会效益指标',
      [`D${FIRST_ROW + 1}`]: '群众文化获得感',
      [`E${FIRST_ROW + 1}`]: '定性',
      [`F${FIRST_ROW + 1}`]: '明显提升',
      [`H${FIRST_ROW + 1}`]: 30,
    });
    const r = readWorkbookDocuments(bytes, 'dossier.xlsx');
    expect(r.diagnostics.map((d) => d.code)).to.deep.equal(['form-no-objectives']);
    expect(r.documents[0].data).to.deep.equal({
      apiVersion: 'bpm/v1',
      kind: 'ProjectDossier',
      project: { code: 'DL-2026-WL-001', name: '社区文化惠民工程', department: '大连市文化和旅游局', unit: '大连市群众艺术馆', year: 2026 },
      budget: { unit: '万元', total: 386.4, sources: [{ name: '财政拨款', amount: 350.1 }, { name: '其他资金', amount: 36.3 }] },
      goal: '举办社区文化活动不少于50场',
      indicators: [
        { code: 'OUT-1', level1: 'output', level2: 'quantity', name: '举办社区文化活动场次', operator: '>=', target: 50, unit: '场', weight: 50, basis: 'plan' },
        { code: 'EFF-1', level1: 'effect', level2: 'social', name: '群众文化获得感', operator: 'qualitative', target: '明显提升', weight: 30 },
      ],
    });
  });
});
