import type { Finding, StrategyRule } from './types.js';

const CODES = ['objective-duplicate', 'objective-unknown-parent'] as const;
type Code = (typeof CODES)[number];

/** Objective ids are unique in a plan and every parent exists. */
export const strategyConsistency: StrategyRule<Code> = {
  id: 'strategy-consistency',
  severity: 'error',
  scope: 'strategy',
  codes: CODES,
  check(plan) {
    const out: Finding<Code>[] = [];
    const ids = new Set<string>();
    plan.objectives.forEach((o, i) => {
      if (ids.has(o.id)) out.push({ file: plan.origin.file, path: `/objectives/${i}/id`, code: 'objective-duplicate', args: { objective: o.id } });
      ids.add(o.id);
    });
    plan.objectives.forEach((o, i) => {
      if (o.parent !== undefined && !ids.has(o.parent)) out.push({ file: plan.origin.file, path: `/objectives/${i}/parent`, code: 'objective-unknown-parent', args: { objective: o.id, parent: o.parent } });
    });
    return out;
  },
};
