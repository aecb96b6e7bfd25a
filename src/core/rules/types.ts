// The shape of a semantic rule: a small object with a stable id, a default severity and a check.
// Adding a rule is one file, one line in rules/index.ts, one fixture folder under
// test/fixtures/validate/<id>/.
import type { Args, Severity } from '../diagnostics.js';
import type { Dossier, Evaluation, StrategyPlan } from '../model/model.js';
import type { Policy } from '../model/policy.js';
import type { ScoringPolicyDoc } from '../model/schema-types.js';

/** What a rule reports: where (file + JSON pointer) and the message arguments. */
export interface Finding {
  file: string;
  path: string;
  args?: Args;
  /** Overrides the rule's default severity (e.g. a vague goal is a warning). */
  severity?: Severity;
  /** Overrides the rule's id for a rule that reports several related codes. */
  code?: string;
  /** Point at the mapping key rather than its value. */
  key?: boolean;
}

/** A ScoringPolicy document after it has been resolved against what it extends. */
export interface PolicyDocument {
  file: string;
  /** The document as written (grades in written order). */
  doc: ScoringPolicyDoc;
  /** The effective policy after `extends`. */
  policy: Policy;
}

export interface RuleContext {
  dossiers: readonly Dossier[];
  evaluations: readonly Evaluation[];
  strategies: readonly StrategyPlan[];
  policies: readonly PolicyDocument[];
  /** The policy that governs a dossier's weights (--policy, its evaluation's, else `self`). */
  policyFor(dossier: Dossier): Policy;
  /** The strategic objectives known in this run (from --strategy or StrategyPlans found). */
  objectiveIds: ReadonlySet<string> | undefined;
  dossierByCode: ReadonlyMap<string, Dossier>;
  /**
   * Project codes of dossiers in this run that failed their schema (so they are not in
   * dossierByCode): an evaluation of such a project is not "of an unknown project".
   */
  invalidDossierCodes?: ReadonlySet<string>;
}

interface RuleBase {
  /** Stable kebab-case id; also the diagnostic code unless a finding overrides it. */
  id: string;
  severity: Severity;
  /** Every code the rule can emit (for SARIF rule lists and the docs). */
  codes?: string[];
}

export interface DossierRule extends RuleBase {
  scope: 'dossier';
  check(dossier: Dossier, ctx: RuleContext): Finding[];
}
export interface EvaluationRule extends RuleBase {
  scope: 'evaluation';
  check(evaluation: Evaluation, ctx: RuleContext): Finding[];
}
export interface PolicyRule extends RuleBase {
  scope: 'policy';
  check(policy: PolicyDocument, ctx: RuleContext): Finding[];
}
export interface StrategyRule extends RuleBase {
  scope: 'strategy';
  check(plan: StrategyPlan, ctx: RuleContext): Finding[];
}
/** Rules across the whole run (uniqueness across a batch). */
export interface BatchRule extends RuleBase {
  scope: 'batch';
  check(ctx: RuleContext): Finding[];
}

export type Rule = DossierRule | EvaluationRule | PolicyRule | StrategyRule | BatchRule;
