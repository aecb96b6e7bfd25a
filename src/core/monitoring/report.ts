// The monitoring report of a project (docs/formats.md#variance-json) as the formats print it: every
// computed number already rounded half-up, once, to the policy's `decimals` (time progress to
// decimals + 2: 0.4286 for 3 of 7 months); values read from the input (budget total, targets,
// actual values) as given. Statuses and flags were decided on exact values.
//
// Two engines fill it and must agree to the last digit: variance-fast.ts computes in doubles
// with error bounds (src/core/monitoring/approx.ts) and gives up on a period whose answer it cannot prove;
// variance.ts computes in exact decimals (decimal.js) and is what the fast engine falls back
// to. test/unit/core/monitoring/variance-engines.test.ts holds them to the same output.
import { D, type Dec } from '../decimal.js';
import type { Adjustment, Operator, Tracking } from '../model/model.js';
import type { ProjectObservations } from './collector.js';
import type { Policy } from '../model/policy.js';
import type { SummaryStatus } from './summary.js';
import { fastPeriod } from './variance-fast.js';
import { periodVariance, projectWith, type ExactIndicator, type ProjectHead, type VarianceOptions, type ExactPeriod, type ExpectedBasis, type Flag, type IndicatorStatus, type Likelihood, type Status } from './variance.js';
import { packed } from '../shapes.js';

export interface BudgetRow {
  /** 全年预算数 in force at the period end. */
  total: number;
  planned: number;
  /** Cumulative spend; null when the period has no spend row. */
  actual: number | null;
  /** The spend as written, when no double stands for it exactly (more than 15 significant digits). */
  actualText?: string;
  variance: number | null;
  variancePct: number | null;
  executionRate: number | null;
  /** executionRate / (time progress × 100). */
  pace: number | null;
  status: Status | null;
  /** The schedule (用款计划) or an even spread over the months. */
  plannedFrom: 'schedule' | 'even';
  note?: string;
}

export interface IndicatorRow {
  code: string;
  name: string;
  unit?: string;
  operator: Exclude<Operator, 'qualitative'>;
  tracking: Tracking;
  /** Present (true) on an informational 其中 row: shown, left out of goal progress. */
  informational?: true;
  /** Target in force at the period end. */
  target: number;
  expected: number;
  expectedFrom: ExpectedBasis;
  /** null when the period has no row for the indicator. */
  actual: number | null;
  /** The value as written, when no double stands for it exactly. */
  actualText?: string;
  variance: number | null;
  /** actual / expected; expected / actual for "<=". */
  ratio: number | null;
  status: IndicatorStatus | null;
  projection: number | null;
  likelihood: Likelihood | null;
  note?: string;
}

export interface EarnedValueRow {
  bac: number;
  pv: number;
  ev: number | null;
  ac: number | null;
  cpi: number | null;
  spi: number | null;
  eac: number | null;
}

export interface PeriodVariance {
  period: string;
  /** ISO date of the period end. */
  end: string;
  /** Rounded to decimals + 2. */
  timeProgress: number;
  budget: BudgetRow;
  indicators: IndicatorRow[];
  goalProgress: number | null;
  /** executionRate − goalProgress, in percentage points; null when either is unknown. */
  dualGap: number | null;
  earnedValue: EarnedValueRow;
  /** Approved adjustments in force at the period end, in date order. */
  adjustments: Adjustment[];
  flags: Flag[];
}

export interface ProjectVariance extends ProjectHead {
  /** Empty for a project without data (in the selected period): status `no-data`. */
  periods: PeriodVariance[];
  /** The project's status in the run's summary (set by the run, see monitoring/summary.ts). */
  status?: SummaryStatus | null;
}

export interface ReportOptions extends VarianceOptions {
  /** Compute every period exactly (decimal.js), never with doubles: for the differential tests. */
  exact?: boolean;
  /**
   * `last`: only the last reported period of each project in full; the periods before it carry
   * their budget row alone (no indicators, no flags; goal progress, the dual gap and earned
   * value null), which is all a summary format (table, markdown) shows of them.
   */
  detail?: 'all' | 'last';
}

/** The report of one project: each period from the fast engine, or exactly when it cannot tell. */
export function projectReport(obs: ProjectObservations, policy: Policy, opts: ReportOptions = {}): ProjectVariance {
  const d = obs.dossier;
  const n = policy.decimals;
  const selected = opts.period ? obs.periods.filter((p) => opts.period!(p.period)) : obs.periods;
  const periods: PeriodVariance[] = [];
  selected.forEach((p, k) => {
    const brief = opts.detail === 'last' && k < selected.length - 1;
    const v = (opts.exact ? undefined : fastPeriod(d, p, policy, brief)) ?? fromExact(periodVariance(d, p, policy), n);
    periods.push(brief ? budgetOnly(v) : v);
  });
  return projectWith(d, policy, periods);
}

/** A period reduced to its budget row (see ReportOptions.detail). */
function budgetOnly(v: PeriodVariance): PeriodVariance {
  const ev = v.earnedValue;
  return { ...v, indicators: [], goalProgress: null, dualGap: null, earnedValue: { bac: ev.bac, pv: ev.pv, ev: null, ac: ev.ac, cpi: null, spi: null, eac: null }, flags: [] };
}

/** Half-up to `places`, as the double nearest to the rounded decimal; never negative zero. */
function roundExact(x: Dec, places: number): number {
  const r = Number(x.toFixed(places, D.ROUND_HALF_UP));
  return r === 0 ? 0 : r;
}

function r(x: Dec | null, places: number): number | null {
  return x === null ? null : roundExact(x, places);
}

function given(x: Dec | null): number | null {
  return x === null ? null : x.toNumber();
}

/** An exact indicator, rounded for the report. */
export function indicatorRow(i: ExactIndicator, n: number): IndicatorRow {
  const row: IndicatorRow = {
    code: i.code,
    name: i.name,
    operator: i.operator,
    tracking: i.tracking,
    target: i.target.toNumber(),
    expected: roundExact(i.expected, n),
    expectedFrom: i.expectedFrom,
    actual: given(i.actual),
    variance: r(i.variance, n),
    ratio: r(i.ratio, n),
    status: i.status,
    projection: r(i.projection, n),
    likelihood: i.likelihood,
  };
  if (i.unit !== undefined) row.unit = i.unit;
  if (i.informational) row.informational = true;
  if (i.note !== undefined) row.note = i.note;
  const text = unfaithful(i.actual);
  if (text !== undefined) row.actualText = text;
  return row;
}

/** The decimal text of an input value that no double stands for exactly; else undefined. */
function unfaithful(x: Dec | null): string | undefined {
  if (x === null) return undefined;
  const text = x.toFixed();
  return String(x.toNumber()) === text ? undefined : text;
}

/** An exact period, rounded for the report. */
function fromExact(v: ExactPeriod, n: number): PeriodVariance {
  const b = v.budget;
  const ev = v.earnedValue;
  const budget: BudgetRow = {
    total: b.total.toNumber(),
    planned: roundExact(b.planned, n),
    actual: given(b.actual),
    variance: r(b.variance, n),
    variancePct: r(b.variancePct, n),
    executionRate: r(b.executionRate, n),
    pace: r(b.pace, n),
    status: b.status,
    plannedFrom: b.plannedFrom,
  };
  if (b.note !== undefined) budget.note = b.note;
  const text = unfaithful(b.actual);
  if (text !== undefined) budget.actualText = text;
  return {
    period: v.period,
    end: v.end,
    timeProgress: roundExact(v.timeProgress, n + 2),
    budget,
    // (pushed, as the fast engine's rows are: see src/core/shapes.ts)
    indicators: packed(v.indicators, (i) => indicatorRow(i, n)),
    goalProgress: r(v.goalProgress, n),
    dualGap: r(v.dualGap, n),
    earnedValue: { bac: ev.bac.toNumber(), pv: roundExact(ev.pv, n), ev: r(ev.ev, n), ac: given(ev.ac), cpi: r(ev.cpi, n), spi: r(ev.spi, n), eac: r(ev.eac, n) },
    adjustments: v.adjustments,
    flags: v.flags,
  };
}
