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

/**
 * The sum of decimals. Amounts, weights and targets have few digits: when each is a whole number
 * of 10^-k with at most 15 digits, they are added as integers, exactly (a decimal.js addition
 * copies both operands and allocates its result); otherwise decimal.js adds them.
 */
export function sum(xs: Iterable<Dec>): Dec {
  const list = Array.isArray(xs) ? (xs as Dec[]) : [...xs];
  const fast = exactSum(list);
  if (fast !== undefined) return fast;
  let s = ZERO;
  for (const x of list) s = s.plus(x);
  return s;
}

/**
 * Whether a and b are equal, less or greater (-1, 0, 1), as a.comparedTo(b), without copying b
 * when both are short enough to compare as scaled integers.
 */
export function compare(a: Dec, b: Dec): number {
  if (a === b && !a.isNaN()) return 0;
  const na = scaledOf(a);
  const pa = scaleOut;
  const nb = scaledOf(b);
  const pb = scaleOut;
  if (!Number.isNaN(na) && !Number.isNaN(nb)) {
    const q = Math.min(pa, pb);
    const x = na * POW10[pa - q];
    const y = nb * POW10[pb - q];
    if (Math.abs(x) <= Number.MAX_SAFE_INTEGER && Math.abs(y) <= Number.MAX_SAFE_INTEGER) return x < y ? -1 : x > y ? 1 : 0;
  }
  return a.comparedTo(b);
}

/** Whether a equals b (the same value, whatever its form). */
export function same(a: Dec, b: Dec): boolean {
  return compare(a, b) === 0;
}

/** 10^k as doubles, exact: 10^22 is the last power of ten a double holds exactly. */
export const POW10: readonly number[] = Array.from({ length: 23 }, (_, k) => 10 ** k);

/** How many digits a word of decimal.js's digits (`x.d`, base 10^7: 0 … 9,999,999) has, leading zeros aside. */
export function wordDigits(w: number): number {
  return w < 10 ? 1 : w < 100 ? 2 : w < 1e3 ? 3 : w < 1e4 ? 4 : w < 1e5 ? 5 : w < 1e6 ? 6 : 7;
}

/** The scale (power of ten) of the last scaledOf() that gave a number. */
let scaleOut = 0;

/**
 * x as n × 10^scaleOut with n a safe integer (decimal.js keeps a value as base-10^7 words `d`, the
 * decimal exponent `e` of its first digit and the sign `s`), or NaN when x has more than 15
 * digits or is not finite.
 */
function scaledOf(x: Dec): number {
  const d = x.d;
  if (!d || d.length > 3) return NaN;
  let n = d[0];
  let len = wordDigits(n);
  for (let i = 1; i < d.length; i++) {
    n = n * 1e7 + d[i];
    len += 7;
  }
  if (n > 999_999_999_999_999) return NaN; // 15 digits: every such integer is a safe one
  scaleOut = x.e - len + 1;
  return x.s * n;
}

/** The exact sum of `xs` as integers of a common scale, or undefined when that is not sure to be exact. */
function exactSum(xs: readonly Dec[]): Dec | undefined {
  const total = scaledSum(xs);
  if (Number.isNaN(total)) return undefined;
  return total === 0 ? ZERO : new D(`${total}e${scaleOut}`);
}

/** The sum of `xs` as n × 10^scaleOut with n a safe integer, or NaN when that is not sure to be exact. */
function scaledSum(xs: readonly Dec[]): number {
  let q = 0;
  for (let i = 0; i < xs.length; i++) {
    if (Number.isNaN(scaledOf(xs[i]))) return NaN;
    if (i === 0 || scaleOut < q) q = scaleOut;
  }
  let total = 0;
  for (const x of xs) {
    const n = scaledOf(x);
    const k = scaleOut - q;
    if (k >= POW10.length) return NaN;
    const v = n * POW10[k];
    total += v;
    if (Math.abs(v) > Number.MAX_SAFE_INTEGER || Math.abs(total) > Number.MAX_SAFE_INTEGER) return NaN;
  }
  scaleOut = q;
  return total;
}

/** Whether the decimals `xs` add up to exactly `expected` (sum() and same(), without the sum's decimal when they are short). */
export function sumIs(xs: readonly Dec[], expected: Dec): boolean {
  const total = scaledSum(xs);
  if (!Number.isNaN(total)) {
    const q = scaleOut;
    const e = scaledOf(expected);
    const p = scaleOut;
    const m = Math.min(p, q);
    if (!Number.isNaN(e) && p - m < POW10.length && q - m < POW10.length) {
      const x = total * POW10[q - m];
      const y = e * POW10[p - m];
      if (Math.abs(x) <= Number.MAX_SAFE_INTEGER && Math.abs(y) <= Number.MAX_SAFE_INTEGER) return x === y;
    }
  }
  return sum(xs).equals(expected);
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
