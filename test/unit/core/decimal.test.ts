// Exact decimals (src/core/decimal.ts): sum() and compare() add and compare short values as
// scaled integers, and must answer exactly what decimal.js answers, for every value.
import { expect } from 'chai';
import fc from 'fast-check';
import { compare, D, dec, type Dec, same, sum, sumIs, ZERO } from '../../../src/core/decimal.js';

/** decimal.js alone, as sum() was before. */
const reference = (xs: Dec[]) => xs.reduce((s, x) => s.plus(x), ZERO);

// Values of every shape: money with 0–4 decimals, small and huge whole numbers, long fractions,
// tiny and huge exponents, zero and -0, and decimals of more digits than a double holds.
const decimal = fc.oneof(
  fc.tuple(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 0, max: 4 })).map(([n, k]) => new D(n).dividedBy(10 ** k)),
  fc.integer({ min: -100, max: 10_000 }).map((n) => dec(n)),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((x) => new D(x)),
  fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }).map((n) => new D(n.toString())),
  fc.tuple(fc.bigInt({ min: -(10n ** 18n), max: 10n ** 18n }), fc.integer({ min: -40, max: 40 })).map(([n, e]) => new D(`${n}e${e}`)),
  fc.constantFrom(new D(0), new D(-0), new D('0.1'), new D('999999999999999'), new D('1000000000000000'), new D('9007199254740993')),
);

describe('core/decimal: sum and compare', () => {
  it('sum() is the exact sum decimal.js gives, for any values', () => {
    fc.assert(
      fc.property(fc.array(decimal, { maxLength: 8 }), (xs) => {
        const got = sum(xs);
        const want = reference(xs);
        expect(got.toFixed(), xs.map((x) => x.toFixed()).join(' + ')).to.equal(want.toFixed());
        expect(got.isNegative()).to.equal(want.isNegative());
      }),
      { numRuns: 20_000, seed: 3 },
    );
  });

  it('sumIs() says whether the values add up to exactly the total, as sum().equals() does', () => {
    fc.assert(
      fc.property(fc.array(decimal, { maxLength: 6 }), decimal, fc.boolean(), (xs, other, exact) => {
        const total = exact ? reference(xs) : other;
        expect(sumIs(xs, total), `${xs.map((x) => x.toFixed()).join(' + ')} = ${total.toFixed()}`).to.equal(reference(xs).equals(total));
      }),
      { numRuns: 20_000, seed: 9 },
    );
    expect(sumIs([dec(343.54), dec(360.26), dec(463.79), dec(374.79)], dec(1542.38))).to.equal(true);
    expect(sumIs([dec(343.54), dec(360.26), dec(463.79), dec(374.78)], dec(1542.38))).to.equal(false);
    expect(sumIs([], ZERO)).to.equal(true);
  });

  it('compare() and same() answer as comparedTo() and equals()', () => {
    fc.assert(
      fc.property(decimal, decimal, (a, b) => {
        expect(compare(a, b), `${a.toFixed()} vs ${b.toFixed()}`).to.equal(a.comparedTo(b));
        expect(same(a, b)).to.equal(a.equals(b));
        expect(compare(a, a)).to.equal(0);
      }),
      { numRuns: 20_000, seed: 5 },
    );
  });

  it('adds money and weights exactly, from any iterable', () => {
    expect(sum([dec(871.82), dec(670.56)]).toFixed()).to.equal('1542.38');
    expect(sum(new Set([dec(0.1), dec(0.2)])).toFixed()).to.equal('0.3');
    expect(sum([]).toFixed()).to.equal('0');
    expect(sum([dec(20), dec(10), dec(20)]).equals(50)).to.equal(true);
    expect(same(dec(1542.38), new D('1542.380'))).to.equal(true);
    expect(compare(new D('1e30'), new D('999999999999999'))).to.equal(1);
    expect(compare(new D(NaN), dec(1))).to.be.NaN;
    const nan = new D(NaN);
    expect(compare(nan, nan)).to.be.NaN; // as comparedTo(): NaN equals nothing, itself included
    expect(same(nan, nan)).to.equal(false);
    // Past 2^53 a double no longer holds every integer: such values go to decimal.js.
    expect(compare(new D('9007199254740993'), new D('9007199254740992'))).to.equal(1);
    expect(compare(new D('90071992547409.93'), new D('90071992547409.92'))).to.equal(1);
    expect(sum([new D('9007199254740993'), dec(1)]).toFixed()).to.equal('9007199254740994');
    expect(sum([new D('4503599627370496.5'), new D('4503599627370496.5')]).toFixed()).to.equal('9007199254740993');
  });
});
