// One walk over a document's scalars (src/io/scalars.ts) finds what the load reports at values:
// full-width numbers folded in place, non-finite numbers, placeholders and invisible edges.
import { expect } from 'chai';
import fc from 'fast-check';
import { foldValue } from '../../../src/io/full-width.js';
import { fieldName, pointerOf, scanScalars } from '../../../src/io/scalars.js';

describe('io/scalars: one walk over the values of a document', () => {
  const doc = () => ({
    project: { name: '社区文化惠民工程\u3000', code: 'TODO', 'a/b~c': '２' },
    budget: { total: Infinity, sources: [{ name: '财政拨款', amount: '１２０' }] },
    indicators: [
      { code: 'OUT-1', target: '９０', unit: '％', weight: NaN },
      { code: 'OUT-2', target: ' 待填写 ', name: '\u00a0满意度' },
    ],
  });

  it('folds, and finds every kind, in document order, with their pointers', () => {
    const data = doc();
    const scan = scanScalars(data, { fold: true, invisible: true });
    expect(scan.folded).to.deep.equal([
      { pointer: '/budget/sources/0/amount', from: '１２０', to: '120' },
      { pointer: '/indicators/0/target', from: '９０', to: '90' },
      { pointer: '/indicators/0/unit', from: '％', to: '%' },
    ]);
    // In place: numbers where numbers belong, % as the unit; other full-width text stays.
    expect(data.budget.sources[0].amount).to.equal(120);
    expect(data.indicators[0]).to.deep.include({ target: 90, unit: '%' });
    expect(data.project['a/b~c']).to.equal('２');
    expect(scan.nonFinite).to.deep.equal([
      { pointer: '/budget/total', value: 'Infinity' },
      { pointer: '/indicators/0/weight', value: 'NaN' },
    ]);
    expect(scan.placeholders).to.deep.equal([
      { pointer: '/project/code', value: 'TODO', field: 'project.code' },
      { pointer: '/indicators/1/target', value: '待填写', field: 'indicators[1].target' },
    ]);
    expect(scan.invisible.map((x) => [x.pointer, x.edge.at, x.edge.char])).to.deep.equal([
      ['/project/name', 'end', 'U+3000 full-width (ideographic) space'],
      ['/indicators/1/name', 'start', 'U+00A0 no-break space'],
    ]);
  });

  it('leaves the document alone and skips the edges unless asked', () => {
    const data = doc();
    const scan = scanScalars(data);
    expect(scan.folded).to.deep.equal([]);
    expect(scan.invisible).to.deep.equal([]);
    expect(data.indicators[0].target).to.equal('９０');
    expect(scan.nonFinite).to.have.length(2);
    expect(scan.placeholders).to.have.length(2);
  });

  it('escapes pointers (RFC 6901) and names fields as a person does', () => {
    expect(pointerOf(['indicators', '0', 'a/b~c'])).to.equal('/indicators/0/a~1b~0c');
    expect(pointerOf([])).to.equal('');
    expect(fieldName(['indicators', '0', 'target'])).to.equal('indicators[0].target');
  });
});

describe('io/full-width: foldValue', () => {
  // The fold as written before numberLike() ruled text out early: the same answer for every string.
  const NUMERIC = ['indicators', '0', 'target'];
  const reference = (s: string, segments: string[]) => {
    const half = s.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).trim();
    if (half === '%') return '%';
    if (!/^[+-]?(?:\d+(?:\.\d+)?|\.\d+)$/.test(half)) return undefined;
    return segments[segments.length - 1] === 'target' ? Number(half) : undefined;
  };

  it('agrees with converting the whole text first, on random full-width, ASCII, CJK and space strings', () => {
    const FULL = Array.from({ length: 0xff5e - 0xff01 + 1 }, (_, i) => String.fromCharCode(0xff01 + i));
    const alphabet = [...FULL, ...'0123456789+-.% x\t', '\u3000', '\u00a0', '\u2003', '万', '元', '，'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { minLength: 1, maxLength: 6 }), (chars) => {
        const s = chars.join('');
        expect(foldValue(s, NUMERIC), JSON.stringify(s)).to.equal(reference(s, NUMERIC));
      }),
      { numRuns: 20_000, seed: 42 },
    );
    expect(foldValue('\u3000９０．５\u3000', NUMERIC)).to.equal(90.5);
    expect(foldValue('－５', NUMERIC)).to.equal(-5);
    expect(foldValue('％', ['indicators', '0', 'unit'])).to.equal('%');
    expect(foldValue('满意度９０％', NUMERIC)).to.equal(undefined);
  });
});

describe('io/full-width: which values are numbers', () => {
  it('folds numbers where bpm documents hold numbers, and leaves text alone wherever it stands', () => {
    const data = {
      indicators: [{ name: '１２３４５', code: '１２', target: '９０', milestones: { Q1: '３０' } }],
      actuals: { 'EFF-1': '５２８００', 'EFF-2': { level: 'achieved', note: '１２' } },
      panels: { 'EFF-2': ['９', '８．６'] },
      budget: { sources: [{ name: '２０２５', amount: '１２０' }], schedule: { Q1: '３０' } },
    };
    const scan = scanScalars(data, { fold: true });
    expect(scan.folded.map((x) => x.pointer)).to.deep.equal([
      '/indicators/0/target',
      '/indicators/0/milestones/Q1',
      '/actuals/EFF-1',
      '/panels/EFF-2/0',
      '/panels/EFF-2/1',
      '/budget/sources/0/amount',
      '/budget/schedule/Q1',
    ]);
    expect(data.indicators[0]).to.deep.include({ name: '１２３４５', code: '１２', target: 90 });
    expect(data.actuals['EFF-2'].note).to.equal('１２');
    expect(data.panels['EFF-2']).to.deep.equal([9, 8.6]);
    expect(data.budget.sources[0].name).to.equal('２０２５');
  });

  it('a full-width number too large for a double is refused as not finite, like 1e400', () => {
    const data = { indicators: [{ target: '９'.repeat(400) }] };
    const scan = scanScalars(data, { fold: true });
    expect(scan.nonFinite).to.deep.equal([{ pointer: '/indicators/0/target', value: 'Infinity' }]);
  });
});
