// What every variance format shares: the one place where numbers are rounded for output, the
// JSON shape of a project (FORMATS.md §5), and flag messages and status words in zh and en.
//
// Rounding (half-up, once, here): amounts, indicator values, percentages and ratios to the
// policy's `decimals` (default 2); time progress to decimals + 2 (0.4286 for 3 of 7 months).
// Values read from the input (budget total, targets, actual values) are printed as given.
// Statuses are decided on the exact values, before rounding.
import type { Diagnostic } from '../../core/diagnostics.js';
import { D, type Dec } from '../../core/decimal.js';
import type { Adjustment } from '../../core/model.js';
import type { Flag, IndicatorVariance, PeriodVariance, ProjectVariance } from '../../core/variance.js';
import type { FormatOptions } from '../../core/report.js';
import { t, type Lang } from '../../i18n/index.js';

export function rounded(x: Dec | null, places: number): number | null {
  if (x === null) return null;
  // The rounded decimal text is exact; the JSON number is the nearest double to it (as a
  // person would type it). No negative zero.
  const n = Number(x.toFixed(places, D.ROUND_HALF_UP));
  return n === 0 ? 0 : n;
}

/** Exact input value as a JSON number. */
function plain(x: Dec | null): number | null {
  return x === null ? null : x.toNumber();
}

export function statusWord(status: string | null, lang: Lang): string {
  return status === null ? '—' : t(lang, `vstatus.${status}`);
}

export function likelihoodWord(l: string | null, lang: Lang): string {
  return l === null ? '—' : t(lang, `vlikelihood.${l}`);
}

export function flagMessage(f: Flag, lang: Lang): string {
  const args = { ...f.args };
  if (typeof args.status === 'string') args.statusWord = statusWord(args.status, lang);
  if (typeof args.likelihood === 'string') args.likelihoodWord = likelihoodWord(args.likelihood, lang);
  const key = typeof args.direction === 'string' ? `vflag.${f.code}.${args.direction}` : `vflag.${f.code}`;
  return t(lang, key, args);
}

export function jsonProject(p: ProjectVariance, opts: FormatOptions): Record<string, unknown> {
  return { ...jsonProjectHead(p), periods: p.periods.map((per) => jsonPeriod(per, p.decimals, opts.lang)) };
}

/** A project's fields before `periods`. */
export function jsonProjectHead(p: ProjectVariance): Record<string, unknown> {
  return { code: p.code, name: p.name, department: p.department, unit: p.unit, file: p.file, policy: p.policy };
}

export function jsonPeriod(per: PeriodVariance, n: number, lang: Lang): Record<string, unknown> {
  const b = per.budget;
  const ev = per.earnedValue;
  return {
    period: per.period,
    end: per.end,
    timeProgress: rounded(per.timeProgress, n + 2),
    budget: {
      total: plain(b.total),
      planned: rounded(b.planned, n),
      actual: plain(b.actual),
      variance: rounded(b.variance, n),
      variancePct: rounded(b.variancePct, n),
      executionRate: rounded(b.executionRate, n),
      status: b.status,
      pace: rounded(b.pace, n),
      plannedFrom: b.plannedFrom,
      note: b.note ?? null,
    },
    indicators: per.indicators.map((i) => jsonIndicator(i, n)),
    goalProgress: rounded(per.goalProgress, n),
    dualGap: rounded(per.dualGap, n),
    earnedValue: {
      bac: plain(ev.bac),
      pv: rounded(ev.pv, n),
      ev: rounded(ev.ev, n),
      ac: plain(ev.ac),
      cpi: rounded(ev.cpi, n),
      spi: rounded(ev.spi, n),
      eac: rounded(ev.eac, n),
    },
    adjustments: per.adjustments.map(jsonAdjustment),
    flags: per.flags.map((f) => {
      const out: Record<string, unknown> = { code: f.code, severity: f.severity };
      if (f.indicator !== undefined) out.indicator = f.indicator;
      out.message = flagMessage(f, lang);
      return out;
    }),
  };
}

function jsonIndicator(i: IndicatorVariance, n: number): Record<string, unknown> {
  return {
    code: i.code,
    name: i.name,
    unit: i.unit ?? null,
    operator: i.operator,
    tracking: i.tracking,
    target: plain(i.target),
    expected: rounded(i.expected, n),
    expectedFrom: i.expectedFrom,
    actual: plain(i.actual),
    variance: rounded(i.variance, n),
    ratio: rounded(i.ratio, n),
    status: i.status,
    projection: rounded(i.projection, n),
    likelihood: i.likelihood,
    note: i.note ?? null,
  };
}

function jsonAdjustment(a: Adjustment): Record<string, unknown> {
  const out: Record<string, unknown> = { date: a.date };
  if (a.approvedBy !== undefined) out.approvedBy = a.approvedBy;
  if (a.reason !== undefined) out.reason = a.reason;
  if (a.budgetTotal !== undefined) out.budget = { total: a.budgetTotal.toNumber() };
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
    message: d.message ?? t(lang, d.code, d.args ?? {}),
    file: d.file ?? null,
    path: d.path ?? null,
    line: d.line ?? null,
    column: d.column ?? null,
  };
}

/** A number for people: rounded half-up to `places`, trailing zeros kept (12.50), or —. */
export function fixed(x: Dec | null, places: number): string {
  return x === null ? '—' : x.toDecimalPlaces(places, D.ROUND_HALF_UP).toFixed(places);
}

/** An input number as written (no exponent). */
export function asWritten(x: Dec | null): string {
  return x === null ? '—' : x.toFixed();
}

/** `file:line` of a diagnostic (`file:line:column` when the column is known). */
export function where(d: Diagnostic): string {
  const parts = [d.file ?? ''];
  if (d.line !== undefined) parts.push(String(d.line));
  if (d.line !== undefined && d.column !== undefined) parts.push(String(d.column));
  return parts.join(':');
}

/**
 * A sparkline of values on a common scale 0…max: one of ▁▂▃▄▅▆▇█ per value (· when unknown).
 * The eighth steps round half-up, so equal values draw equal bars across the two lines.
 */
export function sparkline(values: readonly (Dec | null)[], max: Dec): string {
  const bars = '▁▂▃▄▅▆▇█';
  return values
    .map((v) => {
      if (v === null) return '·';
      if (max.lessThanOrEqualTo(0)) return bars[0];
      const k = v.dividedBy(max).times(7).toDecimalPlaces(0, D.ROUND_HALF_UP).toNumber();
      return bars[Math.max(0, Math.min(7, k))];
    })
    .join('');
}
