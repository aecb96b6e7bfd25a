// What every variance format shares: numbers for people, flag messages and status words in zh
// and en, the JSON of an adjustment and of a diagnostic, the sparkline.
//
// Computed numbers arrive rounded (src/core/monitoring/report.ts: half-up, once, to the policy's
// `decimals`; time progress to decimals + 2); values read from the input (budget total,
// targets, actual values) are printed as given, or rounded exactly where a column rounds them.
import type { Diagnostic } from '../../core/diagnostics.js';
import { roundHalfUp, U } from '../../core/monitoring/approx.js';
import { D, POW10, type Dec } from '../../core/decimal.js';
import { plain } from '../../core/monitoring/flags.js';
import type { Adjustment } from '../../core/model/model.js';
import type { Flag } from '../../core/monitoring/variance.js';
import type { PeriodVariance } from '../../core/monitoring/report.js';
import { message, t, type Lang } from '../../i18n/index.js';

/**
 * An input value (budget total, target, actual) rounded half-up to `places` for a display that
 * rounds it (computed values arrive rounded already and pass unchanged), or null.
 */
export function rounded(x: number | null, places: number): number | null {
  if (x === null) return null;
  const n = Number(fixed(x, places));
  return n === 0 ? 0 : n;
}

export function statusWord(status: string | null, lang: Lang): string {
  return status === null ? '—' : word(lang, 'variance.status.', status);
}

export function likelihoodWord(l: string | null, lang: Lang): string {
  return l === null ? '—' : word(lang, 'variance.likelihood.', l);
}

// Status and likelihood words are looked up for every row of a big report: kept per language
// and prefix, by the key alone (no key text is put together per row).
const WORDS: Record<Lang, Map<string, Map<string, string>>> = { en: new Map(), zh: new Map() };

function word(lang: Lang, prefix: string, key: string): string {
  let words = WORDS[lang].get(prefix);
  if (words === undefined) WORDS[lang].set(prefix, (words = new Map()));
  let w = words.get(key);
  if (w === undefined) {
    w = message(lang, prefix + key);
    words.set(key, w);
  }
  return w;
}

export function flagMessage(f: Flag, lang: Lang): string {
  const args = Object.assign({}, f.args); // (not { ...f.args }, then written to: see src/core/shapes.ts)
  if (typeof args.status === 'string') args.statusWord = statusWord(args.status, lang);
  if (typeof args.likelihood === 'string') args.likelihoodWord = likelihoodWord(args.likelihood, lang);
  const variant = typeof args.direction === 'string' ? args.direction : typeof args.variant === 'string' ? args.variant : undefined;
  return message(lang, variant === undefined ? f.code : `${f.code}.${variant}`, args);
}

export function jsonAdjustment(a: Adjustment): Record<string, unknown> {
  const out: Record<string, unknown> = { date: a.date };
  if (a.approvedBy !== undefined) out.approvedBy = a.approvedBy;
  if (a.reason !== undefined) out.reason = a.reason;
  if (a.budgetTotal !== undefined || a.budgetSchedule !== undefined) {
    const budget: Record<string, unknown> = {};
    if (a.budgetTotal !== undefined) budget.total = a.budgetTotal.toNumber();
    if (a.budgetSchedule !== undefined) budget.schedule = Object.fromEntries(Object.entries(a.budgetSchedule).map(([q, v]) => [q, (v as Dec).toNumber()]));
    out.budget = budget;
  }
  const inds: Record<string, unknown> = {};
  for (const code of Object.keys(a.indicators).sort()) {
    const patch = a.indicators[code];
    const o: Record<string, unknown> = {};
    if (patch.target !== undefined) o.target = patch.target.toNumber();
    else if (patch.targetText !== undefined) o.target = patch.targetText;
    if (patch.weight !== undefined) o.weight = patch.weight.toNumber();
    if (patch.milestones !== undefined) o.milestones = Object.fromEntries(Object.entries(patch.milestones).map(([q, v]) => [q, (v as Dec).toNumber()]));
    inds[code] = o;
  }
  if (Object.keys(inds).length > 0) out.indicators = inds;
  return out;
}

export function jsonDiagnostic(d: Diagnostic, lang: Lang): Record<string, unknown> {
  return {
    code: d.code,
    severity: d.severity,
    message: d.message ?? message(lang, d.code, d.args ?? {}),
    file: d.file ?? null,
    path: d.path ?? null,
    line: d.line ?? null,
    column: d.column ?? null,
    ...(d.sheet !== undefined ? { sheet: d.sheet, cell: d.cell ?? '' } : {}),
  };
}

/**
 * A number for people with `places` decimals, trailing zeros kept (12.50), or —. Computed values
 * arrive rounded and are only padded; an input value with more decimals is rounded half-up,
 * exactly (from its decimal text, never from binary: 1.005 → 1.01).
 */
export function fixed(x: number | null, places: number, text?: string): string {
  if (x === null) return '—';
  // A value with at most `places` decimals (every computed value: they arrive rounded) is written
  // by toFixed, exactly the text below gives it: when scaled / 10^places gives x back and |x| is
  // well inside 2^53, the decimal nearest to x with `places` decimals is the one x was rounded
  // to, and its shortest text too.
  if (text === undefined && !Number.isNaN(scaledBy(x, places))) return x.toFixed(places);
  const s = text ?? plain(x);
  const dot = s.indexOf('.');
  const decimals = dot < 0 ? 0 : s.length - dot - 1;
  if (decimals > places) {
    const r = new D(s).toFixed(places, D.ROUND_HALF_UP);
    return r.startsWith('-') && Number(r) === 0 ? r.slice(1) : r;
  }
  if (places === 0) return s;
  return (dot < 0 ? s + '.' : s) + '0'.repeat(places - decimals);
}

/**
 * A fraction rounded to `places` + 2 decimals (time progress: 0.0833) as a percentage with
 * `places` decimals ("8.33"), shifted in decimal: x × 100 in binary is rarely the double of the
 * percentage (8.330000000000002), which would send fixed() to its exact decimal path for every
 * period of every project.
 */
export function percentOf(x: number, places: number): string {
  const scaled = scaledBy(x, places + 2);
  return Number.isNaN(scaled) ? fixed(x * 100, places) : fixed(scaled / POW10[places], places);
}

/**
 * x × 10^places as an integer when x is the double of a decimal of at most `places` decimals
 * (scaled / 10^places gives x back) and the integer stays below `limit` (well inside 2^53); NaN
 * otherwise.
 */
function scaledBy(x: number, places: number, limit = 2 ** 49): number {
  if (places >= POW10.length) return NaN;
  const p = POW10[places];
  const scaled = Math.round(x * p);
  return scaled / p === x && Math.abs(scaled) < limit ? scaled : NaN;
}

/** An input number as written (no exponent); `text`: its exact text when the double is not it. */
export function asWritten(x: number | null, text?: string): string {
  return x === null ? '—' : (text ?? plain(x));
}

/** `file:line` of a diagnostic (`file:line:column` when the column is known; `file sheet!cell` in a workbook). */
export function where(d: Diagnostic): string {
  if (d.sheet !== undefined) return `${d.file ?? ''} ${d.sheet}!${d.cell ?? ''}`;
  const parts = [d.file ?? ''];
  if (d.line !== undefined) parts.push(String(d.line));
  if (d.line !== undefined && d.column !== undefined) parts.push(String(d.column));
  return parts.join(':');
}

/**
 * Text held back until something that must precede it is known (the summary that opens the
 * table and markdown reports is complete only after every project): encoded as UTF-8 in pieces
 * of about 64 KB, out of the JavaScript heap, and given out as those bytes (the output encodes
 * text to UTF-8 anyway: nothing is encoded twice or decoded again).
 */
export class Deferred {
  private readonly pieces: Buffer[] = [];
  private pending: string[] = [];
  private size = 0;

  push(text: string): void {
    this.pending.push(text);
    this.size += text.length;
    if (this.size >= 1 << 16) this.flush();
  }

  *drain(): Generator<Buffer> {
    this.flush();
    for (let k = 0; k < this.pieces.length; k++) yield this.pieces[k];
    this.pieces.length = 0;
  }

  private flush(): void {
    if (this.pending.length > 0) this.pieces.push(Buffer.from(this.pending.join(''), 'utf8'));
    this.pending = [];
    this.size = 0;
  }
}

/** The goal progress, dual gap and earned-value line of a period (markdown and table). */
export function periodSummaryLine(per: PeriodVariance, n: number, lang: Lang): string {
  return t(lang, 'variance.md.summary', {
    goal: fixed(per.goalProgress, n),
    gap: fixed(per.dualGap, n),
    cpi: fixed(per.earnedValue.cpi, n),
    spi: fixed(per.earnedValue.spi, n),
    eac: fixed(per.earnedValue.eac, n),
  });
}

/**
 * A sparkline of values on a common scale 0…max: one of ▁▂▃▄▅▆▇█ per value (· when unknown).
 * The eighth steps round half-up, so equal values draw equal bars across the two lines.
 */
export function sparkline(values: readonly (number | null)[], max: number): string {
  let out = '';
  for (const v of values) {
    if (v === null) {
      out += '·';
      continue;
    }
    if (max <= 0) {
      out += BARS[0];
      continue;
    }
    const x = (v / max) * 7;
    let k = roundHalfUp(x, Math.abs(x) * 4 * U, 0);
    if (Number.isNaN(k)) k = tieBar(v, max, Math.floor(x));
    if (Number.isNaN(k)) k = new D(plain(v)).dividedBy(new D(plain(max))).times(7).toDecimalPlaces(0, D.ROUND_HALF_UP).toNumber();
    out += BARS[Math.max(0, Math.min(7, k))];
  }
  return out;
}

/**
 * 7·v/max rounded half-up, where it lies within rounding error of k + ½ (a plan at half its
 * total: 3.5, every project), decided exactly on the scaled integers of v and max when both
 * are decimals of at most 4 places (v ≥ 0, max > 0): 7v/max ≥ k + ½ ⟺ 14·a ≥ (2k + 1)·b. NaN
 * when they are not.
 */
function tieBar(v: number, max: number, k: number): number {
  if (!(v >= 0 && max > 0 && k >= 0 && k < 8)) return NaN;
  for (let d = 0; d <= 4; d++) {
    // Below 2^48, the products (at most 15 times) are integers below 2^53: exact.
    const a = scaledBy(v, d, 2 ** 48);
    const b = scaledBy(max, d, 2 ** 48);
    if (!Number.isNaN(a) && !Number.isNaN(b)) return 14 * a >= (2 * k + 1) * b ? k + 1 : k;
  }
  return NaN;
}

const BARS = '▁▂▃▄▅▆▇█';
