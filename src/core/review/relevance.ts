// Relevance (与战略规划衔接, seed §二(一)2): the goal serves objectives of the strategic plan, and
// the indicators measure what the goal promises.
//   fraction = 0.4 × known objectives / objectives (1 when no StrategyPlan is given)
//            + 0.4 × indicators related to the goal / indicators
//            + 0.2 × goal commitments with an indicator / goal commitments
// An indicator is related when its target is a number the goal states (50 场 ↔ "不少于50场";
// 50000 人次 ↔ "5万人次"), or its name shares content words with the goal (two character pairs,
// or one for a name that has only one or two). A goal commitment is a clause with a number that
// is not a year or a date; it is covered when an indicator's target or name matches it.
import { D, type Dec } from '../decimal.js';
import type { Dossier, Indicator } from '../model/model.js';
import { suggest } from '../suggest.js';
import { blend, finder, isNumeric, pathOf, share } from './shared.js';
import { clauses, commitments, overlap, tokens } from '../text.js';
import { quantityUnit } from './units.js';
import type { Dimension, ReviewFinding } from './types.js';

/** The values under which a goal may state an indicator's target (7.2 万平方米 → 7.2 and 72000). */
function targetForms(ind: Indicator): Dec[] {
  if (!isNumeric(ind)) return [];
  const q = quantityUnit(ind.unit);
  return q && !q.factor.equals(1) ? [ind.target, ind.target.times(q.factor)] : [ind.target];
}

function numberMatch(forms: readonly Dec[], numbers: readonly Dec[]): boolean {
  return forms.some((f) => numbers.some((n) => n.equals(f)));
}

function wordsMatch(name: ReadonlySet<string>, text: ReadonlySet<string>): boolean {
  const shared = overlap(name, text);
  return shared >= 2 || (shared >= 1 && name.size <= 2);
}

const CODES = ['review-unknown-objective', 'review-indicator-unrelated', 'review-goal-clause-uncovered'] as const;
type Code = (typeof CODES)[number];

export const relevance: Dimension<Code> = {
  name: 'relevance',
  codes: CODES,
  review(d: Dossier, ctx) {
    const findings: ReviewFinding<Code>[] = [];
    const add = finder(d, 'relevance', findings);

    const ids = ctx.objectiveIds;
    let known = d.objectives.length;
    if (ids) {
      known = 0;
      d.objectives.forEach((objective, i) => {
        if (ids.has(objective)) known++;
        else add('required', 'review-unknown-objective', `/project/objectives/${i}`, { objective, suggestion: suggest(objective, ids) ?? null }, 'unknown-objective');
      });
    }

    const goalClauses = clauses(d.goal);
    const goalTokens = tokens(d.goal);
    const goalNumbers = goalClauses.flatMap(commitments);
    // An informational row (其中…) details its parent indicator rather than the goal: it is not
    // judged for relevance on its own.
    const scored = d.indicators.filter((ind) => !ind.informational);
    const names = scored.map((ind) => ({ ind, tokens: tokens(ind.name), forms: targetForms(ind) }));

    const unrelated: string[] = [];
    for (const n of names) {
      if (numberMatch(n.forms, goalNumbers) || wordsMatch(n.tokens, goalTokens)) continue;
      unrelated.push(n.ind.code);
      add('suggestion', 'review-indicator-unrelated', `${pathOf(n.ind)}/name`, { indicator: n.ind.code, name: n.ind.name });
    }

    const promised = goalClauses.filter((c) => commitments(c).length > 0);
    const uncovered: string[] = [];
    for (const clause of promised) {
      const nums = commitments(clause);
      const words = tokens(clause);
      if (names.some((n) => numberMatch(n.forms, nums) || overlap(n.tokens, words) >= 2)) continue;
      uncovered.push(clause);
      add('suggestion', 'review-goal-clause-uncovered', '/goal', { clause });
    }

    return {
      fraction: blend([
        [0.4, ids ? share(known, d.objectives.length) : new D(1)],
        [0.4, share(scored.length - unrelated.length, scored.length)],
        [0.2, share(promised.length - uncovered.length, promised.length)],
      ]),
      facts: {
        strategyChecked: ids !== undefined,
        objectives: [...d.objectives],
        unknownObjectives: ids ? d.objectives.filter((o) => !ids.has(o)) : [],
        unrelatedIndicators: unrelated,
        goalCommitments: promised.length,
        uncoveredCommitments: uncovered,
      },
      findings,
    };
  },
};
