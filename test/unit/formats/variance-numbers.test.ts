// Numbers for people in the variance reports (src/formats/variance/shared.ts): fixed() writes a
// computed value (already rounded) from its scaled integer, and must give exactly the text that
// rounding its shortest decimal text gives, for every double and every number of places.
import { expect } from 'chai';
import fc from 'fast-check';
import { plain } from '../../../src/core/monitoring/flags.js';
import { fixed, fixedText } from '../../../src/formats/variance/shared.js';

describe('formats/variance: fixed()', () => {
  const reference = (x: number, places: number) => fixedText(plain(x), places);

  it('writes rounded values and padding as the decimal text does', () => {
    expect(fixed(12.5, 2)).to.equal('12.50');
    expect(fixed(-0.5, 2)).to.equal('-0.50');
    expect(fixed(0.05, 2)).to.equal('0.05');
    expect(fixed(-0.05, 2)).to.equal('-0.05');
    expect(fixed(-0, 2)).to.equal('0.00');
    expect(fixed(7, 0)).to.equal('7');
    expect(fixed(-7, 0)).to.equal('-7');
    expect(fixed(100, 4)).to.equal('100.0000');
    expect(fixed(1.005, 2)).to.equal('1.01'); // from its text "1.005", half-up, not from binary
    expect(fixed(-0.001, 2)).to.equal('0.00');
    expect(fixed(1e21, 2)).to.equal('1000000000000000000000.00');
    expect(fixed(1e-7, 2)).to.equal('0.00');
    expect(fixed(null, 2)).to.equal('—');
    expect(fixed(3, 2, '3.005')).to.equal('3.01');
  });

  it('agrees with rounding the shortest text on rounded values, integers and any double', () => {
    const rounded = fc.tuple(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: 0, max: 6 })).map(([n, k]) => n / 10 ** k);
    const any = fc.double({ noNaN: true, noDefaultInfinity: true });
    const small = fc.double({ min: -1e6, max: 1e6, noNaN: true });
    fc.assert(
      fc.property(fc.oneof(rounded, any, small, fc.integer()), fc.integer({ min: 0, max: 6 }), (x, places) => {
        expect(fixed(x, places), `${x} to ${places}`).to.equal(reference(x, places));
      }),
      { numRuns: 50_000, seed: 11 },
    );
  });
});
