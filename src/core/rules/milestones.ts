import { compare, same, text, type Dec } from '../decimal.js';
import { QUARTERS, type Quarter } from '../model/model.js';
import type { DossierRule, Finding } from './types.js';

const CODES = ['milestone-decreasing', 'milestone-target-mismatch'] as const;
type Code = (typeof CODES)[number];

/**
 * Milestones (expected value at each quarter end) of a cumulative indicator never fall, and the
 * last milestone equals the target (a plan that does not end at the target is not the plan).
 */
export const milestones: DossierRule<Code> = {
  id: 'milestones',
  severity: 'error',
  scope: 'dossier',
  codes: CODES,
  check(d) {
    const out: Finding<Code>[] = [];
    d.indicators.forEach((ind, i) => {
      const ms = ind.milestones;
      if (!ms) return;
      const given = QUARTERS.filter((q) => ms[q] !== undefined) as Quarter[];
      if (ind.tracking === 'cumulative') {
        let prev: { q: Quarter; v: Dec } | undefined;
        for (const q of given) {
          const v = ms[q] as Dec;
          if (prev && compare(v, prev.v) < 0) {
            out.push({ file: d.origin.file, path: `/indicators/${i}/milestones/${q}`, code: 'milestone-decreasing', args: { indicator: ind.code, quarter: q, value: text(v), previousQuarter: prev.q, previous: text(prev.v) } });
          }
          prev = { q, v };
        }
      }
      const last = given[given.length - 1];
      if (last && ind.target && !same(ms[last] as Dec, ind.target)) {
        out.push({ file: d.origin.file, path: `/indicators/${i}/milestones/${last}`, code: 'milestone-target-mismatch', args: { indicator: ind.code, quarter: last, value: text(ms[last] as Dec), target: text(ind.target) } });
      }
    });
    return out;
  },
};
