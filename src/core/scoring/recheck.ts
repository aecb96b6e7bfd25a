// Recheck (复核) of a submitted self-evaluation table (`claimed`): every printed number is set
// against the one the rules give (docs/scoring.md#recheck-of-a-submitted-table).
//   A claimed score differs when |claimed − computed| > min(tolerance, relativeTolerance × the
//   item's weight): on a 2-point row, 1.9 claimed for 1.69 computed is not rounding. The total
//   weighs 100, the execution score execution.weight, a section its weight.
//   Full marks claimed for an item the rules score below its weight is always a discrepancy
//   (`full-marks-missed-target`), whatever the tolerance.
//   The printed budget row (claimed.budget) is checked against the dossier and the evaluation:
//   amounts exactly, the execution rate in percentage points with the tolerance rule above
//   (weight 100); a difference is a discrepancy with reason `figure`.
// A smaller non-zero difference is an info finding: `claimed-rounding` when the claimed number
// is the computed one rounded to the claimed number's own decimals (a table that rounds one way
// here and another way there does not add up either), else
// `claimed-within-tolerance`.
import { D, type Dec, HUNDRED, ZERO, min, round, sum, text } from '../decimal.js';
import type { Claimed } from '../model/model.js';
import type { Policy } from '../model/policy.js';
import type { Discrepancy, ExecutionScore, IndicatorScore, ScoreFinding, SectionScore } from './types.js';
import type { Grade } from '../model/model.js';

export type RecheckCode = 'claimed-rounding' | 'claimed-within-tolerance' | 'recommend-correct-table';

const TEN = new D(10);

export interface RecheckInput {
  claimed: Claimed;
  execution: ExecutionScore;
  indicators: IndicatorScore[];
  sections: SectionScore[];
  total: Dec | null;
  grade: Grade | null;
  policy: Policy;
}

export function recheck(input: RecheckInput): { discrepancies: Discrepancy[]; findings: ScoreFinding<RecheckCode>[] } {
  const { claimed: c, policy } = input;
  const out: Discrepancy[] = [];
  const findings: ScoreFinding<RecheckCode>[] = [];
  /** The tolerance of an item of `weight` points. */
  const tolerance = (weight: Dec) => min(policy.recheck.tolerance, policy.recheck.relativeTolerance.times(weight));
  /** A difference within the tolerance: rounding, or a small difference worth a word. */
  const small = (item: string, claimed: Dec, computed: Dec, tol: Dec) => {
    const diff = claimed.minus(computed).abs();
    if (diff.isZero()) return;
    // One unit of the claimed number's last decimal (at most the policy's decimals): a claimed
    // 14.8 for 14.76, or 9.37 for 9.375 (shown 9.38), is the same value rounded another way.
    const unit = TEN.pow(-Math.min(claimed.decimalPlaces(), policy.decimals));
    const args = { item, claimed: text(claimed), computed: text(computed), difference: text(diff), tolerance: text(tol) };
    if (diff.lessThanOrEqualTo(unit)) findings.push({ code: 'claimed-rounding', severity: 'info', kind: 'data', args });
    else findings.push({ code: 'claimed-within-tolerance', severity: 'info', kind: 'data', args });
  };
  /** A claimed score against the computed one, for an item of `weight` points. */
  const compare = (item: string, claimed: Dec, computed: Dec | null, weight: Dec) => {
    if (computed === null) return;
    const tol = tolerance(weight);
    if (weight.greaterThan(0) && claimed.equals(weight) && computed.lessThan(weight)) out.push({ item, claimed, computed, reason: 'full-marks-missed-target' });
    else if (claimed.minus(computed).abs().greaterThan(tol)) out.push({ item, claimed, computed, reason: 'score' });
    else small(item, claimed, computed, tol);
  };

  if (c.budget) checkBudget(c.budget, input.execution, tolerance(HUNDRED), out, small);
  if (c.execution !== undefined) {
    if (input.execution.executed === null && c.execution.greaterThan(0)) out.push({ item: 'execution', claimed: c.execution, computed: input.execution.score, reason: 'no-actual' });
    else compare('execution', c.execution, input.execution.score, input.execution.weight);
  }
  // In the table's (the dossier's) order; an unknown code is reported by validation (evaluation-refs).
  // An informational row (其中…) is never scored: a score printed for it is not checked.
  const scored = input.indicators.filter((i) => !i.informational);
  for (const ind of scored) {
    const code = ind.code;
    const claimed = c.indicators[code];
    if (claimed === undefined) continue;
    if (ind.method === 'missing' && claimed.greaterThan(0)) {
      // Points (often full points) for an indicator whose actual value nobody reported.
      out.push({ item: `indicator:${code}`, claimed, computed: ind.score, reason: 'no-actual' });
    } else {
      compare(`indicator:${code}`, claimed, ind.score, ind.weight);
    }
  }
  const bySection = new Map(input.sections.map((s) => [s.section as string, s]));
  for (const [name, claimed] of Object.entries(c.sections)) {
    const s = bySection.get(name);
    compare(`section:${name}`, claimed, s?.score ?? null, s?.weight ?? ZERO);
  }

  if (c.total !== undefined) {
    // The claimed total against the sum of the claimed parts, when the parts cover the table.
    const coversIndicators = scored.length > 0 && scored.every((i) => c.indicators[i.code] !== undefined);
    const coversExecution = c.execution !== undefined || input.execution.weight.isZero();
    // A table that prints only section subtotals is checked against those instead.
    const coversSections = input.sections.length > 0 && input.sections.every((s) => c.sections[s.section] !== undefined);
    let parts: Dec | undefined;
    if (coversIndicators && coversExecution) parts = sum([c.execution ?? ZERO, ...scored.map((i) => c.indicators[i.code])]);
    else if (coversSections && coversExecution) parts = sum([c.execution ?? ZERO, ...input.sections.map((s) => c.sections[s.section])]);
    if (parts !== undefined && !round(parts, policy.decimals).equals(round(c.total, policy.decimals))) {
      out.push({ item: 'total-arithmetic', claimed: c.total, computed: parts, reason: 'arithmetic' });
    }
    if (input.total === null) out.push({ item: 'total', claimed: c.total, computed: null, reason: 'no-actual' });
    else compare('total', c.total, input.total, HUNDRED);
  }
  if (c.grade !== undefined && c.grade !== input.grade) out.push({ item: 'grade', claimed: c.grade, computed: input.grade, reason: 'grade' });
  if (out.length) findings.push({ code: 'recommend-correct-table', severity: 'warning', kind: 'recommendation', args: { count: out.length } });
  return { discrepancies: out, findings };
}

/**
 * The printed budget row: 年初预算数 against the dossier's initial budget, 全年预算数 against the
 * budget in force, 全年执行数 against the executed amount used (all exactly), 执行率 against the
 * computed rate (percentage points, within the tolerance of a 100-point item).
 */
function checkBudget(
  b: NonNullable<Claimed['budget']>,
  e: ExecutionScore,
  tol: Dec,
  out: Discrepancy[],
  small: (item: string, claimed: Dec, computed: Dec, tol: Dec) => void,
): void {
  const exact = (item: string, claimed: Dec | undefined, computed: Dec | null) => {
    if (claimed !== undefined && computed !== null && !claimed.equals(computed)) out.push({ item, claimed, computed, reason: 'figure' });
  };
  exact('budget:initial', b.initial, e.initial);
  exact('budget:total', b.total, e.budget);
  exact('budget:executed', b.executed, e.executed);
  if (b.rate !== undefined && e.rate !== null) {
    // The computed rate is exact (96.333…); it is reported to 2 places, as every rate.
    const computed = round(e.rate, 2);
    if (b.rate.minus(e.rate).abs().greaterThan(tol)) out.push({ item: 'budget:rate', claimed: b.rate, computed, reason: 'figure' });
    else small('budget:rate', b.rate, computed, tol);
  }
}
