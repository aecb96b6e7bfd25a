// Multi-subject evaluation (多元评价主体): the composite of the self score and the assessments.
//   composite = Σ(weight_role × score_role) / Σ weight_role over the self score (the computed
//   total, under the evaluation's own role) and each assessment; a role the policy does not
//   weigh counts 1, so by default the composite is the plain mean. Rounded once, half-up.
import { type Dec, round, sum } from '../decimal.js';
import type { Evaluation } from '../model/model.js';
import { assessorWeight, gradeFor, type Policy } from '../model/policy.js';
import type { Composite } from '../scoring/types.js';

export function composite(selfScore: Dec, evaluation: Evaluation, policy: Policy): Composite | null {
  if (evaluation.assessments.length === 0) return null;
  const parts = [
    { by: evaluation.evaluator, score: selfScore, weight: assessorWeight(policy, evaluation.evaluator) },
    ...evaluation.assessments.map((a) => ({ by: a.by, score: a.score, weight: assessorWeight(policy, a.by) })),
  ];
  const totalWeight = sum(parts.map((p) => p.weight));
  if (totalWeight.isZero()) return null;
  const score = round(sum(parts.map((p) => p.weight.times(p.score))).dividedBy(totalWeight), policy.decimals);
  return { score, grade: gradeFor(policy, score), parts };
}
