// The box table draws what cli-table3 draws (compact, padding 1): compared on the same rows.
import { expect } from 'chai';
import Table from 'cli-table3';
import fc from 'fast-check';
import { boxTable, boxWidth, type Align, type Row } from '../../../src/formats/box-table.js';
import { stringWidth } from '../../../src/formats/validate/width.js';

function reference(head: string[], rows: Row[], aligns: Align[]): string {
  const tbl = new Table({ head, style: { head: [], border: [], compact: true, 'padding-left': 1, 'padding-right': 1 }, colAligns: aligns });
  for (const r of rows) tbl.push('span' in r ? [{ colSpan: head.length, content: r.span }] : [...r]);
  return tbl.toString();
}

describe('formats/box-table', () => {
  it('draws the variance table of cli-table3: Chinese text, colour codes, a spanning row', () => {
    const head = ['期间', 'Time', '计划', 'Actual'];
    const rows: Row[] = [['2025-Q1', '25.00%', '1,280.50', '\u001b[31m红\u001b[39m'], { span: 'Indicators at 2025-Q1 指标' }, ['OUT-1 新建智慧教室数量', '360', '—', '·'], ['✔️ 完成', '⚠️', '✔', 'x']];
    const aligns: Align[] = ['left', 'right', 'right', 'left'];
    expect(boxTable(head, rows, aligns)).to.equal(reference(head, rows, aligns));
  });

  it('widens the columns under a spanning cell wider than they are, as cli-table3 does', () => {
    const head = ['a', 'b', 'c'];
    const rows: Row[] = [['1', '2', '3'], { span: 'a spanning cell much wider than the three columns under it' }, ['x', 'y', 'z']];
    const aligns: Align[] = ['left', 'right', 'left'];
    expect(boxTable(head, rows, aligns)).to.equal(reference(head, rows, aligns));
  });

  it('agrees with cli-table3 on random tables', () => {
    const text = fc.stringMatching(/^[a-z0-9 .%·—中文指标]{0,12}$/);
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 5 }), fc.array(fc.tuple(fc.boolean(), fc.array(text, { minLength: 5, maxLength: 5 })), { minLength: 1, maxLength: 6 }), fc.array(fc.constantFrom<Align>('left', 'right'), { minLength: 5, maxLength: 5 }), (n, specs, aligns) => {
        // A spanning row is left-aligned, under a left-aligned first column (as in bpm's tables).
        aligns = ['left', ...aligns.slice(1)];
        const head = specs[0][1].slice(0, n).map((h) => h || 'h');
        const rows: Row[] = specs.map(([span, cells], k) => (span && k < specs.length - 1 ? { span: cells.join(' ') } : cells.slice(0, n)));
        expect(boxTable(head, rows, aligns.slice(0, n))).to.equal(reference(head, rows, aligns.slice(0, n)));
      }),
      { numRuns: 300 },
    );
  });

  it('boxWidth: the width of every line boxTable draws (a variance table is split on a terminal narrower than that)', () => {
    const text = fc.stringMatching(/^[a-z0-9 .%·—中文指标]{0,12}$/);
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.boolean(), fc.array(text, { minLength: 4, maxLength: 4 })), { minLength: 1, maxLength: 6 }), (specs) => {
        const head = specs[0][1].map((h) => h || 'h');
        const rows: Row[] = specs.map(([span, cells], k) => (span && k < specs.length - 1 ? { span: cells.join(' ') } : cells));
        const w = boxWidth(head, rows);
        for (const line of boxTable(head, rows, ['left', 'right', 'right', 'left']).split('\n')) expect(stringWidth(line)).to.equal(w);
      }),
      { numRuns: 200 },
    );
  });

  it('fitted to a terminal: the short headings only where a number heading would break inside a word', () => {
    const head = ['Name', 'Expected', 'Year-end'];
    const short = ['Name', 'Due', 'Y/E'];
    const rows: Row[] = [['a long indicator name', '100.00', '7.50']];
    const aligns = ['left', 'right', 'right'] as const;
    const narrow = boxTable(head, rows, aligns, { width: 30, wrap: [true, false, false], short });
    expect(narrow.split('\n')[1]).to.match(/^│ Name +│ +Due │ +Y\/E │$/);
    for (const line of narrow.split('\n')) expect(stringWidth(line)).to.be.at.most(30);
    const roomy = boxTable(head, rows, aligns, { width: 40, wrap: [true, false, false], short });
    expect(roomy.split('\n')[1]).to.match(/^│ Name +│ Expected │ Year-end │$/);
    // Without short headings the number headings break, their figures never.
    const broken = boxTable(head, rows, aligns, { width: 30, wrap: [true, false, false] });
    expect(broken).to.include('100.00').and.include('7.50').and.not.include('Due');
  });
});
