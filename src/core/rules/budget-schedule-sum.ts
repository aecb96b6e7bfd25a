import { inForce } from '../model/adjust.js';
import { sum, sumIs, text, type Dec } from '../decimal.js';
import type { DossierRule, Finding } from './types.js';
import { scaleHint } from './unit-scale.js';

const CODES = ['budget-schedule-sum', 'adjusted-schedule-sum'] as const;
type Code = (typeof CODES)[number];

/**
 * The quarterly schedule (spending IN each quarter) adds up to the total budget exactly; an
 * adjustment's own schedule adds up to the total in force after it (its new total, or the total
 * it leaves unchanged).
 */
export const budgetScheduleSum: DossierRule<Code> = {
  id: 'budget-schedule-sum',
  severity: 'error',
  scope: 'dossier',
  codes: CODES,
  check(d) {
    const out: Finding<Code>[] = [];
    const unit = d.budget.unit;
    const sch = d.budget.schedule;
    if (sch) {
      const amounts = Object.values(sch) as Dec[];
      if (!sumIs(amounts, d.budget.total)) {
        const s = sum(amounts);
        // A sum of 10 times the total or more names the quarter that looks like 元 in a 万元 dossier.
        const hint = scaleHint(unit, s, d.budget.total, Object.entries(sch).map(([name, amount]) => ({ name, amount: amount as Dec })));
        const args = { sum: text(s), total: text(d.budget.total), unit, difference: text(s.minus(d.budget.total)) };
        out.push({ code: 'budget-schedule-sum', file: d.origin.file, path: '/budget/schedule', args: hint ? { ...args, ...hint, quarter: hint.name } : args });
      }
    }
    d.adjustments.forEach((a, i) => {
      if (a.budgetSchedule === undefined) return;
      const total = inForce(d, a.date).budgetTotal;
      const amounts = Object.values(a.budgetSchedule) as Dec[];
      if (sumIs(amounts, total)) return;
      const s = sum(amounts);
      out.push({ code: 'adjusted-schedule-sum', file: d.origin.file, path: `/adjustments/${i}/budget/schedule`, args: { date: a.date, sum: text(s), total: text(total), unit, difference: text(s.minus(total)) } });
    });
    return out;
  },
};
