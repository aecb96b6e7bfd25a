// Binary doubles with an error bound, for the hot paths that must still give exactly the answer
// of the decimal arithmetic (src/core/decimal.ts). A computation in doubles carries, beside each
// value, a bound on its distance from the exact result; a rounding (half-up) or a comparison is
// decided from the double only when the bound proves that the exact value falls on the same
// side of the tie or the threshold. Otherwise the helpers answer NaN ("cannot tell") and the
// caller computes that record again with decimal.js. Far from ties, which is almost always, the
// answers are those of exact arithmetic at a fraction of the cost.
//
// Error bounds: every input double is the nearest to a decimal as written (relative error at
// most 2^-53), and each IEEE operation adds at most 2^-53 relative. U is a deliberately generous
// bound per operation (about 9 ulps), so that a chain of a dozen operations stays inside
// a few U of relative error.
// The bounds of quotients in variance-fast.ts are first-order (they leave out products of two
// error terms): sound because U is about 9 times the real rounding error of one operation, and
// the chains are a few operations long.
import { POW10 } from '../decimal.js';

/** Relative error allowed per operation (≈ 9 × 2^-53). */
export const U = 1e-15;

/** Beyond this a scaled double has no fraction digits left to decide a tie from. */
const LIMIT = 2 ** 51;

/**
 * `x` (within `err` of the exact value) rounded half-up (away from zero at .5, as decimal.js's
 * ROUND_HALF_UP) to `places` decimals, as the double nearest to the rounded decimal, or NaN
 * when the exact value may lie on the other side of a tie. Never negative zero.
 */
export function roundHalfUp(x: number, err: number, places: number): number {
  const scale = places < POW10.length ? POW10[places] : 10 ** places;
  const s = Math.abs(x) * scale;
  if (!(s < LIMIT)) return NaN;
  const floor = Math.floor(s);
  const frac = s - floor;
  // The scaled bound: the value's own error, plus the error of the scaling multiplication.
  const e = err * scale + s * U;
  if (Math.abs(frac - 0.5) <= e) return NaN;
  const k = frac > 0.5 ? floor + 1 : floor;
  if (k === 0) return 0;
  const r = k / scale;
  return x < 0 ? -r : r;
}

/**
 * Sign of exact(x) − t for a threshold `t` given as a double (the nearest to a decimal): -1, 1,
 * or 0 when both are exactly equal doubles with no error, NaN when too close to tell.
 */
export function compare(x: number, err: number, t: number): number {
  const d = x - t;
  if (err === 0 && d === 0) return 0;
  if (Math.abs(d) <= err + Math.abs(t) * U + Math.abs(x) * U) return NaN;
  return d < 0 ? -1 : 1;
}
