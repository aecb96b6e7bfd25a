import { compareDates, parseDate } from '../model/periods.js';
import type { DossierRule, Finding } from './types.js';

const CODES = ['period-order', 'period-outside-year'] as const;
type Code = (typeof CODES)[number];

/** The project period starts before it ends and lies in the fiscal year. */
export const periodDates: DossierRule<Code> = {
  id: 'period-dates',
  severity: 'error',
  scope: 'dossier',
  codes: CODES,
  check(d) {
    const out: Finding<Code>[] = [];
    const start = parseDate(d.period.start);
    const end = parseDate(d.period.end);
    // Impossible dates (2025-02-30) are schema errors (format `date`); nothing to add here.
    if (!start || !end) return out;
    if (compareDates(start, end) > 0) out.push({ file: d.origin.file, path: '/project/period', code: 'period-order', args: { start: d.period.start, end: d.period.end } });
    for (const [which, date] of [['start', start], ['end', end]] as const) {
      if (date.y !== d.year) out.push({ file: d.origin.file, path: `/project/period/${which}`, code: 'period-outside-year', args: { date: d.period[which], year: d.year } });
    }
    return out;
  },
};
