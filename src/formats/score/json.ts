// `json`: the stable machine contract of docs/formats.md#score-json. Scores are numbers already rounded to
// the policy's decimals; ratios are given to 4 decimals and rates (percent) to 2. Fields beyond
// the contract (policyValues, partialTotal, ranking, departments, attention, per-indicator
// name/level/survey/panel, per-finding kind, per-discrepancy reason) are additions.
import { type Dec, num, POW10, round, wordDigits } from '../../core/decimal.js';
import type { Diagnostic } from '../../core/diagnostics.js';
import type { Policy } from '../../core/model/policy.js';
import type { FormatOptions } from '../../core/report.js';
import type { ApplicationSummary, ApplicationTotals, IndicatorScore, ProjectScore, ScoreFinding, ScoreReport } from '../../core/scoring/types.js';
import { findingText } from './shared.js';

/** The whole report as one string: exactly the text of `jsonChunks` joined. */
export function json(report: ScoreReport, opts: FormatOptions): string {
  return [...jsonChunks(report, opts)].join('');
}

/**
 * The report written piece by piece (the text is exactly `JSON.stringify(jsonDocument(…), null,
 * 2)` plus a newline): one project at a time, so that a batch of ten thousand projects is never
 * one object tree or one string in memory, and each piece is small enough to die young in the
 * garbage collector.
 */
export function* jsonChunks(report: ScoreReport, opts: FormatOptions): Generator<string> {
  const parts = documentParts(report, opts);
  const keys = Object.keys(parts) as (keyof typeof parts)[];
  yield '{';
  for (const [k, key] of keys.entries()) {
    yield `${k === 0 ? '' : ','}\n  ${JSON.stringify(key)}: `;
    const value = parts[key];
    if (typeof value === 'function') yield* streamArray((value as () => Iterable<unknown>)());
    else yield indent(JSON.stringify(value, null, 2), '  ');
  }
  yield '\n}\n';
}

/** The whole report as one object (the shape of docs/formats.md#score-json); jsonChunks writes the same text. */
export function jsonDocument(report: ScoreReport, opts: FormatOptions): Record<string, unknown> {
  const parts = documentParts(report, opts);
  return Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, typeof v === 'function' ? [...(v as () => Iterable<unknown>)()] : v]));
}

/** The top-level fields in order; the long lists are functions that produce their items lazily. */
function documentParts(report: ScoreReport, opts: FormatOptions) {
  return {
    tool: 'bpm',
    version: opts.version,
    command: 'score',
    policy: report.policy,
    policyValues: policyValues(report.policyValues),
    projects: function* () {
      for (const p of report.projects) yield project(p, opts);
    },
    ranking: function* () {
      for (const r of report.ranking) if (r.rank !== null) yield { rank: r.rank, code: r.project.code, total: n(r.project.total) };
    },
    departments: function* () {
      for (const d of report.departments) yield { department: d.department, projects: d.projects, scored: d.scored, mean: n(d.mean) };
    },
    attention: () => report.attention,
    summary: {
      projects: report.summary.projects,
      scored: report.summary.scored,
      incomplete: report.summary.incomplete,
      invalid: report.summary.invalid,
      mean: n(report.summary.mean),
      grades: report.summary.grades,
      application: applicationJson(report.summary.application),
      ignoredProjects: report.ignoredProjects,
    },
    diagnostics: function* () {
      for (const d of report.diagnostics) yield diagnostic(d);
    },
  };
}

/** `[ … ]` as JSON.stringify(items, null, 2) would write it as a top-level field, item by item. */
function* streamArray(items: Iterable<unknown>): Generator<string> {
  let first = true;
  for (const item of items) {
    // Stringified two levels deep, as in the whole document (no re-indenting afterwards):
    // `[\n  [\n    ` + item + `\n  ]\n]`, the item's lines already indented by four spaces.
    const text = JSON.stringify([[item]], null, 2);
    yield (first ? '[\n    ' : ',\n    ') + text.slice(10, -6);
    first = false;
  }
  yield first ? '[]' : '\n  ]';
}

/** Indents every line of JSON text but the first (a JSON string never holds a raw newline). */
function indent(text: string, pad: string): string {
  return text.replace(/\n/g, '\n' + pad);
}

/** A decimal as a JSON number (rounded to `places` first when given): the number `num` gives. */
export function jsonNumber(x: Dec | null | undefined, places?: number): number | null {
  if (x === null || x === undefined) return null;
  // Rounding is only needed when there are more decimals than asked for (most of a report's
  // numbers are weights, targets, counts and scores rounded already).
  const y = places !== undefined && x.decimalPlaces() > places ? round(x, places) : x;
  return exactNumber(y) ?? num(y);
}

/**
 * The double nearest to a decimal of at most 14 digits, without going through text: the digits
 * as an integer N < 2^53 and a power of ten 10^k with k ≤ 22 are both exact doubles, so one
 * multiplication or division rounds once, to the nearest double — the number that parsing the
 * decimal's text gives (the "fast path" of correctly rounded decimal-to-binary conversion).
 * Undefined when the decimal is longer or its exponent larger.
 */
function exactNumber(x: Dec): number | undefined {
  const d = x.d;
  if (d === null || d.length > 2) return undefined;
  // decimal.js keeps the digits in words of 7 (the first word without leading zeros); the first
  // word's leading digit has the exponent x.e.
  const first = d[0];
  const firstDigits = wordDigits(first);
  const int = d.length === 1 ? first : first * 1e7 + d[1];
  const k = x.e - firstDigits + 1 - 7 * (d.length - 1);
  if (k > 22 || k < -22) return undefined;
  const v = k >= 0 ? int * POW10[k] : int / POW10[-k];
  return x.s < 0 ? -v : v;
}
const n = jsonNumber;

function project(p: ProjectScore, opts: FormatOptions): Record<string, unknown> {
  const e = p.execution;
  return {
    code: p.code,
    name: p.name,
    department: p.department,
    unit: p.unit ?? null,
    year: p.year,
    policy: p.policy,
    status: p.status,
    total: n(p.total),
    partialTotal: n(p.partialTotal),
    grade: p.grade,
    outcome: p.outcome,
    execution: { budget: n(e.budget), initial: n(e.initial), executed: n(e.executed), source: e.source, rate: n(e.rate, 2), weight: n(e.weight), score: n(e.score), note: e.note ?? null },
    sections: Object.fromEntries(p.sections.map((s) => [s.section, { weight: n(s.weight), score: n(s.score) }])),
    indicators: p.indicators.map(indicator),
    composite: p.composite ? { score: n(p.composite.score), grade: p.composite.grade, parts: p.composite.parts.map((x) => ({ by: x.by, score: n(x.score), weight: n(x.weight) })) } : null,
    findings: p.findings.map((f) => finding(f, opts, p.budgetUnit)),
    discrepancies: p.discrepancies.map((d) => ({ item: d.item, claimed: typeof d.claimed === 'string' ? d.claimed : n(d.claimed), computed: d.computed === null || typeof d.computed === 'string' ? d.computed : n(d.computed), reason: d.reason })),
    recommendation: p.recommendation ? { adjustPct: n(p.recommendation.adjustPct), nextBudget: n(p.recommendation.nextBudget), action: p.recommendation.action } : null,
    adjustments: p.adjustments,
    budgetUnit: p.budgetUnit,
    diagnostics: p.diagnostics.map(diagnostic),
  };
}

function finding(f: ScoreFinding, opts: FormatOptions, unit: string): Record<string, unknown> {
  // Fields assigned in order rather than spread in: a spread makes V8 build a slow object, and
  // a batch has hundreds of thousands of findings.
  const out: Record<string, unknown> = { code: f.code, severity: f.severity, kind: f.kind };
  if (f.indicator) out.indicator = f.indicator;
  out.message = findingText(f, opts.lang, unit);
  return out;
}

function applicationJson(a: ApplicationSummary): Record<string, unknown> {
  const totals = (x: ApplicationTotals) => ({ projects: x.projects, budget: n(x.budget), nextBudget: n(x.nextBudget), change: n(x.change), notApplied: x.notApplied });
  return { unit: a.unit, departments: a.departments.map((d) => ({ department: d.department, ...totals(d) })), total: totals(a.total) };
}

function indicator(i: IndicatorScore): Record<string, unknown> {
  const out: Record<string, unknown> = {
    code: i.code,
    name: i.name,
    level1: i.level1,
    level2: i.level2,
    section: i.section,
    operator: i.operator,
    unit: i.unit ?? null,
    weight: n(i.weight),
    target: i.target === null ? i.targetText : n(i.target),
    // A survey's rate is a quotient (1000/1200): shown to 2 places, like its `survey.rate`.
    actual: i.level ?? n(i.actual, i.survey ? 2 : undefined),
    actualText: i.actualText ?? null,
    ratio: n(i.ratio, 4),
    score: n(i.score),
    method: i.method,
    adjusted: i.adjusted,
    note: i.note ?? null,
  };
  if (i.informational) out.informational = true;
  if (i.survey) out.survey = { respondents: i.survey.respondents, satisfied: i.survey.satisfied, rate: n(i.survey.rate, 2), margin: n(i.survey.margin, 2) };
  if (i.panel) out.panel = { scores: i.panel.scores.map((x) => n(x)), method: i.panel.method, combined: n(i.panel.combined, 4), spread: n(i.panel.spread) };
  return out;
}

function diagnostic(d: Diagnostic): Record<string, unknown> {
  const out: Record<string, unknown> = { code: d.code, severity: d.severity, message: d.message ?? d.code, file: d.file ?? null, path: d.path ?? null, line: d.line ?? null, column: d.column ?? null };
  if (d.sheet !== undefined) Object.assign(out, { sheet: d.sheet, cell: d.cell ?? '' });
  return out;
}

/** The policy's values as plain JSON (numbers), so a report says exactly which rules applied. */
export function policyValues(p: Policy): Record<string, unknown> {
  return {
    name: p.name,
    lineage: p.lineage,
    sections: Object.fromEntries(Object.entries(p.sections).map(([k, v]) => [k, n(v)])),
    execution: { weight: n(p.executionWeight), reasonBelow: n(p.executionReasonBelow) },
    grades: p.grades.map((g) => ({ min: n(g.min), grade: g.grade })),
    reverse: p.reverse,
    qualitative: Object.fromEntries(Object.entries(p.qualitative).map(([k, b]) => [k, { band: [n(b.band[0]), n(b.band[1])], default: n(b.default) }])),
    overAchievement: n(p.overAchievement),
    panel: { method: p.panel.method, minRaters: p.panel.minRaters, spread: n(p.panel.spread) },
    assessorWeights: Object.fromEntries(Object.entries(p.assessorWeights).map(([k, v]) => [k, n(v)])),
    decimals: p.decimals,
    recheck: { tolerance: n(p.recheck.tolerance), relativeTolerance: n(p.recheck.relativeTolerance) },
    application: Object.fromEntries(Object.entries(p.application).map(([k, a]) => [k, { adjustPct: n(a.adjustPct), action: a.action }])),
  };
}
