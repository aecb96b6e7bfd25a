// What a cell's number format says about its value: a percentage (0.95 shown as 95%), a date (a
// serial day number), and how many decimals are shown. And the number itself as the decimal a
// person sees: Excel stores doubles and shows at most 15 significant digits, so 0.8727 stored as
// 0.87270000000000003 is read as "0.8727", never with the binary noise.
import { Decimal } from 'decimal.js';

export interface NumberFormat {
  percent: boolean;
  date: boolean;
  /** Decimals shown; undefined for General (as many as needed). */
  decimals?: number;
}

export const GENERAL: NumberFormat = { percent: false, date: false };

/** Built-in formats (ECMA-376 §18.8.30) that are not General; ids not listed show as General. */
const BUILTIN: Record<number, string> = {
  1: '0', 2: '0.00', 3: '#,##0', 4: '#,##0.00', 9: '0%', 10: '0.00%', 11: '0.00E+00', 12: '# ?/?', 13: '# ??/??',
  14: 'yyyy-mm-dd', 15: 'd-mmm-yy', 16: 'd-mmm', 17: 'mmm-yy', 18: 'h:mm AM/PM', 19: 'h:mm:ss AM/PM', 20: 'h:mm',
  21: 'h:mm:ss', 22: 'yyyy-mm-dd h:mm', 37: '#,##0 ;(#,##0)', 38: '#,##0 ;[Red](#,##0)', 39: '#,##0.00;(#,##0.00)',
  40: '#,##0.00;[Red](#,##0.00)', 45: 'mm:ss', 46: '[h]:mm:ss', 47: 'mmss.0', 48: '##0.0E+0',
};

/** Ids that Chinese-locale Excel and WPS use for their own date formats (年月日). */
function isLocaleDateId(id: number): boolean {
  return (id >= 27 && id <= 36) || (id >= 50 && id <= 58);
}

const cache = new Map<string, NumberFormat>();

/** The meaning of format `id`, with `custom` holding the workbook's own format codes. */
export function numberFormat(id: number, custom: ReadonlyMap<number, string>): NumberFormat {
  const code = custom.get(id) ?? BUILTIN[id];
  if (code === undefined) return isLocaleDateId(id) ? { percent: false, date: true } : GENERAL;
  let f = cache.get(code);
  if (f === undefined) {
    f = analyse(code);
    cache.set(code, f);
  }
  return f;
}

/** Reads a format code's first section (positive numbers): percent, date, decimals. */
export function analyse(code: string): NumberFormat {
  // Quoted text, escaped characters, [colour]/[condition]/[$-locale] brackets and _x / *x
  // spacing never count; elapsed-time brackets ([h], [mm], [ss]) do.
  const section = splitSections(code)[0];
  const bare = section
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/[_*]./g, '')
    .replace(/\[(h+|m+|s+)\]/gi, '$1')
    .replace(/\[[^\]]*\]/g, '');
  if (/^general$/i.test(bare.trim()) || bare.trim() === '' || bare.trim() === '@') return GENERAL;
  const percent = bare.includes('%');
  const date = !percent && /[ymdhs]/i.test(bare.replace(/E[+-]/gi, ''));
  const frac = /\.([0#?]+)/.exec(bare);
  return { percent, date, decimals: date ? undefined : frac ? frac[1].length : 0 };
}

function splitSections(code: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < code.length; i++) {
    const c = code[i];
    if (c === '"') quoted = !quoted;
    if (c === '\\' && !quoted) {
      cur += c + (code[i + 1] ?? '');
      i++;
      continue;
    }
    if (c === ';' && !quoted) {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}

/** At most 15 significant digits, no exponent, no sign other than a leading minus. */
const SHORT = /^-?(?=[\d.]{1,16}$)\d+(\.\d+)?$/;

/**
 * The decimal shown for a stored double (the text of a `<v>` element): rounded to 15
 * significant digits, trailing zeros dropped, never in exponent form. Null for text that is not
 * a finite number.
 */
export function shownDecimal(stored: string): string | null {
  // Most stored numbers are short decimals already ("2650.75", "10"): canonical as written.
  if (SHORT.test(stored) && !/^-?0\d|\.\d*0$|^-0$/.test(stored)) return stored;
  const x = Number(stored);
  if (stored.trim() === '' || !Number.isFinite(x)) return null;
  if (x === 0) return '0';
  return new Decimal(x.toPrecision(15)).toFixed();
}

/** `value` × 100, exactly (a fraction formatted as a percentage, shown as the percent figure). */
export function timesHundred(value: string): string {
  return new Decimal(value).times(100).toFixed();
}

/** Half-up rounding of a canonical decimal to `places` (a figure as the format prints it). */
export function roundShown(value: string, places: number): string {
  return new Decimal(value).toDecimalPlaces(places, Decimal.ROUND_HALF_UP).toFixed();
}

/** The ISO date of a serial day number (1900 system with its phantom 29 Feb, or the 1904 system). */
export function serialToIsoDate(serial: number, date1904: boolean): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2958465) return null;
  const days = Math.floor(serial) + (date1904 ? 1462 : serial < 60 ? 1 : 0);
  // Day 25569 is 1970-01-01 in the 1900 system (counting the phantom 1900-02-29).
  const ms = (days - 25569) * 86400000;
  return new Date(ms).toISOString().slice(0, 10);
}
