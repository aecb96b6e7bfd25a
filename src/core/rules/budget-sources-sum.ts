import { sum, sumIs, text } from '../decimal.js';
import type { DossierRule } from './types.js';
import { scaleHint } from './unit-scale.js';
import { mapped } from '../shapes.js';

const CODES = ['budget-sources-sum'] as const;
type Code = (typeof CODES)[number];

/**
 * Funding sources add up to the total budget exactly (decimal arithmetic, no float drift); a sum
 * of 10 times the total or more names the source that looks like 元 in a 万元 dossier.
 */
export const budgetSourcesSum: DossierRule<Code> = {
  id: 'budget-sources-sum',
  severity: 'error',
  scope: 'dossier',
  codes: CODES,
  check(d) {
    if (d.budget.sources.length === 0) return [];
    const amounts = mapped(d.budget.sources, (x) => x.amount);
    if (sumIs(amounts, d.budget.total)) return [];
    const s = sum(amounts);
    const hint = scaleHint(d.budget.unit, s, d.budget.total, d.budget.sources);
    const args = { sum: text(s), total: text(d.budget.total), unit: d.budget.unit, difference: text(s.minus(d.budget.total)) };
    return [{ code: 'budget-sources-sum', file: d.origin.file, path: '/budget/sources', args: hint ? { ...args, ...hint, source: hint.name } : args }];
  },
};
