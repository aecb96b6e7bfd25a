// Small helpers the dimension reviewers share.
import { D, type Dec } from '../decimal.js';
import type { Args } from '../diagnostics.js';
import type { Dossier, Indicator } from '../model/model.js';
import type { RuleCode } from '../rules/index.js';
import type { DimensionName, FindingLevel, ReviewFinding } from './types.js';

export function finder<C extends string>(d: Dossier, dimension: DimensionName, out: ReviewFinding<C>[]) {
  return (level: FindingLevel, code: C, path: string, args: Args = {}, covers?: RuleCode): void => {
    out.push({ code, level, dimension, file: d.origin.file, path, args, ...(covers ? { covers } : {}) });
  };
}

/** A numeric indicator: a quantitative operator and a number as target. */
export function isNumeric(ind: Indicator): ind is Indicator & { target: Dec } {
  return ind.operator !== 'qualitative' && ind.target !== null;
}

/** Weighted parts → a fraction: Σ weight × value / Σ weight. */
export function blend(parts: [number, Dec][]): Dec {
  let num = new D(0);
  let den = new D(0);
  for (const [w, v] of parts) {
    num = num.plus(v.times(w));
    den = den.plus(w);
  }
  return den.isZero() ? new D(1) : num.dividedBy(den);
}

/** n / total, or 1 when there is nothing to count (nothing is missing). */
export function share(n: number, total: number): Dec {
  return total === 0 ? new D(1) : new D(n).dividedBy(total);
}

/** The indicator's position in the dossier (`/indicators/3`). */
export function pathOf(ind: Indicator): string {
  return ind.origin.path;
}

/** Year-end deadline of the project period, for rewrite hints: `2025-12-31`. */
export function deadline(d: Dossier): string {
  return d.period.end;
}
