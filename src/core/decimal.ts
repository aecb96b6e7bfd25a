// Exact decimal arithmetic for money and scores (decimal.js). Binary floating point never
// touches an amount: 0.1 + 0.2 is 0.3 here. Rounding is half-up and happens only through
// `round`, at the places docs/scoring.md#rounding-sections-and-the-total names.
import { Decimal } from 'decimal.js';

// A private constructor: enough precision for any budget, and no global configuration change
// that could surprise another module.
export const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP, toExpNeg: -30, toExpPos: 40 });
export type Dec = InstanceType<typeof D>;

export const ZERO = new D(0);
export const ONE = new D(1);
export const HUNDRED = new D(100);

/** A decimal from a YAML/JSON number or a canonical decimal string. */
export function dec(x: number | string | Dec): Dec {
  if (typeof x === 'number') {
    // Decimals are immutable, so one instance per small whole number can be shared: weights,
    // targets and percentages repeat thousands of times in a batch. Other numbers are read as
    // they come (a table of them costs more to look up than decimal.js takes to read one).
    if (x >= 0 && x < SMALL.length && Number.isInteger(x) && !Object.is(x, -0)) return (SMALL[x] ??= new D(x));
    // decimal.js reads a number through Number#toString, the shortest text that round-trips,
    // which is the text the user wrote for every ordinary decimal (0.1 stays "0.1", not
    // 0.1000000000000000055…); it skips the check a string gets, and small integers the text.
    return new D(x);
  }
  return x instanceof D ? x : new D(x);
}
const SMALL: (Dec | undefined)[] = new Array(10_000).fill(undefined);

export function sum(xs: Iterable<Dec>): Dec {
  let s = ZERO;
  for (const x of xs) s = s.plus(x);
  return s;
}

/** Half-up rounding to `places` decimals (财政 practice: 四舍五入). */
export function round(x: Dec, places: number): Dec {
  return x.toDecimalPlaces(places, D.ROUND_HALF_UP);
}

export function min(a: Dec, b: Dec): Dec {
  return a.lessThan(b) ? a : b;
}

export function max(a: Dec, b: Dec): Dec {
  return a.greaterThan(b) ? a : b;
}

/** JSON-friendly number of a decimal that has already been rounded for output. */
export function num(x: Dec): number {
  return x.toNumber();
}

/** Plain text without exponent or trailing zeros ("500", "120.5"). */
export function text(x: Dec): string {
  return x.toFixed();
}

/** a / b, or null when b is zero (a ratio that does not exist is not infinity). */
export function ratio(a: Dec, b: Dec): Dec | null {
  return b.isZero() ? null : a.dividedBy(b);
}
