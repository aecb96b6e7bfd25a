// Full-width input, typed by a Chinese IME (９０, ％), read as its ASCII form with a note, the
// same way everywhere: in YAML documents (here, before the schema sees them), in monitoring CSV
// values (io/number.ts) and in workbooks (NFKC, io/xlsx). A number written in full-width digits
// where a number belongs becomes that number; `％` becomes `%` (so a percentage target gets its
// 0-100 check). Other text (names, goals) is left as written.

/** Keys whose value is a number in bpm documents. */
const NUMERIC_KEYS = new Set(['target', 'weight', 'baseline', 'total', 'initial', 'amount', 'executed', 'value', 'score', 'respondents', 'satisfied', 'year', 'execution', 'rate', 'tolerance', 'relativeTolerance', 'decimals', 'min', 'adjustPct']);
/** Mappings whose values are numbers keyed by a quarter or an indicator code. */
const NUMERIC_MAPS = new Set(['schedule', 'milestones', 'actuals', 'indicators', 'panels', 'sections']);

const FULL_WIDTH = /[\uff01-\uff5e]/;

/** ASCII for the full-width forms U+FF01–FF5E (digits, ．，％－＋ …). */
export function toHalfWidth(s: string): string {
  return s.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

export interface Folded {
  pointer: string;
  from: string;
  to: string;
}

/** Whether `s` holds a full-width form (U+FF01–FF5E): only then can foldValue() change it. */
export function hasFullWidth(s: string): boolean {
  return FULL_WIDTH.test(s);
}

/**
 * The ASCII form of a full-width number or percent sign at `segments` of a document (a number
 * where bpm documents hold numbers, `%`), or undefined when the value stays as written.
 */
export function foldValue(s: string, segments: readonly string[]): string | number | undefined {
  const half = toHalfWidth(s).trim();
  if (half === '%') return '%';
  if (!/^[+-]?(?:\d+(?:\.\d+)?|\.\d+)$/.test(half)) return undefined;
  const key = segments[segments.length - 1];
  const numeric = NUMERIC_KEYS.has(key) || segments.slice(0, -1).some((k) => NUMERIC_MAPS.has(k));
  return numeric ? Number(half) : undefined;
}
