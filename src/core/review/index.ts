// The goal-quality review of a dossier (绩效目标审核): the five dimensions, listed here, each
// scored out of its policy weight; the total out of 100; the verdict. Pure: the command adds
// positions, validation results and wording.
import { D, round, sum, text, type Dec } from '../decimal.js';
import type { Diagnostic } from '../diagnostics.js';
import type { Dossier } from '../model/model.js';
import { budget } from './budget.js';
import { completeness } from './completeness.js';
import { feasibility } from './feasibility.js';
import { measurability } from './measurability.js';
import { relevance } from './relevance.js';
import type { Dimension, DimensionName, Facts, ReviewContext, ReviewFinding } from './types.js';

const REVIEW_DIMENSIONS = [completeness, measurability, relevance, feasibility, budget] as const satisfies readonly Dimension<string>[];

/** Every code a review can report: its dimensions' and the total below the pass mark. */
export type ReviewCode = (typeof REVIEW_DIMENSIONS)[number]['codes'][number] | 'review-score-low';

export type Verdict = 'pass' | 'revise';

export interface DimensionScore {
  score: Dec;
  weight: Dec;
  facts: Facts;
}

export interface DossierReview {
  score: Dec;
  minScore: Dec;
  dimensions: Record<DimensionName, DimensionScore>;
  /** Every finding, required ones first, then by dimension order. */
  findings: ReviewFinding<ReviewCode>[];
}

export interface ReviewOptions {
  /** --min-score: overrides the policy's review.minScore. */
  minScore?: Dec;
}

/**
 * Reviews one dossier. Dimension score = weight × fraction, rounded half-up to the policy's
 * decimals; the total is the sum of the rounded dimension scores, scaled to 100 when a policy's
 * dimension weights do not add up to 100. A total below the minimum score is itself a required
 * change (`review-score-low`).
 */
export function reviewDossier(d: Dossier, ctx: ReviewContext, opts: ReviewOptions = {}): DossierReview {
  const p = ctx.policy;
  const dimensions = {} as Record<DimensionName, DimensionScore>;
  const findings: ReviewFinding<ReviewCode>[] = [];
  for (const dim of REVIEW_DIMENSIONS) {
    const r = dim.review(d, ctx);
    const weight = p.review.weights[dim.name] ?? new D(0);
    const fraction = D.min(1, D.max(0, r.fraction));
    dimensions[dim.name] = { score: round(weight.times(fraction), p.decimals), weight, facts: r.facts };
    findings.push(...r.findings);
  }
  const weights = sum(Object.values(dimensions).map((x) => x.weight));
  const raw = sum(Object.values(dimensions).map((x) => x.score));
  const score = weights.equals(100) || weights.isZero() ? raw : round(raw.times(100).dividedBy(weights), p.decimals);
  const minScore = opts.minScore ?? p.review.minScore;
  if (score.lessThan(minScore)) {
    findings.push({ code: 'review-score-low', level: 'required', dimension: 'overall', file: d.origin.file, path: '', args: { score: text(score), minimum: text(minScore) } });
  }
  const order = (f: ReviewFinding) => (f.level === 'required' ? 0 : 1);
  findings.sort((a, b) => order(a) - order(b));
  return { score, minScore, dimensions, findings };
}

/** `revise` when any required change exists (review findings or validation errors), else `pass`. */
export function verdictOf(diagnostics: readonly Pick<Diagnostic, 'severity'>[]): Verdict {
  return diagnostics.some((x) => x.severity === 'error') ? 'revise' : 'pass';
}

/**
 * Whether a review finding replaces a validate diagnostic: same file and path, the finding
 * `covers` the diagnostic's code, and every argument both have is equal.
 */
export function coversDiagnostic(f: ReviewFinding, v: Diagnostic): boolean {
  if (f.covers !== v.code || f.file !== v.file || f.path !== (v.path ?? '')) return false;
  for (const [k, val] of Object.entries(v.args ?? {})) if (k in f.args && f.args[k] !== val) return false;
  return true;
}

/** The most common problems across a batch: how many dossiers show each code, then how often. */
export function commonProblems(perDossier: readonly (readonly { code: string }[])[]): { code: string; count: number; dossiers: number }[] {
  const count = new Map<string, number>();
  const dossiers = new Map<string, number>();
  for (const list of perDossier) {
    const seen = new Set<string>();
    for (const { code } of list) {
      count.set(code, (count.get(code) ?? 0) + 1);
      if (!seen.has(code)) dossiers.set(code, (dossiers.get(code) ?? 0) + 1);
      seen.add(code);
    }
  }
  return [...count.entries()]
    .map(([code, n]) => ({ code, count: n, dossiers: dossiers.get(code) ?? 0 }))
    .sort((a, b) => b.dossiers - a.dossiers || b.count - a.count || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

export type { Dimension, DimensionName, ReviewContext, ReviewFinding, FindingLevel } from './types.js';
export { DIMENSIONS } from './types.js';
