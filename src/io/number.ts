// Numbers as people type them into a spreadsheet: `1,234.5`, ` 85% `, `８５` (full-width),
// `(120)` (accounting negative), `¥1,000`. The result is a canonical decimal string that
// decimal.js accepts; it is never converted to a binary float here, so 400 digits stay exact.

export interface ParsedNumber {
  /** Canonical decimal: no leading zeros, no trailing fractional zeros, no `-0` ("1234.5"). */
  value: string;
  /** Written with a percent sign; `value` is then the number before the sign (85 for 85%). */
  percent: boolean;
}

/** Already canonical: the common case, returned without further work. */
const CANONICAL = /^-?(?:0|[1-9]\d*)(?:\.\d*[1-9])?$/;

/**
 * Digits with optional grouping commas in threes (`1,234,567`) and an optional fraction.
 * A comma in any other place (`1,5`, a European decimal comma) is rejected rather than
 * silently read as fifteen.
 */
const NUMBER = /^(\d{1,3}(?:,\d{3})+|\d*)(?:\.(\d*))?$/;

export function parseNumber(raw: string): ParsedNumber | null {
  let s = raw.trim();
  if (CANONICAL.test(s) && s !== '-0') return { value: s, percent: false };
  // Full-width forms (Ｕ+FF01–FF5E: digits, ．，％－＋（）) to ASCII; U+2212 minus; ￥ (U+FFE5).
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
  return { value, percent };
}
