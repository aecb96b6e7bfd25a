// Numbers for people in the variance reports (src/formats/variance/shared.ts): fixed() pads a
// computed value (already rounded) to the policy's places, and rounds an input value with more
// decimals half-up from its decimal text, never from binary.
import { expect } from 'chai';
import fc from 'fast-check';
import { plain } from '../../../src/core/monitoring/flags.js';
import { D } from '../../../src/core/decimal.js';
import { fixed, percentOf, sparkline } from '../../../src/formats/variance/shared.js';

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

describe('formats/variance: sparkline()', () => {
  const BARS = '▁▂▃▄▅▆▇█';
  // The bar of v on the scale 0…max in exact decimals: 7·v/max rounded half-up, within 0…7.
  const reference = (v: number, max: number) => {
    const k = new D(plain(v)).dividedBy(new D(plain(max))).times(7).toDecimalPlaces(0, D.ROUND_HALF_UP).toNumber();
    return BARS[Math.max(0, Math.min(7, k))];
  };

  it('draws eighths of the scale, half-up, with · for an unknown value', () => {
    // Half of 3085 is 1542.5: 7 × ½ = 3.5, a tie in the middle of the plan line, rounded up.
    expect(sparkline([0, 1542.5, 3085, null, -5, 4000], 3085)).to.equal('▁▅█·▁█');
    expect(sparkline([1, 2, 3], 0)).to.equal('▁▁▁');
    // 7 × 0.5/1 = 3.5 and 7 × 1.5/3 = 3.5 (ties); 7 × 1/14 = 0.5, the first step's tie.
    expect(sparkline([0.5, 1.5], 1)).to.equal('▅█');
    expect(sparkline([1.5], 3)).to.equal('▅');
    expect(sparkline([1], 14)).to.equal('▂');
    // Just below a tie where the integers' products pass 2^53 (and would round onto it): decimals decide.
    expect(sparkline([13 * 2 ** 46 + 12], 14 * 2 ** 46 + 13)).to.equal('▇');
  });

  it('gives every value the bar exact decimals give, ties included (property)', () => {
    const decimal = fc.tuple(fc.integer({ min: 0, max: 10 ** 9 }), fc.integer({ min: 0, max: 6 })).map(([n, k]) => n / 10 ** k);
    // On a tie: max = 14·m (so that (2k + 1)·max/14 is a decimal), v = (2k + 1)·m, scaled alike.
    const tie = fc.tuple(fc.integer({ min: 1, max: 10 ** 7 }), fc.integer({ min: 0, max: 7 }), fc.integer({ min: 0, max: 5 })).map(([m, k, d]) => ({ v: ((2 * k + 1) * m) / 10 ** d, max: (14 * m) / 10 ** d }));
    fc.assert(
      fc.property(fc.oneof(fc.tuple(decimal, decimal).map(([v, max]) => ({ v, max: max || 1 })), tie), ({ v, max }) => {
        expect(sparkline([v], max), `${v} of ${max}`).to.equal(reference(v, max));
      }),
      { numRuns: 20_000, seed: 5 },
    );
  });
});

describe('formats/variance: percentOf()', () => {
  it('shifts a rounded fraction two places in decimal, whatever x × 100 gives in binary', () => {
    expect(0.1667 * 100).to.not.equal(16.67);
    expect(percentOf(0.1667, 2)).to.equal('16.67');
    expect(percentOf(0.5833, 2)).to.equal('58.33');
    expect(percentOf(1, 2)).to.equal('100.00');
    expect(percentOf(0, 0)).to.equal('0');
    expect(percentOf(0.083333, 4)).to.equal('8.3333');
    // More decimals than places + 2: fixed() of x × 100, half-up away from zero (-12.5 → -13).
    expect(percentOf(-0.125, 0)).to.equal('-13');
  });

  it('writes what exact decimals give for a fraction of at most places + 2 decimals, else what fixed() gives x × 100 (property)', () => {
    const fraction = fc.tuple(fc.integer({ min: -(10 ** 9), max: 10 ** 9 }), fc.integer({ min: 0, max: 6 })).map(([k, places]) => ({ x: k / 10 ** (places + 2), places }));
    fc.assert(
      fc.property(fraction, ({ x, places }) => {
        const exact = new D(plain(x)).times(100).toFixed(places, D.ROUND_HALF_UP);
        expect(percentOf(x, places), `${x} at ${places}`).to.equal(/^-0\.?0*$/.test(exact) ? exact.slice(1) : exact);
      }),
      { numRuns: 20_000, seed: 3 },
    );
    fc.assert(
      fc.property(fc.double({ min: -10, max: 10, noNaN: true }), fc.integer({ min: 0, max: 6 }), (x, places) => {
        const fits = Math.round(x * 10 ** (places + 2)) / 10 ** (places + 2) === x;
        if (!fits) expect(percentOf(x, places)).to.equal(fixed(x * 100, places));
      }),
      { numRuns: 5_000, seed: 3 },
    );
  });
});
