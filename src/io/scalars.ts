// One walk over the scalars of a loaded YAML document for everything the load looks for in every
// value (each document of a batch is walked, so it is walked once): full-width numbers and ％
// read as ASCII (full-width.ts), numbers that are not finite (.inf, .nan, 1e400), values that are
// still a placeholder of `bpm init --blank`, and text that starts or ends with a character YAML
// does not take as white space (invisible.ts). Pointers are built only for what is found.
import { foldValue, hasFullWidth, type Folded } from './full-width.js';
import { invisibleEdge, type InvisibleChar } from './invisible.js';

/** The words `bpm init --blank` writes where a value is to be filled in (the whole value): Chinese, English. */
export const PLACEHOLDERS = ['待填写', 'TODO'] as const;

export interface ScalarScan {
  /** Full-width values rewritten in place to their ASCII form (only when asked to fold). */
  folded: Folded[];
  /** Numbers that are not finite, with their text (`Infinity`, `NaN`). */
  nonFinite: { pointer: string; value: string }[];
  /** Values that are still a placeholder, trimmed, with the field as a person names it. */
  placeholders: { pointer: string; value: string; field: string }[];
  /** Text that starts or ends with an invisible character (only when asked). */
  invisible: { pointer: string; value: string; edge: InvisibleChar & { at: 'start' | 'end' } }[];
}

export interface ScanOptions {
  /** Rewrite full-width numbers and ％ in place (a YAML document before its schema check). */
  fold?: boolean;
  /** Look for invisible characters at the edges of text. */
  invisible?: boolean;
}

/**
 * Whether the text of a document can hold a value scanScalars() reports or folds, numbers that are
 * not finite aside (the caller knows those from the reader): a full-width digit or ＋－．％ (a value
 * to fold), an invisible character, or a placeholder word. False: the walk would find nothing and
 * change nothing, and is skipped (most documents of a batch). True does not mean there is something.
 */
export function scalarsWorthScanning(text: string): boolean {
  return WORTH_SCANNING.test(text) || text.includes(PLACEHOLDERS[0]) || text.includes(PLACEHOLDERS[1]);
}
// The invisible characters of invisible.ts (isInvisible) and the full-width ０-９ ＋ － ． ％.
const WORTH_SCANNING = /[\x0b\x0c\x85\xa0\u1680\u180e\u2000-\u200b\u2028\u2029\u202f\u205f\u2060\u3000\ufeff\uff05\uff0b\uff0d\uff0e\uff10-\uff19]/;

/** Nothing found, nothing folded: the scan of a document scalarsWorthScanning() rules out. */
export function emptyScan(): ScalarScan {
  return { folded: [], nonFinite: [], placeholders: [], invisible: [] };
}

/** Walks every scalar of `data` once (depth first, keys in order, arrays by index). */
export function scanScalars(data: unknown, opts: ScanOptions = {}): ScalarScan {
  const scan = emptyScan();
  const segments: string[] = [];
  const visit = (v: unknown): unknown => {
    if (v === null) return v;
    if (typeof v === 'object') {
      // By index and by key: no [key, value] pair is built for every property of every document.
      const keys = Array.isArray(v) ? undefined : Object.keys(v);
      const n = keys ? keys.length : (v as unknown[]).length;
      for (let i = 0; i < n; i++) {
        const k = keys ? keys[i] : String(i);
        segments.push(k);
        const x = (v as Record<string, unknown>)[k];
        const y = visit(x);
        if (y !== x) (v as Record<string, unknown>)[k] = y;
        segments.pop();
      }
      return v;
    }
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) scan.nonFinite.push({ pointer: pointerOf(segments), value: String(v) });
      return v;
    }
    if (typeof v !== 'string') return v;
    if (opts.fold && hasFullWidth(v)) {
      const folded = foldValue(v, segments);
      if (folded !== undefined) {
        const pointer = pointerOf(segments);
        scan.folded.push({ pointer, from: v, to: String(folded) });
        // Four hundred full-width nines read as a number are Infinity: refused like 1e400.
        if (typeof folded === 'number' && !Number.isFinite(folded)) scan.nonFinite.push({ pointer, value: String(folded) });
        return folded;
      }
    }
    if (v.includes(PLACEHOLDERS[0]) || v.includes(PLACEHOLDERS[1])) {
      const trimmed = v.trim();
      if ((PLACEHOLDERS as readonly string[]).includes(trimmed)) scan.placeholders.push({ pointer: pointerOf(segments), value: trimmed, field: fieldName(segments) });
    }
    if (opts.invisible) {
      const edge = invisibleEdge(v);
      if (edge) scan.invisible.push({ pointer: pointerOf(segments), value: v, edge });
    }
    return v;
  };
  visit(data);
  return scan;
}

/** The JSON Pointer (RFC 6901) of a list of keys. */
export function pointerOf(segments: readonly string[]): string {
  let out = '';
  for (const k of segments) out += `/${k.includes('~') || k.includes('/') ? k.replace(/~/g, '~0').replace(/\//g, '~1') : k}`;
  return out;
}

/** A field as a person names it: `indicators[0].target` for /indicators/0/target. */
export function fieldName(segments: readonly string[]): string {
  return segments.map((k, i) => (/^\d+$/.test(k) ? `[${k}]` : i === 0 ? k : `.${k}`)).join('');
}
