import { inForce } from '../model/adjust.js';
import { text, type Dec } from '../decimal.js';
import { QUARTERS, type Quarter } from '../model/model.js';
import { escapePointer } from '../model/normalise.js';
import type { DossierRule, Finding } from './types.js';

const CODES = ['adjusted-milestone-target-mismatch', 'adjusted-milestone-decreasing'] as const;
type Code = (typeof CODES)[number];

/**
 * An adjustment that changes an indicator's target or milestones leaves a plan that still holds
 * together: after it, the milestones of a cumulative indicator never fall and the last one
 * equals the adjusted target. (Changing the target alone leaves the old milestones aiming at the
 * old target, and monitoring would measure progress against the wrong line.)
 */
export const adjustedMilestones: DossierRule<Code> = {
  id: 'adjusted-milestones',
  severity: 'error',
  scope: 'dossier',
  codes: CODES,
  check(d) {
    const out: Finding<Code>[] = [];
    const file = d.origin.file;
    d.adjustments.forEach((a, i) => {
      const after = inForce(d, a.date);
      // The plan just before this adjustment: a problem it already had is reported there, once.
      const before = inForce({ ...d, adjustments: d.adjustments.filter((x) => x !== a && x.date <= a.date) });
      for (const [code, patch] of Object.entries(a.indicators)) {
        if (patch.target === undefined && patch.milestones === undefined) continue;
        const ind = after.indicators.find((x) => x.code === code);
        const old = before.indicators.find((x) => x.code === code);
        if (!ind?.milestones || !ind.target) continue;
        const ms = ind.milestones;
        const was = old?.milestones ?? {};
        const same = (q: Quarter) => was[q] !== undefined && (was[q] as Dec).equals(ms[q] as Dec);
        const path = `/adjustments/${i}/indicators/${escapePointer(code)}`;
        const given = QUARTERS.filter((q) => ms[q] !== undefined) as Quarter[];
        if (ind.tracking === 'cumulative') {
          for (let k = 1; k < given.length; k++) {
            const [p, q] = [given[k - 1], given[k]];
            if ((ms[q] as Dec).lessThan(ms[p] as Dec) && !(same(p) && same(q))) {
              out.push({ file, path, code: 'adjusted-milestone-decreasing', args: { indicator: code, date: a.date, quarter: q, value: text(ms[q] as Dec), previousQuarter: p, previous: text(ms[p] as Dec) } });
            }
          }
        }
        const last = given[given.length - 1];
        const unchanged = same(last) && old?.target !== null && old?.target !== undefined && old.target.equals(ind.target);
        if (last && !(ms[last] as Dec).equals(ind.target) && !unchanged) {
          out.push({ file, path, code: 'adjusted-milestone-target-mismatch', args: { indicator: code, date: a.date, quarter: last, value: text(ms[last] as Dec), target: text(ind.target) } });
        }
      }
    });
    return out;
  },
};
