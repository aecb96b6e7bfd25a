// The unit-scale hint (docs/scoring.md#budget-execution) for amounts that must add up to the total budget
// (funding sources, the quarterly schedule): in a 万元 dossier, a sum of 10 times the total or
// more, with an amount that alone is that large, is an amount in 元 written in 万元.
import { D, type Dec, text } from '../decimal.js';
import { EXECUTED_SCALE } from '../model/policy.js';
import type { Args } from '../diagnostics.js';

/** The `scale` variant's arguments (name: the source or quarter), or undefined when it does not apply. */
export function scaleHint(unit: string, sum: Dec, total: Dec, amounts: readonly { name: string; amount: Dec }[]): Args | undefined {
  if (unit !== '万元' || total.isZero() || sum.lessThan(total.times(EXECUTED_SCALE))) return undefined;
  let big: { name: string; amount: Dec } | undefined;
  for (const a of amounts) if (big === undefined || a.amount.greaterThan(big.amount)) big = a;
  if (big === undefined || big.amount.lessThan(total.times(EXECUTED_SCALE))) return undefined;
  return { variant: 'scale', times: sum.dividedBy(total).toDecimalPlaces(0, D.ROUND_DOWN).toFixed(), amount: text(big.amount), asWanyuan: text(big.amount.dividedBy(10000)), name: big.name };
}
