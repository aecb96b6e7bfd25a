import { compareDates, daysInMonth, parseDate, type YMD } from '../model/periods.js';
import { escapePointer } from '../model/normalise.js';
import { QUARTERS, type Quarter } from '../model/model.js';
import { text, type Dec } from '../decimal.js';
import type { DossierRule, Finding } from './types.js';

const CODES = ['milestone-outside-period', 'schedule-outside-period'] as const;
type Code = (typeof CODES)[number];

/**
 * Quarterly figures only for quarters of the fiscal year that overlap the project period: a
 * milestone (expected value at a quarter end) in a quarter when the project does not run, or
 * planned spending in such a quarter, cannot be monitored against anything.
 */
export const quartersInPeriod: DossierRule<Code> = {
  id: 'quarters-in-period',
  severity: 'error',
  scope: 'dossier',
  codes: CODES,
  check(d) {
    const start = parseDate(d.period.start);
    const end = parseDate(d.period.end);
    // A broken period is reported by period-dates; nothing sensible to compare against here.
    if (!start || !end || compareDates(start, end) > 0) return [];
    // A period wholly outside the fiscal year is one problem (period-outside-year), not eight.
    if (start.y > d.year || end.y < d.year) return [];
    // A period that covers the whole fiscal year (the usual one) leaves no quarter outside.
    if (compareDates(start, { y: d.year, m: 1, d: 1 }) <= 0 && compareDates(end, { y: d.year, m: 12, d: 31 }) >= 0) return [];
    const outside = (q: Quarter) => {
      const n = QUARTERS.indexOf(q) + 1;
      const qStart: YMD = { y: d.year, m: 3 * n - 2, d: 1 };
      const qEnd: YMD = { y: d.year, m: 3 * n, d: daysInMonth(d.year, 3 * n) };
      return compareDates(qEnd, start) < 0 || compareDates(qStart, end) > 0;
    };
    const out: Finding<Code>[] = [];
    const file = d.origin.file;
    const args = (q: Quarter) => ({ quarter: q, year: d.year, start: d.period.start, end: d.period.end });
    for (const [q, v] of Object.entries(d.budget.schedule ?? {}) as [Quarter, Dec][]) {
      if (outside(q) && !v.isZero()) out.push({ file, path: `/budget/schedule/${q}`, code: 'schedule-outside-period', args: { ...args(q), amount: text(v), unit: d.budget.unit } });
    }
    d.indicators.forEach((ind, i) => {
      for (const q of Object.keys(ind.milestones ?? {}) as Quarter[]) {
        if (outside(q)) out.push({ file, path: `/indicators/${i}/milestones/${q}`, code: 'milestone-outside-period', args: { ...args(q), indicator: ind.code } });
      }
    });
    d.adjustments.forEach((a, i) => {
      for (const [q, v] of Object.entries(a.budgetSchedule ?? {}) as [Quarter, Dec][]) {
        if (outside(q) && !v.isZero()) out.push({ file, path: `/adjustments/${i}/budget/schedule/${q}`, code: 'schedule-outside-period', args: { ...args(q), amount: text(v), unit: d.budget.unit } });
      }
      for (const [code, patch] of Object.entries(a.indicators)) {
        for (const q of Object.keys(patch.milestones ?? {}) as Quarter[]) {
          if (outside(q)) out.push({ file, path: `/adjustments/${i}/indicators/${escapePointer(code)}/milestones/${q}`, code: 'milestone-outside-period', args: { ...args(q), indicator: code } });
        }
      }
    });
    return out;
  },
};
