// The shape of a semantic rule: a small object with a stable id, a default severity and a check.
// Adding a rule is one file, one line in rules/index.ts, one fixture folder under
// test/fixtures/validate/<id>/.
import type { Args, Severity } from '../diagnostics.js';
import type { Dossier, Evaluation, StrategyPlan } from '../model/model.js';
import type { Policy } from '../model/policy.js';
import type { ScoringPolicyDoc } from '../model/schema-types.js';

/** What a rule reports: which of its codes, where (file + JSON pointer), the message arguments. */
export interface Finding<C extends string> {
  /** One of the codes the rule declares (the compiler rejects any other). */
  code: C;
  file: string;
  path: string;
  args?: Args;
  /** Overrides the rule's default severity (e.g. a vague goal is a warning). */
  severity?: Severity;
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

/**
 * A rule's codes are literal types: each rule file lists them once (`const CODES = [...] as
 * const`) and types itself with their union, e.g. `DossierRule<(typeof CODES)[number]>`, so that
 * its findings can carry no other code and the catalogs are checked against every code of the
 * registry (RuleCode in index.ts).
 */
interface RuleBase<C extends string> {
  /** Stable kebab-case name of the rule (its file name). */
  id: string;
  severity: Severity;
  /** Every code the rule can report (for SARIF rule lists, the docs and the catalogs). */
  codes: readonly C[];
}

export interface DossierRule<C extends string> extends RuleBase<C> {
  scope: 'dossier';
  check(dossier: Dossier, ctx: RuleContext): Finding<C>[];
}
export interface EvaluationRule<C extends string> extends RuleBase<C> {
  scope: 'evaluation';
  check(evaluation: Evaluation, ctx: RuleContext): Finding<C>[];
}
export interface PolicyRule<C extends string> extends RuleBase<C> {
  scope: 'policy';
  check(policy: PolicyDocument, ctx: RuleContext): Finding<C>[];
}
export interface StrategyRule<C extends string> extends RuleBase<C> {
  scope: 'strategy';
  check(plan: StrategyPlan, ctx: RuleContext): Finding<C>[];
}
/** Rules across the whole run (uniqueness across a batch). */
export interface BatchRule<C extends string> extends RuleBase<C> {
  scope: 'batch';
  check(ctx: RuleContext): Finding<C>[];
}

export type Rule<C extends string = string> = DossierRule<C> | EvaluationRule<C> | PolicyRule<C> | StrategyRule<C> | BatchRule<C>;
