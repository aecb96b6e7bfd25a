// Approved adjustments (动态调整) take effect from their date (docs/formats.md#adjustments): a period ending on
// or after an adjustment uses the adjusted budget total and targets. Year-end scoring uses every
// adjustment (the budget "in force" is the one after all of them). An adjustment's own schedule
// replaces the dossier's from its date; an adjusted total without one scales the schedule in
// force (monitoring/variance.ts: planned = cumulative schedule × budgetTotal / scheduleTotal).
import type { Dec } from '../decimal.js';
import type { Adjustment, Dossier, Indicator, Quarter } from './model.js';
import { mapped } from '../shapes.js';

export interface InForce {
  /** 全年预算数 in force. */
  budgetTotal: Dec;
  /** The quarterly schedule in force: the dossier's, or the latest adjustment's own; may be absent. */
  schedule?: Partial<Record<Quarter, Dec>>;
  /** The total that schedule was written for: the dossier's total, or its adjustment's total in force. */
  scheduleTotal: Dec;
  /** Indicators with adjusted target / weight / milestones applied. */
  indicators: Indicator[];
  /** The adjustments applied, in date order. */
  applied: Adjustment[];
}

/**
 * The dossier as it stands at `date` (ISO YYYY-MM-DD, inclusive); without a date, after every
 * adjustment. Adjustments apply in date order; a later one overrides an earlier one.
 */
export function inForce(d: Dossier, date?: string): InForce {
  // Most dossiers have no adjustment: the dossier itself is what is in force (no copies; the
  // result is read, never written to).
  if (d.adjustments.length === 0) return { budgetTotal: d.budget.total, schedule: d.budget.schedule, scheduleTotal: d.budget.total, indicators: d.indicators, applied: [] };
  const applied = d.adjustments.filter((a) => date === undefined || a.date <= date).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  let budgetTotal = d.budget.total;
  let schedule = d.budget.schedule;
  let scheduleTotal = d.budget.total;
  const byCode = new Map(d.indicators.map((i) => [i.code, { ...i }]));
  for (const a of applied) {
    if (a.budgetTotal !== undefined) budgetTotal = a.budgetTotal;
    if (a.budgetSchedule !== undefined) {
      schedule = a.budgetSchedule;
      scheduleTotal = budgetTotal;
    }
    for (const [code, patch] of Object.entries(a.indicators)) {
      const ind = byCode.get(code);
      if (!ind) continue;
      if (patch.target !== undefined) {
        ind.target = patch.target;
        ind.targetText = patch.targetText ?? ind.targetText;
      } else if (patch.targetText !== undefined && ind.operator === 'qualitative') {
        ind.targetText = patch.targetText;
      }
      if (patch.weight !== undefined) ind.weight = patch.weight;
      if (patch.milestones !== undefined) ind.milestones = { ...ind.milestones, ...patch.milestones };
    }
  }
  return { budgetTotal, schedule, scheduleTotal, indicators: mapped(d.indicators, (i) => byCode.get(i.code) ?? i), applied };
}
