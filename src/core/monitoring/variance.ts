// The computations of quarterly monitoring (绩效运行监控, docs/formats.md#variance-json): time
// progress, budget planned vs actual, indicator expected vs actual, year-end projection and
// likelihood, goal progress, the dual-monitoring gap, earned value, and the flags that name what
// needs a reason or an adjustment. Everything here is exact (decimal.js), and each figure is one
// division of exact products (time progress enters as its integers, elapsed / months), so a
// result that is a tie or sits on a threshold is found exactly. This is the reference engine:
// variance-fast.ts computes the same in doubles and hands it what it cannot prove; rounding
// happens once, in variance-report.ts, half-up to the policy's decimals.
import { inForce, type InForce } from '../model/adjust.js';
import { D, HUNDRED, ONE, ZERO, min, ratio as div, type Dec } from '../decimal.js';
import type { Args, Severity } from '../diagnostics.js';
import type { Adjustment, Dossier, Indicator, Operator, Quarter, Tracking } from '../model/model.js';
import { QUARTERS } from '../model/model.js';
import type { Observation, PeriodObservations, ProjectObservations } from './collector.js';
import { formatDate, monthIndex, monthsElapsed, monthsInPeriod, parseDate, type ReportPeriod, type YMD } from '../model/periods.js';
import type { Policy } from '../model/policy.js';
import { flags, type FlagCode, type FlagFacts, type FlagIndicator } from './flags.js';
import { packed } from '../shapes.js';

export { FLAG_CODES } from './flags.js';

export type Status = 'red' | 'yellow' | 'green';
export type IndicatorStatus = Status | 'ahead';
export type Likelihood = 'certain' | 'possible' | 'unlikely';
/** Where `expected` came from: a milestone (interpolated inside a quarter for a month), target × time progress, or the target. */
export type ExpectedBasis = 'milestone' | 'time' | 'target';

export interface ExactBudget {
  /** 全年预算数 in force at the period end. */
  total: Dec;
  planned: Dec;
  /** Cumulative spend; null when the period has no spend row. */
  actual: Dec | null;
  variance: Dec | null;
  variancePct: Dec | null;
  executionRate: Dec | null;
  /** executionRate / (time progress × 100). */
  pace: Dec | null;
  status: Status | null;
  /** The schedule (用款计划) or an even spread over the months. */
  plannedFrom: 'schedule' | 'even';
  note?: string;
  /** Where the spend row is. */
  source?: { file: string; line: number };
}

export interface ExactIndicator {
  code: string;
  name: string;
  unit?: string;
  operator: Exclude<Operator, 'qualitative'>;
  tracking: Tracking;
  /** Present (true) on an informational 其中 row: shown, left out of goal progress. */
  informational?: true;
  /** Target in force at the period end. */
  target: Dec;
  expected: Dec;
  expectedFrom: ExpectedBasis;
  /** null when the period has no row for the indicator. */
  actual: Dec | null;
  variance: Dec | null;
  /** actual / expected; expected / actual for "<=". */
  ratio: Dec | null;
  status: IndicatorStatus | null;
  projection: Dec | null;
  likelihood: Likelihood | null;
  note?: string;
  source?: { file: string; line: number };
}

export interface ExactEarnedValue {
  bac: Dec;
  pv: Dec;
  ev: Dec | null;
  ac: Dec | null;
  cpi: Dec | null;
  spi: Dec | null;
  eac: Dec | null;
}

export interface Flag {
  code: FlagCode;
  severity: Severity;
  /** The indicator a flag is about (absent for budget and whole-project flags). */
  indicator?: string;
  args: Args;
}

export interface ExactPeriod {
  period: string;
  /** ISO date of the period end. */
  end: string;
  timeProgress: Dec;
  budget: ExactBudget;
  indicators: ExactIndicator[];
  goalProgress: Dec | null;
  /** executionRate − goalProgress, in percentage points; null when either is unknown. */
  dualGap: Dec | null;
  earnedValue: ExactEarnedValue;
  /** Approved adjustments in force at the period end, in date order. */
  adjustments: Adjustment[];
  flags: Flag[];
}

/** What identifies a project's report, in either engine's model. */
export interface ProjectHead {
  code: string;
  name: string;
  department: string;
  /** Budget unit (元 or 万元). */
  unit: string;
  /** The dossier file. */
  file: string;
  /** Policy used for the thresholds and the rounding. */
  policy: string;
  decimals: number;
}

/** A project's head and its periods, in one object literal (no `{ ...head, periods }`: see src/core/shapes.ts). */
export function projectWith<P>(d: Dossier, policy: Policy, periods: P[]): ProjectHead & { periods: P[] } {
  return { code: d.code, name: d.name, department: d.department, unit: d.budget.unit, file: d.origin.file, policy: policy.name, decimals: policy.decimals, periods };
}

export interface ExactProject extends ProjectHead {
  periods: ExactPeriod[];
}

export interface VarianceOptions {
  /** Only this period (a label as produced by parsePeriod); every reported period otherwise. */
  period?: (p: ReportPeriod) => boolean;
}

export function projectVariance(obs: ProjectObservations, policy: Policy, opts: VarianceOptions = {}): ExactProject {
  const d = obs.dossier;
  const periods = obs.periods.filter((p) => !opts.period || opts.period(p.period)).map((p) => periodVariance(d, p, policy));
  return projectWith(d, policy, periods);
}

export function periodVariance(d: Dossier, obs: PeriodObservations, policy: Policy): ExactPeriod {
  const p = obs.period;
  const end = formatDate(p.end);
  const force = inForce(d, end);
  const tp = timeProgress(d, p);
  const time = timeFraction(d, p);
  const budget = budgetVariance(d, force, p, time, obs.spend, policy);
  const indicators: ExactIndicator[] = [];
  for (const ind of force.indicators) {
    if (ind.operator === 'qualitative' || ind.target === null) continue;
    indicators.push(indicatorVariance(d, ind, p, time, obs.indicators.get(ind.code), policy));
  }
  const goal = goalProgress(force.indicators, indicators);
  const dualGap = budget.executionRate !== null && goal !== null ? budget.executionRate.minus(goal) : null;
  const ev = goal === null ? null : force.budgetTotal.times(goal).dividedBy(HUNDRED);
  const earnedValue: ExactEarnedValue = {
    bac: force.budgetTotal,
    pv: budget.planned,
    ev,
    ac: budget.actual,
    cpi: ev !== null && budget.actual !== null ? div(ev, budget.actual) : null,
    // EV / PV with PV = n / d: one division, EV × d / n.
    spi: ev !== null ? div(ev.times(budget.plannedFraction.d), budget.plannedFraction.n) : null,
    eac: null,
  };
  // EAC = BAC / CPI = BAC × AC / EV.
  if (earnedValue.cpi !== null && !earnedValue.cpi.isZero()) earnedValue.eac = force.budgetTotal.dividedBy(earnedValue.cpi);
  const result: ExactPeriod = {
    period: p.label,
    end,
    timeProgress: tp,
    budget,
    indicators,
    goalProgress: goal,
    dualGap,
    earnedValue,
    adjustments: force.applied,
    flags: [],
  };
  result.flags = flags(exactFacts(result, policy), policy);
  return result;
}

/** The facts the flags are made from, decided on the exact values. */
function exactFacts(v: ExactPeriod, policy: Policy): FlagFacts {
  const b = v.budget;
  const gap = v.dualGap;
  return {
    period: v.period,
    budget: { missing: b.actual === null, status: b.status, ...(b.note !== undefined ? { note: b.note } : {}), pace: r2(b.pace), executionRate: r2(b.executionRate), timeProgress: r2(v.timeProgress.times(HUNDRED))! },
    gap: gap !== null && gap.abs().greaterThan(policy.monitoring.dualGap) ? { positive: gap.isPositive(), executionRate: r2(b.executionRate), goalProgress: r2(v.goalProgress), gap: r2(gap.abs())! } : null,
    indicators: packed(v.indicators, indicatorFact),
  };
}

/** The facts of one indicator for the flags. */
export function indicatorFact(i: ExactIndicator): FlagIndicator {
  const fact: FlagIndicator = {
    code: i.code,
    name: i.name,
    missing: i.actual === null,
    status: i.status,
    likelihood: i.likelihood,
    explained: i.note !== undefined,
    ratio: r2(i.ratio === null ? null : i.ratio.times(HUNDRED)),
    projection: r2(i.projection),
    target: i.target.toFixed(),
  };
  if (i.unit !== undefined) fact.unit = i.unit;
  return fact;
}

/** Half-up to 2 places, for a message. */
function r2(x: Dec | null): number | null {
  return x === null ? null : Number(x.toDecimalPlaces(2, D.ROUND_HALF_UP).toFixed());
}

/** Months of the project period elapsed at the period end / months in the project period. */
export function timeProgress(d: Dossier, p: ReportPeriod): Dec {
  const t = timeFraction(d, p);
  return new D(t.elapsed).dividedBy(t.months);
}

/**
 * Time progress as the integers it is made of: months elapsed / months in the project period
 * (1 / 1 for an empty period). Every figure that depends on time progress is computed from these
 * with a single division at the end, so that an exact result (a ratio of 0.6 at 1/3 of a year, a
 * tie like 0.055) is found exactly, not through a 40-digit rounding of 1/3.
 */
export interface TimeFraction {
  elapsed: number;
  months: number;
}

export function timeFraction(d: Dossier, p: ReportPeriod): TimeFraction {
  const { start, end, months } = projectSpan(d);
  return months === 0 ? { elapsed: 1, months: 1 } : { elapsed: monthsElapsed(start, end, p.end), months };
}

/** A value n / d, kept apart until the one division that makes a figure. */
interface Fraction {
  n: Dec;
  d: Dec;
}

/** Project start and end (the dossier's year when a date is unreadable), and the months in it. */
export interface ProjectSpan {
  start: YMD;
  end: YMD;
  months: number;
}
const SPANS = new WeakMap<Dossier, ProjectSpan>();

/** The project's span, read once per dossier (every period of every project asks for it). */
export function projectSpan(d: Dossier): ProjectSpan {
  let s = SPANS.get(d);
  if (s === undefined) {
    const start = parseDate(d.period.start) ?? { y: d.year, m: 1, d: 1 };
    const end = parseDate(d.period.end) ?? { y: d.year, m: 12, d: 31 };
    s = { start, end, months: monthsInPeriod(start, end) };
    SPANS.set(d, s);
  }
  return s;
}

/** The budget in force at a period end, as planned spending needs it (see model/adjust.ts). */
export type BudgetInForce = Pick<InForce, 'budgetTotal' | 'schedule' | 'scheduleTotal'>;

/**
 * Planned cumulative spend at the period end. With a schedule: each quarter's planned amount
 * (quarters of the dossier's year) counts in proportion to the months of that quarter, inside
 * the project period, that have elapsed (whole at its end; 1/3 and 2/3 for monthly periods).
 * When the total in force differs from the total the schedule was written for (an adjustment
 * changed the total without a schedule of its own, docs/formats.md#variance-json), that cumulative amount
 * is scaled to the total in force: × budgetTotal / scheduleTotal. Without a schedule: the total
 * in force spread evenly over the months (total × time progress).
 */
export function plannedSpend(d: Dossier, force: BudgetInForce, p: ReportPeriod): { planned: Dec; from: 'schedule' | 'even' } {
  const f = plannedFraction(d, force, p);
  return { planned: f.n.dividedBy(f.d), from: f.from };
}

/** plannedSpend as a fraction (sixths for a schedule: quarters count in thirds and halves). */
function plannedFraction(d: Dossier, force: BudgetInForce, p: ReportPeriod): Fraction & { from: 'schedule' | 'even' } {
  const { budgetTotal: total, schedule, scheduleTotal } = force;
  if (!schedule || Object.keys(schedule).length === 0) {
    const t = timeFraction(d, p);
    return { n: total.times(t.elapsed), d: new D(t.months), from: 'even' };
  }
  const { start, end } = projectSpan(d);
  let sixths = ZERO;
  for (const q of QUARTERS) {
    const amount = schedule[q];
    if (amount === undefined) continue;
    const qi = QUARTERS.indexOf(q);
    const qStart = { y: d.year, m: qi * 3 + 1, d: 1 };
    const qEnd = { y: d.year, m: qi * 3 + 3, d: 1 };
    // Months of the quarter inside the project period, and those of them elapsed at p.end.
    const from = Math.max(monthIndex(qStart), monthIndex(start));
    const to = Math.min(monthIndex(qEnd), monthIndex(end));
    const inside = to - from + 1;
    if (inside <= 0) {
      if (monthIndex(qEnd) <= monthIndex(p.end)) sixths = sixths.plus(amount.times(6));
      continue;
    }
    const elapsed = Math.min(inside, Math.max(0, monthIndex(p.end) - from + 1));
    // amount × elapsed / inside, in sixths (inside is 1, 2 or 3).
    sixths = sixths.plus(amount.times(elapsed * (6 / inside)));
  }
  // A schedule written for another total (and a total it can be scaled from): n/6 × total / scheduleTotal.
  if (!scheduleTotal.equals(total) && !scheduleTotal.isZero()) return { n: sixths.times(total), d: SIX.times(scheduleTotal), from: 'schedule' };
  return { n: sixths, d: SIX, from: 'schedule' };
}

const SIX = new D(6);

function budgetVariance(d: Dossier, force: BudgetInForce, p: ReportPeriod, time: TimeFraction, spend: Observation | undefined, policy: Policy): ExactBudget & { plannedFraction: Fraction } {
  const total = force.budgetTotal;
  const f = plannedFraction(d, force, p);
  const b: ExactBudget & { plannedFraction: Fraction } = {
    total,
    planned: f.n.dividedBy(f.d),
    actual: null,
    variance: null,
    variancePct: null,
    executionRate: null,
    pace: null,
    status: null,
    plannedFrom: f.from,
    plannedFraction: f,
  };
  if (!spend) return b;
  const actual = spend.value;
  b.actual = actual;
  // variance = actual − n/d = (actual × d − n) / d; variancePct = that / (n/d) × 100.
  const over = actual.times(f.d).minus(f.n);
  b.variance = over.dividedBy(f.d);
  b.variancePct = f.n.isZero() ? null : over.times(HUNDRED).dividedBy(f.n);
  b.executionRate = total.isZero() ? null : actual.times(HUNDRED).dividedBy(total);
  // pace = executionRate / (time progress × 100) = actual × months / (total × elapsed).
  b.pace = total.isZero() || time.elapsed === 0 ? null : actual.times(time.months).dividedBy(total.times(time.elapsed));
  b.status = b.pace === null ? null : b.pace.lessThan(policy.monitoring.pace.red) ? 'red' : b.pace.lessThan(policy.monitoring.pace.yellow) ? 'yellow' : 'green';
  if (spend.note !== undefined) b.note = spend.note;
  b.source = { file: spend.file, line: spend.line };
  return b;
}

/**
 * The milestone that applies at the period end: a quarter's own milestone; for a month inside a
 * quarter, linear between the previous quarter's milestone (0 before Q1 for a cumulative
 * indicator) and this quarter's. Undefined when there is none (then time or target applies).
 */
export function milestoneAt(ind: Indicator, d: Dossier, p: ReportPeriod): Dec | undefined {
  const f = milestoneFraction(ind, d, p);
  return f === undefined ? undefined : f.n.dividedBy(f.d);
}

/** milestoneAt as a fraction: the milestone, or (3 × previous + (this − previous) × k) / 3. */
function milestoneFraction(ind: Indicator, d: Dossier, p: ReportPeriod): Fraction | undefined {
  const ms = ind.milestones;
  if (!ms || p.year !== d.year) return undefined;
  const m = ms[p.endQuarter];
  if (m === undefined) return undefined;
  if (p.month === undefined || p.month % 3 === 0) return { n: m, d: ONE };
  const qi = QUARTERS.indexOf(p.endQuarter);
  const prev = qi === 0 ? (ind.tracking === 'cumulative' ? ZERO : undefined) : ms[QUARTERS[qi - 1] as Quarter];
  if (prev === undefined) return undefined;
  const k = p.month - qi * 3; // 1 or 2 months into the quarter
  return { n: prev.times(3).plus(m.minus(prev).times(k)), d: THREE };
}

const THREE = new D(3);

export function indicatorVariance(d: Dossier, ind: Indicator, p: ReportPeriod, time: TimeFraction, obs: Observation | undefined, policy: Policy): ExactIndicator {
  const target = ind.target as Dec;
  const cumulative = ind.tracking === 'cumulative';
  const milestone = milestoneFraction(ind, d, p);
  // expected = n / d: the milestone, target × elapsed / months (cumulative), or the target.
  const exp: Fraction = milestone ?? (cumulative ? { n: target.times(time.elapsed), d: new D(time.months) } : { n: target, d: ONE });
  const expectedFrom: ExpectedBasis = milestone !== undefined ? 'milestone' : cumulative ? 'time' : 'target';
  const lower = ind.operator === '<=';
  const v: ExactIndicator = {
    code: ind.code,
    name: ind.name,
    operator: ind.operator as ExactIndicator['operator'],
    tracking: ind.tracking,
    target,
    expected: exp.n.dividedBy(exp.d),
    expectedFrom,
    actual: null,
    variance: null,
    ratio: null,
    status: null,
    projection: null,
    likelihood: null,
  };
  if (ind.unit !== undefined) v.unit = ind.unit;
  if (ind.informational) v.informational = true;
  if (!obs) return v;
  const actual = obs.value;
  v.actual = actual;
  v.variance = actual.times(exp.d).minus(exp.n).dividedBy(exp.d);
  // ratio = actual / expected = actual × d / n; for "<=": n / (d × actual). None when dividing by zero.
  v.ratio = lower ? div(exp.n, exp.d.times(actual)) : div(actual.times(exp.d), exp.n);
  const t = policy.monitoring.indicator;
  if (v.ratio === null) v.status = (lower ? exp.n : actual).greaterThan(0) ? 'ahead' : 'green';
  else v.status = v.ratio.lessThan(t.red) ? 'red' : v.ratio.lessThan(t.yellow) ? 'yellow' : v.ratio.greaterThanOrEqualTo(t.ahead) ? 'ahead' : 'green';
  // projection (docs/formats.md#variance-json) of a cumulative indicator = actual × target / expected, so
  // that a project on its milestones projects to its target: with a milestone (not zero) that is
  // actual × target × d / n; without one, expected = target × time progress and it reduces to
  // actual / time progress = actual × months / elapsed (also the fallback for a zero milestone).
  // A level indicator projects to its actual value.
  const proj: Fraction =
    cumulative && milestone !== undefined && !milestone.n.isZero()
      ? { n: actual.times(target).times(milestone.d), d: milestone.n }
      : cumulative && time.elapsed !== 0
        ? { n: actual.times(time.months), d: new D(time.elapsed) }
        : { n: actual, d: ONE };
  v.projection = proj.n.dividedBy(proj.d);
  const r = lower ? div(target.times(proj.d), proj.n) : div(proj.n, proj.d.times(target));
  v.likelihood = likelihoodOf(r, policy);
  if (obs.note !== undefined) v.note = obs.note;
  v.source = { file: obs.file, line: obs.line };
  return v;
}

/** 完成目标可能性: projection against target (inverted for "<="). */
export function likelihood(projection: Dec, target: Dec, lower: boolean, policy: Policy): Likelihood {
  return likelihoodOf(lower ? div(target, projection) : div(projection, target), policy);
}

/** The likelihood of a projection / target ratio (null: nothing to divide by, certain). */
function likelihoodOf(r: Dec | null, policy: Policy): Likelihood {
  if (r === null || r.greaterThanOrEqualTo(ONE)) return 'certain';
  return r.greaterThanOrEqualTo(policy.monitoring.likelihood.possible) ? 'possible' : 'unlikely';
}

/**
 * Goal progress (docs/formats.md#variance-json): mean over the cumulative indicators with a value of
 * min(actual / target, 1) × 100 (informational 其中 rows left out: their parent counts them); a
 * project without cumulative indicators uses its numeric level
 * indicators. "<=" indicators count target / actual. Null when no indicator has a value.
 */
export function goalProgress(all: readonly Indicator[], rows: readonly ExactIndicator[]): Dec | null {
  const numeric = all.filter((i) => i.operator !== 'qualitative' && i.target !== null && !i.informational);
  const hasCumulative = numeric.some((i) => i.tracking === 'cumulative');
  const used = rows.filter((r) => r.actual !== null && r.informational !== true && (hasCumulative ? r.tracking === 'cumulative' : true));
  if (used.length === 0) return null;
  let total = ZERO;
  for (const r of used) {
    const actual = r.actual as Dec;
    const part = r.operator === '<=' ? div(r.target, actual) : div(actual, r.target);
    total = total.plus(part === null ? ONE : min(part, ONE));
  }
  return total.dividedBy(used.length).times(HUNDRED);
}

/** What the worst status is read from: the statuses of a period (exact or rounded report). */
interface StatusView {
  budget: { status: Status | null };
  indicators: readonly { status: IndicatorStatus | null }[];
}

/** The most severe status of a report: for --fail-on. */
export function worstStatus(projects: Iterable<{ periods: readonly StatusView[] }>): Status | null {
  let worst: Status | null = null;
  for (const p of projects) for (const per of p.periods) worst = worse(worst, periodWorst(per));
  return worst;
}

function periodWorst(p: StatusView): Status | null {
  let w: Status | null = null;
  w = worse(w, p.budget.status);
  for (const i of p.indicators) if (i.status && i.status !== 'ahead') w = worse(w, i.status);
  return w;
}

const RANK: Record<Status, number> = { green: 0, yellow: 1, red: 2 };

export function worse(a: Status | null, b: Status | null): Status | null {
  if (a === null) return b;
  if (b === null) return a;
  return RANK[b] > RANK[a] ? b : a;
}

/** Whether a status is at or above a --fail-on level. */
export function atOrAbove(s: Status | null, level: 'red' | 'yellow'): boolean {
  return s !== null && RANK[s] >= RANK[level];
}
