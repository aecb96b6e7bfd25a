// The fast engine of the monitoring report: the formulas of variance.ts (docs/formats.md#variance-json), term
// for term, in binary doubles that carry an error bound (src/core/monitoring/approx.ts). Each rounding and
// each threshold is decided only when the bound proves the exact value lies on the same side;
// when one cannot be proved (a value at a tie such as 0.125 → 0.13, a ratio right on a
// threshold, an input that no double stands for exactly) that indicator is computed again in
// exact decimals, or, for a budget or whole-period value, the whole period is answered
// `undefined` and computed in exact decimals. A million monitoring rows cost a few
// hundred milliseconds here instead of seconds of decimal divisions.
//
// Error bounds (abs.): a faithful input has none; x·y and x/y add |result|·U per operation
// plus the operands' relative errors; x ± y adds (|x| + |y|)·U.
import { compare, roundHalfUp, U } from './approx.js';
import type { Dec } from '../decimal.js';
import { inForce } from '../model/adjust.js';
import type { Dossier, Indicator } from '../model/model.js';
import { QUARTERS } from '../model/model.js';
import type { Observation, PeriodObservations } from './collector.js';
import { formatDate, monthIndex, type ReportPeriod } from '../model/periods.js';
import type { Policy } from '../model/policy.js';
import { flags, type FlagFacts, type FlagIndicator } from './flags.js';
import { indicatorRow, type BudgetRow, type IndicatorRow, type PeriodVariance } from './report.js';
import { indicatorFact, indicatorVariance, projectSpan, timeFraction, type BudgetInForce, type IndicatorStatus, type Likelihood, type TimeFraction } from './variance.js';

/** A decimal's double when it stands for the decimal exactly (NaN otherwise), and its text. */
interface Faithful {
  num: number;
  text: string;
}
const FAITHFUL = new WeakMap<Dec, Faithful>();

function faithful(x: Dec): Faithful {
  let f = FAITHFUL.get(x);
  if (f === undefined) {
    // The text once: the double is the one nearest to it, as toNumber() gives (but for the sign of zero).
    const text = x.toFixed();
    const num = Number(text);
    f = { num: String(num) !== text ? NaN : num === 0 ? x.toNumber() : num, text };
    FAITHFUL.set(x, f);
  }
  return f;
}

interface Thresholds {
  paceRed: number;
  paceYellow: number;
  red: number;
  yellow: number;
  ahead: number;
  dualGap: number;
  possible: number;
}
const THRESHOLDS = new WeakMap<Policy, Thresholds | null>();

/** The policy's monitoring thresholds as doubles; null when one is not a faithful double. */
function thresholds(policy: Policy): Thresholds | null {
  let t = THRESHOLDS.get(policy);
  if (t === undefined) {
    const m = policy.monitoring;
    const all = [m.pace.red, m.pace.yellow, m.indicator.red, m.indicator.yellow, m.indicator.ahead, m.dualGap, m.likelihood.possible].map((x) => faithful(x).num);
    t = all.some(Number.isNaN) ? null : { paceRed: all[0], paceYellow: all[1], red: all[2], yellow: all[3], ahead: all[4], dualGap: all[5], possible: all[6] };
    THRESHOLDS.set(policy, t);
  }
  return t;
}

/** Thrown inside the engine when a value cannot be proved: the period is computed exactly. */
class Unsure {}
const UNSURE = new Unsure();

function round(x: number, err: number, places: number): number {
  const r = roundHalfUp(x, err, places);
  if (Number.isNaN(r)) throw UNSURE;
  return r;
}

/** Sign of exact(x) − t (0 only for exactly equal inputs). */
function sign(x: number, err: number, t: number): number {
  const c = compare(x, err, t);
  if (Number.isNaN(c)) throw UNSURE;
  return c;
}

function input(x: Dec): number {
  const n = faithful(x).num;
  if (Number.isNaN(n)) throw UNSURE;
  return n;
}

function value(o: Observation): number {
  if (!o.faithful) throw UNSURE;
  return o.num;
}

/**
 * The period of variance.ts's periodVariance, or undefined when it must be computed exactly.
 * `budgetOnly`: the budget row alone is computed (see ReportOptions.detail).
 */
export function fastPeriod(d: Dossier, obs: PeriodObservations, policy: Policy, budgetOnly = false): PeriodVariance | undefined {
  const t = thresholds(policy);
  if (t === null) return undefined;
  try {
    return compute(d, obs, policy, t, budgetOnly);
  } catch (e) {
    if (e === UNSURE) return undefined;
    throw e;
  }
}

function compute(d: Dossier, obs: PeriodObservations, policy: Policy, t: Thresholds, budgetOnly: boolean): PeriodVariance {
  const n = policy.decimals;
  const p = obs.period;
  const end = formatDate(p.end);
  const force = inForce(d, end);
  // Time progress = elapsed / months (1 / 1 for an empty period), exactly a ratio of integers.
  const time = timeFraction(d, p);
  const tp = time.elapsed / time.months;
  const tpZero = time.elapsed === 0;
  const T = input(force.budgetTotal);

  // Budget.
  const planned = plannedSpend(d, force, T, p, time);
  const P = planned.value;
  const eP = planned.err;
  const spend = obs.spend;
  const budget: BudgetRow = {
    total: T,
    planned: round(P, eP, n),
    actual: null,
    variance: null,
    variancePct: null,
    executionRate: null,
    pace: null,
    status: null,
    plannedFrom: planned.from,
  };
  let E: number | null = null;
  let eE = 0;
  let pace: number | null = null;
  let ePace = 0;
  let A: number | null = null;
  if (spend) {
    A = value(spend);
    budget.actual = A;
    const V = A - P;
    const eV = eP + (Math.abs(A) + Math.abs(P)) * U;
    budget.variance = round(V, eV, n);
    if (!(P === 0 && eP === 0)) {
      if (Math.abs(P) <= eP) throw UNSURE;
      const vp = (V / P) * 100;
      budget.variancePct = round(vp, ((eV + Math.abs(V / P) * eP) / Math.abs(P)) * 100 + Math.abs(vp) * 2 * U, n);
    }
    if (T !== 0) {
      E = (A / T) * 100;
      eE = Math.abs(E) * 2 * U;
      budget.executionRate = round(E, eE, n);
      if (!tpZero) {
        pace = E / (tp * 100);
        ePace = Math.abs(pace) * 5 * U;
        budget.pace = round(pace, ePace, n);
        budget.status = sign(pace, ePace, t.paceRed) < 0 ? 'red' : sign(pace, ePace, t.paceYellow) < 0 ? 'yellow' : 'green';
      }
    }
    if (spend.note !== undefined) budget.note = spend.note;
  }

  // Indicators, and goal progress from the same values.
  const indicators: IndicatorRow[] = [];
  const facts: FlagIndicator[] = [];
  const numeric: Indicator[] = [];
  let hasCumulative = false;
  // (not a loop over `budgetOnly ? [] : …`: an empty literal is an array of another shape, and
  // the optimised loop would be thrown away the first time it meets the other one)
  if (!budgetOnly) {
    for (const ind of force.indicators) {
      if (ind.operator === 'qualitative' || ind.target === null) continue;
      numeric.push(ind);
      if (ind.tracking === 'cumulative' && !ind.informational) hasCumulative = true;
    }
  }
  let partSum = 0;
  let partAbs = 0;
  let used = 0;
  for (const ind of numeric) {
    const o = obs.indicators.get(ind.code);
    let done: { row: IndicatorRow; fact: FlagIndicator };
    try {
      done = fastIndicator(d, ind, p, o, time, n, t);
    } catch (e) {
      if (e !== UNSURE) throw e;
      // This indicator sits on a tie or a threshold: it alone is computed in decimals.
      const exact = indicatorVariance(d, ind, p, time, o, policy);
      done = { row: indicatorRow(exact, n), fact: indicatorFact(exact) };
    }
    indicators.push(done.row);
    facts.push(done.fact);
    if (o && !ind.informational && (hasCumulative ? ind.tracking === 'cumulative' : true)) {
      // Goal progress: min(actual / target, 1) (target / actual for "<="), 1 when dividing by
      // zero. A mean of minima decides nothing: its error bound is all it needs.
      const G = input(ind.target as Dec);
      const a = value(o);
      const lower = ind.operator === '<=';
      const pn = lower ? G : a;
      const pd = lower ? a : G;
      const part = pd === 0 ? 1 : Math.min(pn / pd, 1);
      partSum += part;
      partAbs += Math.abs(part);
      used++;
    }
  }
  let goal: number | null = null;
  let eGoal = 0;
  if (used > 0) {
    goal = (partSum / used) * 100;
    eGoal = partAbs * (used + 4) * U * (100 / used);
  }

  // Dual monitoring and earned value.
  let gapFact: FlagFacts['gap'] = null;
  let dualGap: number | null = null;
  if (E !== null && goal !== null) {
    const gap = E - goal;
    const eGap = eE + eGoal + (Math.abs(E) + Math.abs(goal)) * U;
    dualGap = round(gap, eGap, n);
    if (sign(Math.abs(gap), eGap, t.dualGap) > 0) {
      gapFact = { positive: sign(gap, eGap, 0) >= 0, executionRate: round(E, eE, 2), goalProgress: round(goal, eGoal, 2), gap: round(Math.abs(gap), eGap, 2) };
    }
  }
  let ev: number | null = null;
  let eEv = 0;
  if (goal !== null) {
    ev = (T * goal) / 100;
    eEv = (Math.abs(T) * eGoal) / 100 + Math.abs(ev) * 2 * U;
  }
  let cpi: number | null = null;
  let eCpi = 0;
  let spi: number | null = null;
  let eSpi = 0;
  let eac: number | null = null;
  let eEac = 0;
  if (ev !== null && A !== null && A !== 0) {
    cpi = ev / A;
    eCpi = eEv / Math.abs(A) + Math.abs(cpi) * 2 * U;
  }
  if (ev !== null && !(P === 0 && eP === 0)) {
    if (Math.abs(P) <= eP) throw UNSURE;
    spi = ev / P;
    eSpi = (eEv + Math.abs(spi) * eP) / Math.abs(P) + Math.abs(spi) * 2 * U;
  }
  if (cpi !== null && !(cpi === 0 && eCpi === 0)) {
    if (Math.abs(cpi) <= eCpi) throw UNSURE;
    eac = T / cpi;
    eEac = Math.abs(eac) * (eCpi / Math.abs(cpi) + 2 * U);
  }

  const result: PeriodVariance = {
    period: p.label,
    end,
    timeProgress: round(tp, tp * U, n + 2),
    budget,
    indicators,
    goalProgress: goal === null ? null : round(goal, eGoal, n),
    dualGap,
    earnedValue: {
      bac: T,
      pv: budget.planned,
      ev: ev === null ? null : round(ev, eEv, n),
      ac: A,
      cpi: cpi === null ? null : round(cpi, eCpi, n),
      spi: spi === null ? null : round(spi, eSpi, n),
      eac: eac === null ? null : round(eac, eEac, n),
    },
    adjustments: force.applied,
    flags: [],
  };
  if (budgetOnly) return result;
  result.flags = flags(
    {
      period: p.label,
      budget: {
        missing: A === null,
        status: budget.status,
        ...(budget.note !== undefined ? { note: budget.note } : {}),
        pace: pace === null ? null : round(pace, ePace, 2),
        executionRate: E === null ? null : round(E, eE, 2),
        timeProgress: round(tp * 100, tp * 100 * 2 * U, 2),
      },
      gap: gapFact,
      indicators: facts,
    },
    policy,
  );
  return result;
}

/** One indicator's row and flag facts in doubles; throws UNSURE when it cannot be proved. */
function fastIndicator(d: Dossier, ind: Indicator, p: ReportPeriod, o: Observation | undefined, time: TimeFraction, n: number, t: Thresholds): { row: IndicatorRow; fact: FlagIndicator } {
  const { elapsed, months } = time;
  const target = faithful(ind.target as Dec);
  const G = target.num;
  if (Number.isNaN(G)) throw UNSURE;
  const cumulative = ind.tracking === 'cumulative';
  const lower = ind.operator === '<=';
  let X: number;
  let eX = 0;
  let expectedFrom: IndicatorRow['expectedFrom'];
  const ms = milestoneAt(ind, d, p);
  if (ms !== undefined) {
    X = ms.value;
    eX = ms.err;
    expectedFrom = 'milestone';
  } else if (cumulative) {
    X = (G * elapsed) / months;
    eX = Math.abs(X) * 3 * U;
    expectedFrom = 'time';
  } else {
    X = G;
    expectedFrom = 'target';
  }
  const row: IndicatorRow = {
    code: ind.code,
    name: ind.name,
    operator: ind.operator as IndicatorRow['operator'],
    tracking: ind.tracking,
    target: G,
    expected: round(X, eX, n),
    expectedFrom,
    actual: null,
    variance: null,
    ratio: null,
    status: null,
    projection: null,
    likelihood: null,
  };
  if (ind.unit !== undefined) row.unit = ind.unit;
  if (ind.informational) row.informational = true;
  const fact: FlagIndicator = { code: ind.code, name: ind.name, missing: true, status: null, likelihood: null, explained: false, ratio: null, projection: null, target: target.text };
  if (ind.unit !== undefined) fact.unit = ind.unit;
  if (!o) return { row, fact };
  const a = value(o);
  row.actual = a;
  row.variance = round(a - X, eX + (Math.abs(a) + Math.abs(X)) * U, n);
  // ratio = actual / expected (expected / actual for "<="); none when dividing by zero.
  const num = lower ? X : a;
  const eNum = lower ? eX : 0;
  const den = lower ? a : X;
  const eDen = lower ? 0 : eX;
  let status: IndicatorStatus;
  let ratioPct: number | null = null;
  if (den === 0 && eDen === 0) {
    row.ratio = null;
    status = sign(num, eNum, 0) > 0 ? 'ahead' : 'green';
  } else {
    if (Math.abs(den) <= eDen) throw UNSURE;
    const q = num / den;
    const eq = Math.abs(q) * (eNum / Math.abs(num || 1) + eDen / Math.abs(den) + 2 * U) + (num === 0 ? eNum / Math.abs(den) : 0);
    row.ratio = round(q, eq, n);
    ratioPct = round(q * 100, eq * 100 + Math.abs(q) * 100 * U, 2);
    status = sign(q, eq, t.red) < 0 ? 'red' : sign(q, eq, t.yellow) < 0 ? 'yellow' : sign(q, eq, t.ahead) >= 0 ? 'ahead' : 'green';
  }
  row.status = status;
  // Projection: actual × target / milestone for a cumulative indicator with a milestone other
  // than zero; actual / time progress for one without; else the actual value.
  let proj = a;
  let eProj = 0;
  if (cumulative && expectedFrom === 'milestone' && !(X === 0 && eX === 0)) {
    if (Math.abs(X) <= eX) throw UNSURE;
    proj = (a * G) / X;
    eProj = Math.abs(proj) * (eX / Math.abs(X) + 3 * U);
  } else if (cumulative && elapsed !== 0) {
    proj = (a * months) / elapsed;
    eProj = Math.abs(proj) * 3 * U;
  }
  row.projection = round(proj, eProj, n);
  row.likelihood = likelihood(proj, eProj, G, lower, t.possible);
  if (o.note !== undefined) row.note = o.note;
  fact.missing = false;
  fact.status = status;
  fact.likelihood = row.likelihood;
  fact.explained = o.note !== undefined;
  fact.ratio = ratioPct;
  fact.projection = round(proj, eProj, 2);
  return { row, fact };
}

/** 完成目标可能性: projection against target (inverted for "<="); `certain` when it cannot be divided. */
function likelihood(proj: number, eProj: number, G: number, lower: boolean, possible: number): Likelihood {
  const [num, eNum, den, eDen] = lower ? [G, 0, proj, eProj] : [proj, eProj, G, 0];
  if (den === 0 && eDen === 0) return 'certain';
  if (Math.abs(den) <= eDen) throw UNSURE;
  const r = num / den;
  const er = Math.abs(r) * (eNum / Math.abs(num || 1) + eDen / Math.abs(den) + 2 * U) + (num === 0 ? eNum / Math.abs(den) : 0);
  if (sign(r, er, 1) >= 0) return 'certain';
  return sign(r, er, possible) >= 0 ? 'possible' : 'unlikely';
}

/** variance.ts's plannedSpend in doubles, with its error bound. */
function plannedSpend(d: Dossier, force: BudgetInForce, T: number, p: ReportPeriod, time: TimeFraction): { value: number; err: number; from: BudgetRow['plannedFrom'] } {
  const schedule = force.schedule;
  const sp = projectSpan(d);
  if (!schedule || Object.keys(schedule).length === 0) {
    const value = (T * time.elapsed) / time.months;
    return { value, err: Math.abs(value) * 3 * U, from: 'even' };
  }
  let value = 0;
  let abs = 0;
  const at = monthIndex(p.end);
  for (let qi = 0; qi < QUARTERS.length; qi++) {
    const amount = schedule[QUARTERS[qi]];
    if (amount === undefined) continue;
    const a = input(amount);
    const from = Math.max(monthIndex({ y: d.year, m: qi * 3 + 1, d: 1 }), monthIndex(sp.start));
    const qEnd = monthIndex({ y: d.year, m: qi * 3 + 3, d: 1 });
    const to = Math.min(qEnd, monthIndex(sp.end));
    const inside = to - from + 1;
    let term = 0;
    if (inside <= 0) {
      if (qEnd <= at) term = a;
    } else {
      const done = Math.min(inside, Math.max(0, at - from + 1));
      term = (a * done) / inside;
    }
    value += term;
    abs += Math.abs(term);
  }
  const err = abs * 6 * U;
  // A schedule written for another total is scaled to the total in force: × T / S.
  if (force.scheduleTotal !== force.budgetTotal && !force.scheduleTotal.equals(force.budgetTotal) && !force.scheduleTotal.isZero()) {
    const S = input(force.scheduleTotal);
    const scaled = (value * T) / S;
    return { value: scaled, err: (err * Math.abs(T)) / Math.abs(S) + Math.abs(scaled) * 3 * U, from: 'schedule' };
  }
  return { value, err, from: 'schedule' };
}

/** variance.ts's milestoneAt in doubles: a quarter's milestone, or linear inside the quarter. */
function milestoneAt(ind: Indicator, d: Dossier, p: ReportPeriod): { value: number; err: number } | undefined {
  const ms = ind.milestones;
  if (!ms || p.year !== d.year) return undefined;
  const m = ms[p.endQuarter];
  if (m === undefined) return undefined;
  if (p.month === undefined || p.month % 3 === 0) return { value: input(m), err: 0 };
  const qi = QUARTERS.indexOf(p.endQuarter);
  const prevDec = qi === 0 ? undefined : ms[QUARTERS[qi - 1]];
  if (qi !== 0 && prevDec === undefined) return undefined;
  if (qi === 0 && ind.tracking !== 'cumulative') return undefined;
  const prev = prevDec === undefined ? 0 : input(prevDec);
  const mv = input(m);
  const k = p.month - qi * 3;
  const value = prev + ((mv - prev) * k) / 3;
  return { value, err: (Math.abs(mv) + 2 * Math.abs(prev) + Math.abs(value)) * 4 * U };
}

