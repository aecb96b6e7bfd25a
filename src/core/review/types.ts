// Shapes of the goal-quality review (绩效目标审核, seed §三.1): a dossier is reviewed along five
// named dimensions; each produces a score out of its weight, the facts it measured, and findings
// that say what must change (`required`) or could be better (`suggestion`).
import type { Args } from '../diagnostics.js';
import type { Dec } from '../decimal.js';
import type { Dossier } from '../model/model.js';
import type { Policy } from '../model/policy.js';
import type { RuleCode } from '../rules/index.js';

export type DimensionName = 'completeness' | 'measurability' | 'relevance' | 'feasibility' | 'budget';
export const DIMENSIONS: readonly DimensionName[] = ['completeness', 'measurability', 'relevance', 'feasibility', 'budget'];

/** `required`: the bureau sends the dossier back; `suggestion`: advice that does not block. */
export type FindingLevel = 'required' | 'suggestion';

export interface ReviewFinding<C extends string = string> {
  /** One of the codes its dimension declares (the compiler rejects any other). */
  code: C;
  level: FindingLevel;
  /** The dimension that found it; `overall` for the total score below the bar. */
  dimension: DimensionName | 'overall';
  file: string;
  /** JSON pointer into the dossier. */
  path: string;
  args: Args;
  /** The validate rule code this finding replaces (same file, path and shared arguments). */
  covers?: RuleCode;
}

/** What a dimension measured: numbers as exact decimals until the command turns them into JSON. */
export type Facts = Record<string, unknown>;

export interface DimensionResult<C extends string = string> {
  name: DimensionName;
  /** Fraction of the dimension achieved, 0-1 (unrounded). */
  fraction: Dec;
  facts: Facts;
  findings: ReviewFinding<C>[];
}

export interface ReviewContext {
  policy: Policy;
  /** Every dossier of the run (peers for unit-cost comparison). */
  dossiers: readonly Dossier[];
  /** Strategic objective ids known in the run; undefined when no StrategyPlan was given. */
  objectiveIds: ReadonlySet<string> | undefined;
}

/**
 * A dimension lists its codes once (`const CODES = [...] as const`) and types itself with their
 * union, so that its findings can carry no other code and the catalogs are checked against every
 * code of the review (ReviewCode in index.ts).
 */
export interface Dimension<C extends string> {
  name: DimensionName;
  /** Every code the dimension can report. */
  codes: readonly C[];
  review(d: Dossier, ctx: ReviewContext): Omit<DimensionResult<C>, 'name'>;
}
