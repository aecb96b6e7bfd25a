// Calendar arithmetic for project periods and monitoring periods (docs/formats.md#monitoring-data-csv, #variance-json).
// Dates are ISO strings (YYYY-MM-DD); months are counted whole, inclusive.
import type { Quarter } from './model.js';

export interface YMD {
  y: number;
  m: number;
  d: number;
}

/** Parses YYYY-MM-DD, or undefined when it is not a real calendar date (2025-02-30). */
export function parseDate(s: string): YMD | undefined {
  // By character codes rather than a regular expression: every rule about periods reads dates.
  if (s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return undefined;
  const y = digits(s, 0, 4);
  const mo = digits(s, 5, 7);
  const d = digits(s, 8, 10);
  if (y < 0 || mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return undefined;
  return { y, m: mo, d };
}

/** The number the ASCII digits s[from, to) write, or -1 when one of them is not a digit. */
function digits(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

export function daysInMonth(y: number, m: number): number {
  // The Gregorian calendar by arithmetic for the years bpm meets; Date for anything else (it
  // reads the years 0-99 as 1900-1999, and rolls months over).
  if (Number.isInteger(y) && y >= 100 && y <= 9999 && Number.isInteger(m) && m >= 1 && m <= 12) {
    return m === 2 ? ((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28) : MONTH_DAYS[m - 1];
  }
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Month index (year × 12 + month − 1), for whole-month arithmetic. */
export function monthIndex(date: YMD): number {
  return date.y * 12 + date.m - 1;
}

export function formatDate(d: YMD): string {
  return `${String(d.y).padStart(4, '0')}-${String(d.m).padStart(2, '0')}-${String(d.d).padStart(2, '0')}`;
}

/** A monitoring period: a quarter or a month of a year. */
export interface ReportPeriod {
  /** Canonical label: `2025-Q3` or `2025-07`. */
  label: string;
  year: number;
  /** 1-4 for a quarter. */
  quarter?: number;
  /** 1-12 for a month. */
  month?: number;
  /** Last day of the period. */
  end: YMD;
  /** The quarter the period ends in. */
  endQuarter: Quarter;
}

/**
 * Parses `2025-Q1`, `Q1` (the dossier's year), `2025-01` or `2025Q1`/`2025-q1`; undefined when the
 * text is not a period. `defaultYear` serves the bare `Q1` form.
 */
export function parsePeriod(text: string, defaultYear?: number): ReportPeriod | undefined {
  const s = text.trim().toUpperCase();
  let m = /^(?:(\d{4})[-\s]?)?Q([1-4])$/.exec(s);
  if (m) {
    const year = m[1] ? Number(m[1]) : defaultYear;
    if (year === undefined) return undefined;
    const q = Number(m[2]);
    const month = q * 3;
    return { label: `${year}-Q${q}`, year, quarter: q, end: { y: year, m: month, d: daysInMonth(year, month) }, endQuarter: `Q${q}` as Quarter };
  }
  m = /^(\d{4})-(\d{1,2})$/.exec(s);
  if (m) {
    const year = Number(m[1]);
    const month = Number(m[2]);
    if (month < 1 || month > 12) return undefined;
    const q = Math.ceil(month / 3);
    return { label: `${year}-${String(month).padStart(2, '0')}`, year, month, end: { y: year, m: month, d: daysInMonth(year, month) }, endQuarter: `Q${q}` as Quarter };
  }
  return undefined;
}

/** Whole months in a project period, start and end months included. */
export function monthsInPeriod(start: YMD, end: YMD): number {
  return Math.max(0, monthIndex(end) - monthIndex(start) + 1);
}

/**
 * Months of the project period elapsed at `at` (the end of a reporting period), clipped to the
 * period: 0 before it starts, all of them after it ends.
 */
export function monthsElapsed(start: YMD, end: YMD, at: YMD): number {
  const total = monthsInPeriod(start, end);
  const elapsed = monthIndex(at) - monthIndex(start) + 1;
  return Math.min(total, Math.max(0, elapsed));
}

export function compareDates(a: YMD, b: YMD): number {
  return a.y - b.y || a.m - b.m || a.d - b.d;
}
