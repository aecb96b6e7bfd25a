import { expect } from 'chai';
import { rangeRef } from '../../../../src/io/xlsx/cells.js';
import { cellAt, readWorkbook } from '../../../../src/io/xlsx/read.js';
import { writeWorkbook, type WriteSheet } from '../../../../src/io/xlsx/write.js';
import { child, childrenNamed, decodeXml, parseXmlTree } from '../../../../src/io/xlsx/xml.js';
import { ZipReader } from '../../../../src/io/xlsx/zip.js';

const border = { border: true };
const sheets: WriteSheet[] = [
  {
    name: '绩效目标申报表',
    cells: [
      { row: 1, col: 1, value: '项目支出绩效目标申报表', style: { bold: true, size: 16, align: 'center' } },
      { row: 2, col: 1, value: '项目名称', style: border },
      { row: 2, col: 2, value: 'A & <B> "C"', style: { ...border, wrap: true } },
      { row: 3, col: 1, value: { number: '0.8727' }, style: { ...border, numFmt: '0.00' } },
      { row: 3, col: 2, value: 0.95, style: { ...border, numFmt: '0.00%' } },
      { row: 3, col: 3, value: true },
      { row: 3, col: 4, value: { formula: 'A3*2', cached: 1.7454 } },
      { row: 3, col: 5, value: { number: '12345678901234.5' }, style: { numFmt: '#,##0.0' } },
      { row: 4, col: 1, value: '项目名称' },
    ],
    merges: ['A1:E1', 'B2:E2'],
    widths: { 1: 14, 2: 40 },
    heights: { 1: 32, 9: 20 },
    validations: [
      { ref: 'A6:A40', list: ['产出指标', '效益指标', '满意度指标'] },
      { ref: 'B6:B40', list: { range: "'选项'!$A$1:$A$12" } },
    ],
    freezeRows: 5,
  },
  { name: '选项', state: 'hidden', cells: [{ row: 1, col: 1, value: '数量指标' }] },
];

describe('io/xlsx/write', () => {
  it('round-trips: sheet names and states, cells and their types, formats, merges', () => {
    const wb = readWorkbook(writeWorkbook(sheets));
    expect(wb.sheets.map((s) => [s.name, s.state])).to.deep.equal([
      ['绩效目标申报表', 'visible'],
      ['选项', 'hidden'],
    ]);
    const s = wb.load(wb.sheets[0]);
    const cell = (r: number, c: number) => {
      const x = cellAt(s, r, c);
      return x && { type: x.type, value: x.value, percent: x.percent, decimals: x.decimals, formula: x.formula };
    };
    expect(cell(1, 1)).to.deep.equal({ type: 'string', value: '项目支出绩效目标申报表', percent: undefined, decimals: undefined, formula: undefined });
    expect(cell(2, 2)!.value).to.equal('A & <B> "C"');
    expect(cell(3, 1)).to.deep.equal({ type: 'number', value: '0.8727', percent: undefined, decimals: 2, formula: undefined });
    expect(cell(3, 2)).to.deep.equal({ type: 'number', value: '95', percent: true, decimals: 2, formula: undefined });
    expect(cell(3, 3)).to.deep.equal({ type: 'bool', value: 'TRUE', percent: undefined, decimals: undefined, formula: undefined });
    expect(cell(3, 4)).to.deep.equal({ type: 'number', value: '1.7454', percent: undefined, decimals: undefined, formula: 'A3*2' });
    expect(cell(3, 5)).to.deep.equal({ type: 'number', value: '12345678901234.5', percent: undefined, decimals: 1, formula: undefined });
    expect(s.merges.map(rangeRef)).to.deep.equal(['A1:E1', 'B2:E2']);
    // Blank cells of a bordered merge carry the border too; the title's merge has no border.
    expect(cellAt(s, 2, 5)).to.equal(undefined);
  });

  it('writes shared strings once, styles with 宋体, validations, freeze panes, A4 landscape fitted to width', () => {
    const zip = new ZipReader(writeWorkbook(sheets));
    const part = (name: string) => parseXmlTree(decodeXml(zip.read(name)), name);
    const sst = part('xl/sharedStrings.xml');
    expect(sst.attrs).to.include({ count: '5', uniqueCount: '4' });
    const styles = part('xl/styles.xml');
    const fonts = childrenNamed(child(styles, 'fonts'), 'font');
    expect(new Set(fonts.map((f) => child(f, 'name')!.attrs.val))).to.deep.equal(new Set(['宋体']));
    expect(fonts.some((f) => child(f, 'b') && child(f, 'sz')!.attrs.val === '16')).to.equal(true);
    const ws = part('xl/worksheets/sheet1.xml');
    const dv = childrenNamed(child(ws, 'dataValidations'), 'dataValidation');
    expect(dv.map((d) => [d.attrs.type, d.attrs.sqref, child(d, 'formula1')!.text])).to.deep.equal([
      ['list', 'A6:A40', '"产出指标,效益指标,满意度指标"'],
      ['list', 'B6:B40', "'选项'!$A$1:$A$12"],
    ]);
    expect(child(child(child(ws, 'sheetViews'), 'sheetView'), 'pane')!.attrs).to.include({ ySplit: '5', topLeftCell: 'A6', state: 'frozen' });
    expect(child(ws, 'pageSetup')!.attrs).to.include({ paperSize: '9', orientation: 'landscape', fitToWidth: '1', fitToHeight: '0' });
    expect(child(child(ws, 'sheetPr'), 'pageSetUpPr')!.attrs.fitToPage).to.equal('1');
    expect(childrenNamed(child(ws, 'cols'), 'col').map((c) => [c.attrs.min, c.attrs.width])).to.deep.equal([
      ['1', '14'],
      ['2', '40'],
    ]);
    const rows = childrenNamed(child(ws, 'sheetData'), 'row');
    expect(rows.map((r) => [r.attrs.r, r.attrs.ht])).to.deep.equal([
      ['1', '32'],
      ['2', undefined],
      ['3', undefined],
      ['4', undefined],
      ['9', '20'],
    ]);
    // The merge B2:E2 is bordered over its whole width.
    const row2 = rows[1].children.map((c) => c.attrs.r);
    expect(row2).to.deep.equal(['A2', 'B2', 'C2', 'D2', 'E2']);
    const wbXml = part('xl/workbook.xml');
    expect(childrenNamed(child(wbXml, 'sheets'), 'sheet').map((x) => x.attrs.state)).to.deep.equal([undefined, 'hidden']);
  });

  it('gives the same bytes for the same workbook', () => {
    expect(writeWorkbook(sheets).equals(writeWorkbook(sheets))).to.equal(true);
  });

  it('refuses a number that is not a decimal instead of writing broken XML', () => {
    expect(() => writeWorkbook([{ name: 'x', cells: [{ row: 1, col: 1, value: { number: '1<2' } }] }])).to.throw('not a decimal');
    expect(() => writeWorkbook([{ name: 'x', cells: [{ row: 1, col: 1, value: Number.NaN }] }])).to.throw('not a finite number');
  });
});
