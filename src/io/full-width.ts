// Full-width input, typed by a Chinese IME (９０, ％), read as its ASCII form with a note, the
// same way everywhere: in YAML documents (here, before the schema sees them), in monitoring CSV
// values (io/number.ts) and in workbooks (NFKC, io/xlsx). A number written in full-width digits
// where a number belongs becomes that number; `％` becomes `%` (so a percentage target gets its
// 0-100 check). Other text (names, goals) is left as written.

/** Keys whose value is a number in bpm documents. */
const NUMERIC_KEYS = new Set(['target', 'weight', 'baseline', 'total', 'initial', 'amount', 'executed', 'value', 'score', 'respondents', 'satisfied', 'year', 'execution', 'rate', 'tolerance', 'relativeTolerance', 'decimals', 'min', 'adjustPct']);
/** Mappings whose values are numbers keyed by a quarter or an indicator code. */
const NUMERIC_MAPS = new Set(['schedule', 'milestones', 'actuals', 'indicators', 'panels', 'sections']);

/** Keys whose value is text wherever they stand (an indicator's name under `indicators`, a note under `actuals`). */
const TEXT_KEYS = new Set(['name', 'note', 'level', 'code', 'unit', 'by', 'reason', 'approvedBy', 'basis', 'goal', 'department', 'category', 'text', 'description']);

/**
 * Whether the value at `segments` is a number in bpm documents: under a numeric key, or inside a
 * map of numbers (a schedule's quarters, an evaluation's actuals by code, a panel's scores),
 * unless its key names text. The dossier's `indicators` is a list of indicator records, not such
 * a map: only their numeric keys hold numbers.
 */
function holdsNumber(segments: readonly string[]): boolean {
  const key = segments[segments.length - 1];
  if (TEXT_KEYS.has(key)) return false;
  if (NUMERIC_KEYS.has(key)) return true;
  for (let j = 0; j < segments.length - 1; j++) {
    if (!NUMERIC_MAPS.has(segments[j])) continue;
    if (segments[j] === 'indicators' && /^\d+$/.test(segments[j + 1] ?? '')) continue;
    return true;
  }
  return false;
}

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
  if (!numberLike(s)) return undefined;
  const half = toHalfWidth(s).trim();
  if (half === '%') return '%';
  if (!/^[+-]?(?:\d+(?:\.\d+)?|\.\d+)$/.test(half)) return undefined;
  return holdsNumber(segments) ? Number(half) : undefined;
}

/**
 * Whether every character of `s` could belong to a number or a percent sign, in either width, or
 * is white space that trim() removes. Chinese text with full-width punctuation (完成，验收：合格)
 * is most of what reaches foldValue(), and is ruled out here without being converted.
 */
function numberLike(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 0xff10 && c <= 0xff19) || c === 0xff0b || c === 0xff0d || c === 0xff0e || c === 0xff05) continue; // ０-９ ＋ － ． ％
    if ((c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2d || c === 0x2e || c === 0x25) continue; // 0-9 + - . %
    if (c <= 0x20 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff) continue;
    return false;
  }
  return true;
}
