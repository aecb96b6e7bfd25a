// Full-width numbers and ％ (src/io/full-width.ts): the load skips the walk of foldFullWidth()
// when the text holds none of the characters a folded value must hold (mayFoldFullWidth); that
// must never skip a value the walk would fold.
import { expect } from 'chai';
import fc from 'fast-check';
import { foldFullWidth, mayFoldFullWidth } from '../../../src/io/full-width.js';

describe('io/full-width: which texts can hold a value to fold', () => {
  const FULL = Array.from({ length: 0xff5e - 0xff01 + 1 }, (_, i) => String.fromCharCode(0xff01 + i));
  const alphabet = [...FULL, ...'0123456789+-.% x', '\u3000', '万', '元'];

  it('folds nothing in a text mayFoldFullWidth() rules out (every full-width form, random values)', () => {
    let folded = 0;
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { minLength: 1, maxLength: 6 }), (chars) => {
        const s = chars.join('');
        const out = foldFullWidth({ target: s, indicators: { X: s }, name: s });
        if (!mayFoldFullWidth(s)) expect(out, JSON.stringify(s)).to.deep.equal([]);
        else folded += out.length;
      }),
      { numRuns: 20_000, seed: 42 },
    );
    for (const c of FULL) if (!mayFoldFullWidth(c)) expect(foldFullWidth({ target: c, weight: `1${c}` }), c).to.deep.equal([]);
    expect(folded).to.be.greaterThan(100);
  });

  it('lets through the texts that hold a full-width digit, sign, point or ％', () => {
    for (const s of ['９０', '％', '－５', '．５', '＋1', '满意度９０％']) expect(mayFoldFullWidth(s), s).to.equal(true);
    for (const s of ['居家养老服务项目（第1号）', '完成，验收：合格；', '90%', '']) expect(mayFoldFullWidth(s), s).to.equal(false);
    expect(foldFullWidth({ target: '９０', unit: '％' }).map((x) => x.to)).to.deep.equal(['90', '%']);
  });
});
