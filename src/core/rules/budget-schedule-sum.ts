import { sum, text, type Dec } from '../decimal.js';
import type { DossierRule } from './types.js';

const CODES = ['budget-schedule-sum'] as const;
type Code = (typeof CODES)[number];

/** The quarterly schedule (spending IN each quarter) adds up to the total budget exactly. */
export const budgetScheduleSum: DossierRule<Code> = {
  id: 'budget-schedule-sum',
  severity: 'error',
  scope: 'dossier',
  codes: CODES,
  check(d) {
    const sch = d.budget.schedule;
    if (!sch) return [];
    const s = sum(Object.values(sch) as Dec[]);
    if (s.equals(d.budget.total)) return [];
    return [{ code: 'budget-schedule-sum', file: d.origin.file, path: '/budget/schedule', args: { sum: text(s), total: text(d.budget.total), unit: d.budget.unit, difference: text(s.minus(d.budget.total)) } }];
  },
};
