// Numbers as people type them into a spreadsheet: `1,234.5`, ` 85% `, `８５` (full-width),
// `(120)` (accounting negative), `¥1,000`. The result is a canonical decimal string that
// decimal.js accepts; it is never converted to a binary float here (the CSV reader refuses a value
// beyond the range of a double, about 1.8e308, since no figure can be computed from it).

export interface ParsedNumber {
  /** Canonical decimal: no leading zeros, no trailing fractional zeros, no `-0` ("1234.5"). */
  value: string;
  /** Written with a percent sign; `value` is then the number before the sign (85 for 85%). */
  percent: boolean;
  /** Written with full-width characters (９０, ％), read as their ASCII forms. */
  fullWidth?: true;
}

/**
 * Digits with optional grouping commas in threes (`1,234,567`) and an optional fraction.
 * A comma in any other place (`1,5`, a European decimal comma) is rejected rather than
 * silently read as fifteen.
 */
const NUMBER = /^(\d{1,3}(?:,\d{3})+|\d*)(?:\.(\d*))?$/;

export function parseNumber(raw: string): ParsedNumber | null {
  let s = raw.trim();
  // The common case (`-1234.50`), scanned without regular expressions: this runs once per row
  // of files with a million rows.
  const plain = canonicalPlain(s);
  if (plain !== undefined) return plain === null ? null : { value: plain, percent: false };
  // Full-width forms (Ｕ+FF01–FF5E: digits, ．，％－＋（）) to ASCII; U+2212 minus; ￥ (U+FFE5).
  const fullWidth = /[\uff01-\uff5e]/.test(s);
  s = s
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u2212/g, '-')
    .replace(/\uffe5/g, '¥')
    .trim();
  let percent = false;
  if (s.endsWith('%')) {
    percent = true;
    s = s.slice(0, -1).trim();
  }
  let negative = false;
  if (s.startsWith('(') && s.endsWith(')')) {
    negative = true;
    s = s.slice(1, -1).trim();
  }
  if (s.startsWith('-') || s.startsWith('+')) {
    if (negative && s.startsWith('-')) return null; // `(-5)`
    negative = negative || s.startsWith('-');
    s = s.slice(1);
  }
  if (s.startsWith('¥')) s = s.slice(1);
  const m = NUMBER.exec(s);
  if (!m) return null;
  const intDigits = m[1].replace(/,/g, '').replace(/^0+/, '');
  const fracDigits = (m[2] ?? '').replace(/0+$/, '');
  if (m[1] === '' && (m[2] ?? '') === '') return null; // `.`, `%`, `-`
  let value = (intDigits === '' ? '0' : intDigits) + (fracDigits === '' ? '' : '.' + fracDigits);
  if (negative && value !== '0') value = '-' + value;
  return fullWidth ? { value, percent, fullWidth } : { value, percent };
}

const DOT = 46;

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/**
 * Canonical form of `[+-]digits[.digits]`; null for a bare sign or dot; undefined when `s` has
 * any other character (commas, %, full-width forms …) and needs the general parser.
 */
function canonicalPlain(s: string): string | null | undefined {
  const n = s.length;
  let i = 0;
  const c0 = s.charCodeAt(0);
  const signed = c0 === 45 || c0 === 43;
  if (signed) i = 1;
  const intStart = i;
  while (i < n && isDigit(s.charCodeAt(i))) i++;
  const intEnd = i;
  let fracStart = i;
  let fracEnd = i;
  const dot = i < n && s.charCodeAt(i) === DOT;
  if (dot) {
    fracStart = ++i;
    while (i < n && isDigit(s.charCodeAt(i))) i++;
    fracEnd = i;
  }
  if (i !== n || n === 0) return undefined;
  if (intEnd === intStart && fracEnd === fracStart) return null;
  let a = intStart;
  while (a < intEnd - 1 && s.charCodeAt(a) === 48) a++;
  let b = fracEnd;
  while (b > fracStart && s.charCodeAt(b - 1) === 48) b--;
  const zero = b === fracStart && (intEnd === intStart || (intEnd - a === 1 && s.charCodeAt(a) === 48));
  // Already canonical (no `+`, no extra zeros, no bare dot, no `-0`): return it as it is.
  if (intEnd > intStart && a === intStart && b === fracEnd && c0 !== 43 && (b > fracStart || !dot) && !(zero && signed)) return s;
  const intPart = intEnd > intStart ? s.slice(a, intEnd) : '0';
  let value = b > fracStart ? intPart + '.' + s.slice(fracStart, b) : intPart;
  if (c0 === 45 && !zero) value = '-' + value;
  return value;
}
