// Feasibility and ambition (可行性): targets against last year's actuals, and the unit cost the
// budget implies against similar projects.
//   fraction = 0.7 × baseline part + 0.3 × unit-cost part
// Baseline part: the mean over numeric ">=" / "<=" indicators with a baseline of 1 (well set),
// 0 (set too low: a ">=" target below the baseline, a "<=" target above it — docs/scoring.md#the-review-score-bpm-review) or
// 0.5 (unrealistic: target / baseline above policy review.maxTargetToBaseline, inverted for
// "<="); 0.5 when no indicator has a baseline (ambition cannot be judged).
// Unit-cost part: budget total (in 元) / the main output quantity (in its base unit), compared
// with the median of the other projects of the same category measured in the same unit; outside
// median × [1/f, f] (f = review.unitCostFactor) is an outlier (0); 1 otherwise or when fewer than
// three peers exist.
import { D, round, text, type Dec } from '../decimal.js';
import type { Dossier } from '../model/model.js';
import { mainOutput } from './completeness.js';
import { finder, isNumeric, pathOf } from './shared.js';
import { moneyFactor, quantityUnit } from './units.js';
import type { Dimension, ReviewFinding } from './types.js';

const MIN_PEERS = 3;

export interface UnitCost {
  /** 元 per base unit of the main output. */
  value: Dec;
  base: string;
  indicator: string;
}

/** Budget total ÷ main output quantity, in 元 per base unit; undefined when not computable. */
function unitCostOf(d: Dossier): UnitCost | undefined {
  const out = mainOutput(d);
  if (!out || !isNumeric(out) || out.target.lessThanOrEqualTo(0)) return undefined;
  const q = quantityUnit(out.unit);
  const money = moneyFactor(d.budget.unit);
  if (!q || !money) return undefined;
  return { value: d.budget.total.times(money).dividedBy(out.target.times(q.factor)), base: q.base, indicator: out.code };
}

interface PeerGroup {
  /** Unit costs of the group, ascending. */
  sorted: Dec[];
  /** Each dossier's position in `sorted`. */
  index: Map<Dossier, number>;
}

function groupKey(category: string, base: string): string {
  return `${category}\u0000${base}`;
}

// Unit costs grouped by category and output unit, computed once per run (the dossier list is the
// same array for every dossier of a run), so a batch of n dossiers costs O(n log n), not O(n²).
const GROUPS = new WeakMap<readonly Dossier[], Map<string, PeerGroup>>();

function peerGroups(all: readonly Dossier[]): Map<string, PeerGroup> {
  let groups = GROUPS.get(all);
  if (groups) return groups;
  const entries = new Map<string, { d: Dossier; v: Dec }[]>();
  for (const d of all) {
    const uc = d.category ? unitCostOf(d) : undefined;
    if (!uc || !d.category) continue;
    const key = groupKey(d.category, uc.base);
    const list = entries.get(key) ?? [];
    list.push({ d, v: uc.value });
    entries.set(key, list);
  }
  groups = new Map();
  for (const [key, list] of entries) {
    list.sort((a, b) => a.v.comparedTo(b.v));
    groups.set(key, { sorted: list.map((x) => x.v), index: new Map(list.map((x, i) => [x.d, i])) });
  }
  GROUPS.set(all, groups);
  return groups;
}

/** Median of an ascending list without its element at `skip` ("the other projects"). */
export function medianWithout(sorted: readonly Dec[], skip: number): Dec {
  const at = (i: number) => sorted[i < skip ? i : i + 1];
  const n = sorted.length - 1;
  const mid = Math.floor(n / 2);
  return n % 2 === 1 ? at(mid) : at(mid - 1).plus(at(mid)).dividedBy(2);
}

export function median(xs: readonly Dec[]): Dec {
  const s = [...xs].sort((a, b) => a.comparedTo(b));
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid] : s[mid - 1].plus(s[mid]).dividedBy(2);
}

const CODES = ['review-target-below-baseline', 'review-target-above-baseline', 'review-target-unrealistic', 'review-history-no-baseline', 'review-no-baselines', 'review-unit-cost-outlier'] as const;
type Code = (typeof CODES)[number];

export const feasibility: Dimension<Code> = {
  name: 'feasibility',
  codes: CODES,
  review(d: Dossier, ctx) {
    const findings: ReviewFinding<Code>[] = [];
    const add = finder(d, 'feasibility', findings);
    const maxRatio = ctx.policy.review.maxTargetToBaseline;

    const marks: Dec[] = [];
    const tooLow: string[] = [];
    const unrealistic: string[] = [];
    for (const ind of d.indicators) {
      if (!isNumeric(ind)) continue;
      if (ind.baseline === undefined) {
        if (ind.basis === 'history') add('suggestion', 'review-history-no-baseline', pathOf(ind), { indicator: ind.code });
        continue;
      }
      if (ind.operator === '=') continue;
      const args = { indicator: ind.code, target: text(ind.target), baseline: text(ind.baseline), unit: ind.unit ?? '', maximum: text(maxRatio) };
      const up = ind.operator === '>=';
      const low = up ? ind.target.lessThan(ind.baseline) : ind.target.greaterThan(ind.baseline);
      // How far the target moves from the baseline in the indicator's good direction.
      const stretch = up ? (ind.baseline.isZero() ? null : ind.target.dividedBy(ind.baseline)) : ind.target.isZero() ? null : ind.baseline.dividedBy(ind.target);
      if (low) {
        tooLow.push(ind.code);
        marks.push(new D(0));
        add('required', up ? 'review-target-below-baseline' : 'review-target-above-baseline', `${pathOf(ind)}/target`, args);
      } else if (stretch !== null && stretch.greaterThan(maxRatio)) {
        unrealistic.push(ind.code);
        marks.push(new D(0.5));
        add('suggestion', 'review-target-unrealistic', `${pathOf(ind)}/target`, { ...args, ratio: text(round(stretch, 2)), operator: ind.operator });
      } else {
        marks.push(new D(1));
      }
    }
    if (marks.length === 0) add('suggestion', 'review-no-baselines', '/indicators', {});
    const baselinePart = marks.length === 0 ? new D(0.5) : marks.reduce((a, b) => a.plus(b), new D(0)).dividedBy(marks.length);

    // Unit cost against peers of the same category and output unit.
    const own = unitCostOf(d);
    let status: 'ok' | 'high' | 'low' | 'not-compared' = 'not-compared';
    let med: Dec | null = null;
    let peers = 0;
    const group = own && d.category ? peerGroups(ctx.dossiers).get(groupKey(d.category, own.base)) : undefined;
    if (own && group) {
      const self = group.index.get(d);
      peers = self === undefined ? group.sorted.length : group.sorted.length - 1;
      if (peers >= MIN_PEERS) {
        med = self === undefined ? median(group.sorted) : medianWithout(group.sorted, self);
        const f = ctx.policy.review.unitCostFactor;
        status = own.value.greaterThan(med.times(f)) ? 'high' : own.value.lessThan(med.dividedBy(f)) ? 'low' : 'ok';
        if (status !== 'ok') {
          add('required', 'review-unit-cost-outlier', '/budget/total', {
            direction: status,
            unitCost: text(round(own.value, 2)),
            median: text(round(med, 2)),
            base: own.base,
            ratio: text(round(own.value.dividedBy(med), 2)),
            factor: text(f),
            peers,
            category: d.category as string,
            indicator: own.indicator,
          });
        }
      }
    }

    return {
      fraction: new D(0.7).times(baselinePart).plus(new D(0.3).times(status === 'high' || status === 'low' ? 0 : 1)),
      facts: {
        baselined: marks.length,
        tooLow,
        unrealistic,
        maxTargetToBaseline: maxRatio,
        unitCost: own ? { value: round(own.value, 2), per: own.base, indicator: own.indicator, median: med ? round(med, 2) : null, peers, status } : null,
      },
      findings,
    };
  },
};
