import { suggest } from '../suggest.js';
import type { DossierRule, Finding } from './types.js';

const CODES = ['unknown-objective'] as const;
type Code = (typeof CODES)[number];

/** When a StrategyPlan is known, every objective a dossier serves exists in it (与战略规划衔接). */
export const objectivesExist: DossierRule<Code> = {
  id: 'unknown-objective',
  severity: 'error',
  scope: 'dossier',
  codes: CODES,
  check(d, ctx) {
    const ids = ctx.objectiveIds;
    if (!ids) return [];
    const out: Finding<Code>[] = [];
    d.objectives.forEach((o, i) => {
      if (!ids.has(o)) out.push({ code: 'unknown-objective', file: d.origin.file, path: `/project/objectives/${i}`, args: { objective: o, suggestion: suggest(o, ids) ?? null } });
    });
    return out;
  },
};
