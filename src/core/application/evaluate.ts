// One project through evaluation and result application: the scores (core/scoring/), then the
// composite of the evaluation subjects and next year's budget from the grade. Application sits
// above scoring: scoring never imports from here.
import { text } from '../decimal.js';
import { scoreProject, type ScoreInput } from '../scoring/project.js';
import type { ProjectScore, ScoreFinding } from '../scoring/types.js';
import { composite } from './composite.js';
import { recommendation } from './recommend.js';

export type ApplicationCode = 'recommend-application';

export function evaluateProject(input: ScoreInput): ProjectScore {
  const result = scoreProject(input);
  const { dossier: d, evaluation: e, policy } = input;
  if (e && result.total !== null) result.composite = composite(result.total, e, policy);
  if (result.grade !== null) {
    // execution.budget is the budget in force after adjustments.
    const r = recommendation(result.grade, result.execution.budget, policy);
    result.recommendation = r;
    const finding: ScoreFinding<ApplicationCode> = {
      code: 'recommend-application',
      severity: 'info',
      kind: 'recommendation',
      args: { grade: result.grade, adjustPct: text(r.adjustPct), nextBudget: text(r.nextBudget), unit: d.budget.unit, action: r.action, actionEn: r.actionEn ?? r.action },
    };
    result.findings.push(finding);
  }
  return result;
}
