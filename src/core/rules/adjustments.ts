import { compareDates, parseDate } from '../model/periods.js';
import { escapePointer } from '../model/normalise.js';
import type { DossierRule, Finding } from './types.js';

const CODES = ['adjustment-order', 'adjustment-outside-period', 'adjustment-unknown-indicator', 'adjustment-missing-reason', 'adjustment-missing-approver', 'adjustment-empty'] as const;
type Code = (typeof CODES)[number];

/**
 * Approved adjustments (动态调整) are in date order, inside the project period, name existing
 * indicators, and each carries a reason and an approver (调整须经批准并说明理由).
 */
export const adjustments: DossierRule<Code> = {
  id: 'adjustments',
  severity: 'error',
  scope: 'dossier',
  codes: CODES,
  check(d) {
    if (d.adjustments.length === 0) return [];
    const out: Finding<Code>[] = [];
    const file = d.origin.file;
    const start = parseDate(d.period.start);
    const end = parseDate(d.period.end);
    const codes = new Set(d.indicators.map((i) => i.code));
    let prev: string | undefined;
    d.adjustments.forEach((a, i) => {
      const base = `/adjustments/${i}`;
      // The schema's `date` format has already rejected impossible dates.
      const date = parseDate(a.date);
      if (date) {
        if (prev !== undefined && a.date < prev) out.push({ file, path: `${base}/date`, code: 'adjustment-order', args: { date: a.date, previous: prev } });
        if (start && end && (compareDates(date, start) < 0 || compareDates(date, end) > 0)) {
          out.push({ file, path: `${base}/date`, code: 'adjustment-outside-period', args: { date: a.date, start: d.period.start, end: d.period.end } });
        }
        prev = a.date;
      }
      if (!a.reason || a.reason.trim() === '') out.push({ file, path: base, code: 'adjustment-missing-reason', args: { date: a.date } });
      if (!a.approvedBy || a.approvedBy.trim() === '') out.push({ file, path: base, code: 'adjustment-missing-approver', args: { date: a.date } });
      for (const code of Object.keys(a.indicators)) {
        if (!codes.has(code)) out.push({ file, path: `${base}/indicators/${escapePointer(code)}`, key: true, code: 'adjustment-unknown-indicator', args: { indicator: code } });
      }
      if (a.budgetTotal === undefined && Object.keys(a.indicators).length === 0) out.push({ file, path: base, code: 'adjustment-empty', severity: 'warning', args: { date: a.date } });
    });
    return out;
  },
};
