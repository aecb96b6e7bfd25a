// The registry of semantic rules run by `bpm validate` (and reused by review and score).
// Adding a rule: one file here, one line below, one fixture folder under
// test/fixtures/validate/<code>/ and its messages in src/i18n/catalog/validate.ts.
import type { Rule } from './types.js';
import { adjustedMilestones } from './adjusted-milestones.js';
import { adjustedWeights } from './adjusted-weights-sum.js';
import { adjustments } from './adjustments.js';
import { budgetSanity } from './budget-sanity.js';
import { budgetScheduleSum } from './budget-schedule-sum.js';
import { budgetSourcesSum } from './budget-sources-sum.js';
import { evaluationActuals } from './evaluation-actuals.js';
import { evaluationDuplicate } from './evaluation-duplicate.js';
import { evaluationFigures } from './evaluation-figures.js';
import { evaluationRefs } from './evaluation-refs.js';
import { formSections } from './form-sections.js';
import { indicatorCodeDuplicate } from './indicator-code-duplicate.js';
import { level2Known } from './level2-unknown.js';
import { milestones } from './milestones.js';
import { objectivesExist } from './unknown-objective.js';
import { periodDates } from './period-dates.js';
import { policyConsistency } from './policy-consistency.js';
import { projectCodeDuplicate } from './project-code-duplicate.js';
import { quartersInPeriod } from './quarters-in-period.js';
import { requiredLevels } from './required-levels.js';
import { strategyConsistency } from './strategy-consistency.js';
import { percentAsFraction } from './percent-as-fraction.js';
import { targetUnit } from './target-unit.js';
import { vague } from './vague.js';
import { weightsSum } from './weights-sum.js';

export const RULES = [
  // dossier
  indicatorCodeDuplicate,
  level2Known,
  targetUnit,
  percentAsFraction,
  weightsSum,
  formSections,
  budgetSourcesSum,
  budgetScheduleSum,
  budgetSanity,
  milestones,
  quartersInPeriod,
  requiredLevels,
  vague,
  objectivesExist,
  periodDates,
  adjustments,
  adjustedMilestones,
  adjustedWeights,
  // evaluation
  evaluationRefs,
  evaluationActuals,
  evaluationFigures,
  // policy, strategy
  policyConsistency,
  strategyConsistency,
  // across the batch
  projectCodeDuplicate,
  evaluationDuplicate,
] as const satisfies readonly Rule[];

/** Every code a rule of the registry can report. */
export type RuleCode = (typeof RULES)[number]['codes'][number];

export type { Rule, RuleContext, Finding, PolicyDocument } from './types.js';
