// Result application (结果应用): a grade's budget adjustment and action for next year.
//   nextBudget = budget in force × (1 + adjustPct / 100), rounded to 2 places (money).
import { type Dec, HUNDRED, ONE, round } from '../decimal.js';
import type { Grade } from '../model/model.js';
import type { Policy } from '../model/policy.js';
import type { Recommendation } from '../scoring/types.js';

export function recommendation(grade: Grade, budgetInForce: Dec, policy: Policy): Recommendation {
  const a = policy.application[grade];
  return {
    grade,
    adjustPct: a.adjustPct,
    nextBudget: round(budgetInForce.times(ONE.plus(a.adjustPct.dividedBy(HUNDRED))), 2),
    action: a.action,
    actionEn: a.actionEn,
  };
}
