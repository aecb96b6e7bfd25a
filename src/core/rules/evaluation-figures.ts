import { inForce } from '../model/adjust.js';
import { text } from '../decimal.js';
import type { EvaluationRule, Finding } from './types.js';

const CODES = ['executed-above-budget', 'panel-score-above-weight'] as const;
type Code = (typeof CODES)[number];

/**
 * The year-end figures of an Evaluation are possible: the executed amount (全年执行数) does not
 * exceed the budget in force after every adjustment (the rate would pass 100% — an overspend
 * or a typo in the unit), and an expert's score for an indicator lies between 0 and the
 * indicator's weight (its 分值).
 */
export const evaluationFigures: EvaluationRule<Code> = {
  id: 'evaluation-figures',
  severity: 'error',
  scope: 'evaluation',
  codes: CODES,
  check(e, ctx) {
    const d = ctx.dossierByCode.get(e.project);
    if (!d) return [];
    const out: Finding<Code>[] = [];
    const file = e.origin.file;
    const now = inForce(d);
    if (e.executed !== undefined && e.executed.greaterThan(now.budgetTotal)) {
      out.push({ file, path: '/budget/executed', code: 'executed-above-budget', severity: 'warning', args: { executed: text(e.executed), total: text(now.budgetTotal), unit: d.budget.unit } });
    }
    for (const ind of now.indicators) {
      const panel = e.panels[ind.code];
      if (!panel) continue;
      panel.scores.forEach((s, k) => {
        if (s.greaterThan(ind.weight)) out.push({ file, path: `${panel.origin.path}/${k}`, code: 'panel-score-above-weight', args: { indicator: ind.code, score: text(s), weight: text(ind.weight), rater: k + 1 } });
      });
    }
    return out;
  },
};
