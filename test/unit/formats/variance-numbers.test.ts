// Numbers for people in the variance reports (src/formats/variance/shared.ts): fixed() pads a
// computed value (already rounded) to the policy's places, and rounds an input value with more
// decimals half-up from its decimal text, never from binary.
import { expect } from 'chai';
import fc from 'fast-check';
import { plain } from '../../../src/core/monitoring/flags.js';
import { fixed } from '../../../src/formats/variance/shared.js';

describe('formats/variance: fixed()', () => {
  it('pads rounded values and rounds longer ones half-up from their text', () => {
    expect(fixed(12.5, 2)).to.equal('12.50');
    expect(fixed(-0.5, 2)).to.equal('-0.50');
    expect(fixed(0.05, 2)).to.equal('0.05');
    expect(fixed(-0.05, 2)).to.equal('-0.05');
    expect(fixed(-0, 2)).to.equal('0.00');
    expect(fixed(7, 0)).to.equal('7');
    expect(fixed(-7, 0)).to.equal('-7');
    expect(fixed(100, 4)).to.equal('100.0000');
    expect(fixed(1.005, 2)).to.equal('1.01'); // from its text "1.005", half-up, not from binary
    expect(fixed(-0.001, 2)).to.equal('0.00'); // no "-0.00"
    expect(fixed(1e21, 2)).to.equal('1000000000000000000000.00');
    expect(fixed(1e-7, 2)).to.equal('0.00');
    expect(fixed(null, 2)).to.equal('—');
    expect(fixed(3, 2, '3.005')).to.equal('3.01');
  });
});

describe('formats/variance: fixed() of rounded values', () => {
  // The text path alone (the shortest decimal text, padded or rounded half-up), as a reference.
  const reference = (x: number, places: number) => fixed(x, places, plain(x));

  it('writes exactly what the decimal text gives, for rounded values, integers and any double', () => {
    const rounded = fc.tuple(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: 0, max: 6 })).map(([n, k]) => n / 10 ** k);
    fc.assert(
      fc.property(fc.oneof(rounded, fc.double({ noNaN: true, noDefaultInfinity: true }), fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.integer()), fc.integer({ min: 0, max: 6 }), (x, places) => {
        expect(fixed(x, places), `${x} to ${places}`).to.equal(reference(x, places));
      }),
      { numRuns: 50_000, seed: 11 },
    );
  });
});
