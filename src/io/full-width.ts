// Full-width input, typed by a Chinese IME (９０, ％), read as its ASCII form with a note, the
// same way everywhere: in YAML documents (here, before the schema sees them), in monitoring CSV
// values (io/number.ts) and in workbooks (NFKC, io/xlsx). A number written in full-width digits
// where a number belongs becomes that number; `％` becomes `%` (so a percentage target gets its
// 0-100 check). Other text (names, goals) is left as written.
import { pointerOf } from './schema.js';

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

/**
 * Rewrites, in place, the full-width numbers and percent signs of a parsed document; returns what
 * it changed (for an info note at each place).
 */
export function foldFullWidth(data: Record<string, unknown>): Folded[] {
  const out: Folded[] = [];
  const visit = (v: unknown, segments: string[]) => {
    if (v === null || typeof v !== 'object') return;
    // By index and by key: every document of a batch is walked, no [key, value] pair is built.
    const keys = Array.isArray(v) ? undefined : Object.keys(v);
    const n = keys ? keys.length : (v as unknown[]).length;
    for (let i = 0; i < n; i++) {
      const k = keys ? keys[i] : String(i);
      const x = (v as Record<string, unknown>)[k];
      segments.push(k);
      if (typeof x === 'string' && FULL_WIDTH.test(x)) {
        const folded = fold(x, segments);
        if (folded !== undefined) {
          (v as Record<string, unknown>)[k] = folded;
          out.push({ pointer: pointerOf(segments), from: x, to: String(folded) });
        }
      } else visit(x, segments);
      segments.pop();
    }
  };
  visit(data, []);
  return out;
}

function fold(s: string, segments: string[]): string | number | undefined {
  const half = toHalfWidth(s).trim();
  if (half === '%') return '%';
  if (!/^[+-]?(?:\d+(?:\.\d+)?|\.\d+)$/.test(half)) return undefined;
  const key = segments[segments.length - 1];
  const numeric = NUMERIC_KEYS.has(key) || segments.slice(0, -1).some((k) => NUMERIC_MAPS.has(k));
  return numeric ? Number(half) : undefined;
}
