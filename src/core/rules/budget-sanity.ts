import { same, text } from '../decimal.js';
import type { DossierRule, Finding } from './types.js';

const CODES = ['budget-total-zero', 'budget-initial-differs'] as const;
type Code = (typeof CODES)[number];

/**
 * The budget can carry an execution rate (全年执行数 / 全年预算数): the total, and every adjusted
 * total, is above zero. A 年初预算数 that differs from the 全年预算数 means the budget changed
 * after it was first approved; such a change belongs in `adjustments` (动态调整), with its date, its
 * reason and its approver, so that monitoring and scoring use the right total for each period.
 */
export const budgetSanity: DossierRule<Code> = {
  id: 'budget-sanity',
  severity: 'error',
  scope: 'dossier',
  codes: CODES,
  check(d) {
    const out: Finding<Code>[] = [];
    const file = d.origin.file;
    const unit = d.budget.unit;
    if (d.budget.total.isZero()) out.push({ file, path: '/budget/total', code: 'budget-total-zero', args: { unit } });
    d.adjustments.forEach((a, i) => {
      if (a.budgetTotal?.isZero()) out.push({ file, path: `/adjustments/${i}/budget/total`, code: 'budget-total-zero', args: { unit, date: a.date } });
    });
    const { initial, total } = d.budget;
    if (!same(initial, total)) {
      out.push({ file, path: '/budget/initial', code: 'budget-initial-differs', severity: 'warning', args: { initial: text(initial), total: text(total), unit, difference: text(total.minus(initial)) } });
    }
    return out;
  },
};
