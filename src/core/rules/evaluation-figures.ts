import { inForce } from '../model/adjust.js';
import { D, text } from '../decimal.js';
import { EXECUTED_SCALE } from '../model/policy.js';
import type { EvaluationRule, Finding } from './types.js';

const CODES = ['executed-scale', 'executed-above-budget', 'panel-score-above-weight'] as const;
type Code = (typeof CODES)[number];

/**
 * The year-end figures of an Evaluation are possible: the executed amount (全年执行数) is not 10
 * times the budget in force or more (`executed-scale`: an amount in 元 written in a 万元
 * dossier, the most common data-entry slip; the project is not scored), and above the budget it
 * is a warning (an overspend, or a typo in the unit); an expert's score for an indicator lies
 * between 0 and the indicator's weight (its 分值).
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
    const x = e.executed;
    if (x !== undefined && x.greaterThan(now.budgetTotal)) {
      const args = { executed: text(x), value: text(x), total: text(now.budgetTotal), unit: d.budget.unit };
      if (x.greaterThanOrEqualTo(now.budgetTotal.times(EXECUTED_SCALE))) {
        const times = now.budgetTotal.isZero() ? '∞' : x.dividedBy(now.budgetTotal).toDecimalPlaces(0, D.ROUND_DOWN).toFixed();
        out.push({ file, path: '/budget/executed', code: 'executed-scale', args: { ...args, times, asWanyuan: text(x.dividedBy(10000)), ...(d.budget.unit === '万元' ? { variant: 'wanyuan' } : {}) } });
      } else {
        out.push({ file, path: '/budget/executed', code: 'executed-above-budget', severity: 'warning', args });
      }
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
