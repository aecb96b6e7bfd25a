import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { cellRef, rangeRef } from '../../../../src/io/xlsx/cells.js';
import { XlsxError } from '../../../../src/io/xlsx/errors.js';
import { cellAt, readWorkbook, WORKBOOK_LIMITS, type Sheet } from '../../../../src/io/xlsx/read.js';
import { writeWorkbook } from '../../../../src/io/xlsx/write.js';
import { fixture } from '../../../helpers/run.js';

const book = (name: string) => readWorkbook(readFileSync(fixture('xlsx', name)));
/** A cell without its coordinates, for compact assertions. */
function at(sheet: Sheet, ref: string): Record<string, unknown> | undefined {
  const m = /^([A-Z]+)(\d+)$/.exec(ref)!;
  const col = [...m[1]].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0);
  const c = cellAt(sheet, Number(m[2]), col);
  if (!c) return undefined;
  const { row: _r, col: _c, ...rest } = c;
  return rest;
}

describe('io/xlsx/read', () => {
  it('reads a LibreOffice-saved 自评表: strings, numbers, percent formats, formulas with cached values, merges', () => {
    const wb = book('self-evaluation.xlsx');
    expect(wb.sheets.map((s) => [s.name, s.state])).to.deep.equal([['自评表', 'visible']]);
    const s = wb.load(wb.sheets[0]);
    expect(at(s, 'A1')).to.deep.equal({ type: 'string', value: '项目支出绩效自评表' });
    expect(at(s, 'A5')).to.deep.equal({ type: 'string', value: '项目资金\n（万元）' });
    expect(at(s, 'E6')).to.deep.equal({ type: 'number', value: '2650.75', decimals: 2 });
    expect(at(s, 'G6')).to.deep.equal({ type: 'number', value: '2253.14', decimals: 2 });
    // =G6/F6 formatted 0.00%: the cached fraction as its percent figure, 15 significant digits.
    expect(at(s, 'I6')).to.deep.equal({ type: 'number', value: '85.0000943129303', percent: true, decimals: 2, formula: 'G6/F6', cached: true });
    expect(at(s, 'J6')).to.deep.equal({ type: 'number', value: '8.50000943129303', decimals: 2, formula: 'H6*I6', cached: true });
    expect(at(s, 'G22')).to.deep.equal({ type: 'number', value: '100', formula: 'SUM(G13:G21)+H6', cached: true });
    expect(at(s, 'F20')).to.deep.equal({ type: 'number', value: '64', percent: true, decimals: 0 });
    expect(at(s, 'H15')).to.deep.equal({ type: 'number', value: '3.23', decimals: 2 });
    expect(at(s, 'F15')).to.deep.equal({ type: 'number', value: '6.2' });
    expect(at(s, 'B14')).to.equal(undefined); // covered by the merge B13:B17
    expect(s.merges.map(rangeRef)).to.include.members(['A1:J1', 'A5:B9', 'B13:B17', 'C13:C15', 'A12:A21', 'A22:F22']);
    expect([s.maxRow, s.maxCol]).to.deep.equal([24, 10]);
  });

  it('reads numbers stored as text as strings, and a formula without a cached value as such', () => {
    const si = book('sichuan.xlsx');
    const s = si.load(si.sheets[0]);
    expect(at(s, 'C7')).to.deep.equal({ type: 'string', value: '1,520.00' });
    expect(at(s, 'F7')).to.deep.equal({ type: 'number', value: '97.6060606060606', percent: true, decimals: 2 });
    const nf = book('formula-no-value.xlsx');
    const f = nf.load(nf.sheets[0]);
    expect(at(f, 'I6')).to.deep.equal({ type: 'empty', value: '', formula: 'G6/F6', cached: false });
  });

  it('lists sheets in order with their visibility; a date-formatted cell carries its ISO date', () => {
    const wb = book('several-projects.xlsx');
    expect(wb.sheets.map((s) => [s.name, s.state, s.index])).to.deep.equal([
      ['填报说明', 'visible', 0],
      ['疫苗接种', 'visible', 1],
      ['慢病防控', 'visible', 2],
      ['旧版自评表', 'hidden', 3],
    ]);
    const m = book('monitoring.xlsx');
    const s = m.load(m.sheets[0]);
    expect(at(s, 'B8')).to.deep.equal({ type: 'number', value: '45870', date: '2025-08-01' });
    expect(at(s, 'D4')).to.deep.equal({ type: 'number', value: '48', percent: true, decimals: 0 });
    const d = book('declaration-local.xlsx');
    expect(at(d.load(d.sheets[0]), 'B5')).to.deep.equal({ type: 'number', value: '45717', date: '2025-03-01' });
  });

  it('caps the cells of a workbook and the number of sheets', () => {
    const cells = Array.from({ length: 30 }, (_, i) => ({ row: i + 1, col: 1, value: i }));
    const bytes = writeWorkbook([{ name: 'a', cells }, { name: 'b', cells }]);
    const wb = readWorkbook(bytes, { ...WORKBOOK_LIMITS, maxCells: 50 });
    expect(wb.load(wb.sheets[0]).cells.size).to.equal(30);
    let err: unknown;
    try {
      wb.load(wb.sheets[1]);
    } catch (e) {
      err = e;
    }
    expect(err).to.be.instanceOf(XlsxError);
    expect([(err as XlsxError).code, (err as XlsxError).args, (err as XlsxError).place]).to.deep.equal(['xlsx-too-large', { variant: 'cells', limit: 50 }, { sheet: 'b' }]);
    expect(() => readWorkbook(bytes, { ...WORKBOOK_LIMITS, maxSheets: 1 })).to.throw(XlsxError, 'sheets');
  });

  it('recognises an old .xls and an .ods by what they are', () => {
    expect(() => book('legacy.xls')).to.throw(XlsxError, 'xlsx-legacy');
    expect(cellRef(12, 4)).to.equal('D12');
  });
});
