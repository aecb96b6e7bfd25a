// Recheck (复核) of a submitted self-evaluation table (`claimed`): every printed number is set
// against the one the rules give. A difference above policy.recheck.tolerance is a discrepancy
// (FORMATS.md §5); a smaller non-zero one is a rounding finding, because a table that rounds one
// way here and another way there does not add up either (DOMAIN.md §4).
import { type Dec, ZERO, round, sum, text } from '../decimal.js';
import type { Claimed } from '../model/model.js';
import type { Policy } from '../model/policy.js';
import type { Discrepancy, ExecutionScore, IndicatorScore, ScoreFinding, SectionScore } from './types.js';

export type RecheckCode = 'claimed-rounding' | 'recommend-correct-table';
import type { Grade } from '../model/model.js';

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
  const tol = policy.recheck.tolerance;
  const out: Discrepancy[] = [];
  const findings: ScoreFinding<RecheckCode>[] = [];
  const compare = (item: string, claimed: Dec, computed: Dec | null) => {
    if (computed === null) return;
    const diff = claimed.minus(computed).abs();
    if (diff.greaterThan(tol)) out.push({ item, claimed, computed, reason: 'score' });
    else if (!diff.isZero()) findings.push({ code: 'claimed-rounding', severity: 'info', kind: 'data', args: { item, claimed: text(claimed), computed: text(computed) } });
  };

  if (c.execution !== undefined) {
    if (input.execution.executed === null && c.execution.greaterThan(0)) out.push({ item: 'execution', claimed: c.execution, computed: input.execution.score, reason: 'no-actual' });
    else compare('execution', c.execution, input.execution.score);
  }
  // In the table's (the dossier's) order; an unknown code is reported by validation (evaluation-refs).
  for (const ind of input.indicators) {
    const code = ind.code;
    const claimed = c.indicators[code];
    if (claimed === undefined) continue;
    if (ind.method === 'missing' && claimed.greaterThan(0)) {
      // Points (often full points) for an indicator whose actual value nobody reported.
      out.push({ item: `indicator:${code}`, claimed, computed: ind.score, reason: 'no-actual' });
    } else {
      compare(`indicator:${code}`, claimed, ind.score);
    }
  }
  const bySection = new Map(input.sections.map((s) => [s.section as string, s]));
  for (const [name, claimed] of Object.entries(c.sections)) compare(`section:${name}`, claimed, bySection.get(name)?.score ?? null);

  if (c.total !== undefined) {
    // The claimed total against the sum of the claimed parts, when the parts cover the table.
    const coversIndicators = input.indicators.length > 0 && input.indicators.every((i) => c.indicators[i.code] !== undefined);
    const coversExecution = c.execution !== undefined || input.execution.weight.isZero();
    // A table that prints only section subtotals is checked against those instead.
    const coversSections = input.sections.length > 0 && input.sections.every((s) => c.sections[s.section] !== undefined);
    let parts: Dec | undefined;
    if (coversIndicators && coversExecution) parts = sum([c.execution ?? ZERO, ...input.indicators.map((i) => c.indicators[i.code])]);
    else if (coversSections && coversExecution) parts = sum([c.execution ?? ZERO, ...input.sections.map((s) => c.sections[s.section])]);
    if (parts !== undefined && !round(parts, policy.decimals).equals(round(c.total, policy.decimals))) {
      out.push({ item: 'total-arithmetic', claimed: c.total, computed: parts, reason: 'arithmetic' });
    }
    if (input.total === null) out.push({ item: 'total', claimed: c.total, computed: null, reason: 'no-actual' });
    else compare('total', c.total, input.total);
  }
  if (c.grade !== undefined && c.grade !== input.grade) out.push({ item: 'grade', claimed: c.grade, computed: input.grade, reason: 'grade' });
  if (out.length) findings.push({ code: 'recommend-correct-table', severity: 'warning', kind: 'recommendation', args: { count: out.length } });
  return { discrepancies: out, findings };
}
