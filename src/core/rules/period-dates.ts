import { compareDates, parseDate } from '../periods.js';
import type { DossierRule, Finding } from './types.js';

/** The project period is made of real dates, starts before it ends, and lies in the fiscal year. */
export const periodDates: DossierRule = {
  id: 'period-dates',
  severity: 'error',
  scope: 'dossier',
  codes: ['invalid-date', 'period-order', 'period-outside-year'],
  check(d) {
    const out: Finding[] = [];
    const start = parseDate(d.period.start);
    const end = parseDate(d.period.end);
    if (!start) out.push({ file: d.origin.file, path: '/project/period/start', code: 'invalid-date', args: { date: d.period.start } });
    if (!end) out.push({ file: d.origin.file, path: '/project/period/end', code: 'invalid-date', args: { date: d.period.end } });
    if (!start || !end) return out;
    if (compareDates(start, end) > 0) out.push({ file: d.origin.file, path: '/project/period', code: 'period-order', args: { start: d.period.start, end: d.period.end } });
    for (const [which, date] of [['start', start], ['end', end]] as const) {
      if (date.y !== d.year) out.push({ file: d.origin.file, path: `/project/period/${which}`, code: 'period-outside-year', args: { date: d.period[which], year: d.year } });
    }
    return out;
  },
};
