// Budget execution (预算执行率, docs/scoring.md#budget-execution): rate = executed / budget in force;
// score = execution weight × min(rate, 1), rounded half-up once. The executed amount comes from
// the evaluation, else from the last cumulative spend in monitoring data (a warning when that
// data ends before the project period does). A rate below the
// policy's threshold needs a written reason; above the budget is a warning.
import { type Dec, HUNDRED, ONE, ZERO, min, round, text } from '../decimal.js';
import type { Dossier, Evaluation } from '../model/model.js';
import type { Policy } from '../model/policy.js';
import type { ExecutionScore, FindingSink } from './types.js';

export type ExecutionCode =
  | 'executed-from-monitoring'
  | 'executed-from-partial-data'
  | 'missing-executed'
  | 'missing-executed-zero'
  | 'execution-good'
  | 'execution-low'
  | 'execution-low-no-reason'
  | 'execution-over-budget'
  | 'recommend-explain-execution';

/** The last cumulative spend in monitoring data (default for evaluation.budget.executed). */
export interface MonitoringSpend {
  value: Dec;
  /** The period's label (2025-Q3). */
  period: string;
  /** The period's last day (ISO date). */
  end: string;
  note?: string;
}

export function scoreExecution(
  budget: Dec,
  d: Dossier,
  e: Evaluation | undefined,
  spend: MonitoringSpend | undefined,
  policy: Policy,
  allowMissing: boolean,
  findings: FindingSink<ExecutionCode>,
): ExecutionScore {
  const ex: ExecutionScore = { budget, initial: d.budget.initial, executed: null, source: null, rate: null, weight: policy.executionWeight, score: null };
  if (e?.executed !== undefined) {
    ex.executed = e.executed;
    ex.source = 'evaluation';
    ex.note = e.executedNote;
  } else if (spend) {
    ex.executed = spend.value;
    ex.source = 'monitoring';
    ex.note = e?.executedNote ?? spend.note;
    // Data that stops before the project period ends (Q3 of a calendar-year project) gives the
    // spend so far, not the year's executed amount: a warning that names the period.
    const partial = spend.end < d.period.end;
    const args = { executed: text(spend.value), period: spend.period, unit: d.budget.unit, end: d.period.end };
    if (e) findings.push(partial ? { code: 'executed-from-partial-data', severity: 'warning', kind: 'data', args } : { code: 'executed-from-monitoring', severity: 'info', kind: 'data', args });
  }
  if (ex.executed === null) {
    if (policy.executionWeight.isZero()) {
      ex.score = round(ZERO, policy.decimals);
    } else if (allowMissing && e) {
      ex.score = round(ZERO, policy.decimals);
      findings.push({ code: 'missing-executed-zero', severity: 'warning', kind: 'data', args: {} });
    } else if (e) {
      findings.push({ code: 'missing-executed', severity: 'error', kind: 'data', args: {} });
    }
    return ex;
  }
  const share = budget.isZero() ? ONE : ex.executed.dividedBy(budget);
  ex.rate = share.times(HUNDRED);
  ex.score = round(policy.executionWeight.times(min(share, ONE)), policy.decimals);
  const threshold = text(round(policy.executionReasonBelow.times(HUNDRED), 2));
  const args = { rate: text(round(ex.rate, 2)), executed: text(ex.executed), budget: text(budget), unit: d.budget.unit, score: text(ex.score), weight: text(policy.executionWeight), threshold };
  if (share.lessThan(policy.executionReasonBelow)) {
    if (ex.note) findings.push({ code: 'execution-low', severity: 'warning', kind: 'problem', args: Object.assign({}, args, { note: ex.note }) });
    else {
      findings.push({ code: 'execution-low-no-reason', severity: 'warning', kind: 'problem', args });
      findings.push({ code: 'recommend-explain-execution', severity: 'info', kind: 'recommendation', args });
    }
  } else if (share.greaterThan(ONE)) {
    findings.push({ code: 'execution-over-budget', severity: 'warning', kind: 'problem', args });
  } else {
    findings.push({ code: 'execution-good', severity: 'info', kind: 'achievement', args });
  }
  return ex;
}
