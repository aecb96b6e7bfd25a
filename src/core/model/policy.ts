// Scoring policies (评分规则): the built-in `self` (单位自评, 财预〔2020〕10号) and `key` (重点评价)
// and the merge of ScoringPolicy files over them. Every number a bureau may set differently
// lives here and nowhere else.
import { D, type Dec } from '../decimal.js';
import type { Grade, Level1, QualLevel, Role } from './model.js';

export interface Band {
  /** Fractions of the indicator's weight: [lower (included), upper (excluded except 1.0)]. */
  band: [Dec, Dec];
  default: Dec;
}

export interface ReviewThresholds {
  /** Minimum review score for `pass`. */
  minScore: Dec;
  /** Minimum share of quantitative indicators (0-1). */
  minQuantitativeShare: Dec;
  /** A target more than this multiple of its baseline is flagged unrealistic. */
  maxTargetToBaseline: Dec;
  /** A unit cost outside median × [1/f, f] of its category is an outlier. */
  unitCostFactor: Dec;
  /** Unit-cost target × output target off the budget total by more than this factor is inconsistent. */
  costBudgetFactor: Dec;
  /** A quarter planned to spend more than this share of the budget (Q1: front-, Q4: back-loaded). */
  maxQuarterShare: Dec;
  /** Level-1 sections every dossier must cover. */
  requiredSections: Level1[];
  /** Dimension weights (points out of 100). */
  weights: Record<string, Dec>;
}

export interface Policy {
  name: string;
  /** Names of the built-in/file policies this one extends, outermost first. */
  lineage: string[];
  sections: Partial<Record<Level1, Dec>>;
  executionWeight: Dec;
  /** An execution rate (0-1) below this needs a written reason (several provinces: 90%). */
  executionReasonBelow: Dec;
  /** Sorted by `min` descending. */
  grades: { min: Dec; grade: Grade }[];
  reverse: 'ratio' | 'linear';
  qualitative: Record<QualLevel, Band>;
  overAchievement: Dec;
  panel: { method: 'trimmed-mean' | 'mean' | 'median'; minRaters: number; spread: Dec };
  assessorWeights: Partial<Record<Role, Dec>>;
  decimals: number;
  /**
   * A claimed score differs when |claimed − computed| > min(tolerance, relativeTolerance × the
   * item's weight) (the total weighs 100, the execution rate 100 percentage points).
   */
  recheck: { tolerance: Dec; relativeTolerance: Dec };
  application: Record<Grade, { adjustPct: Dec; action: string; actionEn?: string }>;
  monitoring: {
    pace: { red: Dec; yellow: Dec };
    indicator: { red: Dec; yellow: Dec; ahead: Dec };
    dualGap: Dec;
    likelihood: { possible: Dec };
  };
  review: ReviewThresholds;
}

const d = (x: number | string) => new D(x);

/**
 * An executed amount or a cumulative spend this many times the budget in force or more is a unit
 * slip (元 written for 万元): `executed-scale` (docs/scoring.md#budget-execution). A fixed rule of the contract,
 * not a bureau's setting.
 */
export const EXECUTED_SCALE = 10;

function selfPolicy(): Policy {
  return {
    name: 'self',
    lineage: ['self'],
    sections: { output: d(50), effect: d(30), satisfaction: d(10) },
    executionWeight: d(10),
    executionReasonBelow: d(0.9),
    grades: [
      { min: d(90), grade: 'excellent' },
      { min: d(80), grade: 'good' },
      { min: d(60), grade: 'fair' },
      { min: d(0), grade: 'poor' },
    ],
    reverse: 'ratio',
    qualitative: {
      achieved: { band: [d(0.8), d(1)], default: d(1) },
      partial: { band: [d(0.6), d(0.8)], default: d(0.7) },
      failed: { band: [d(0), d(0.6)], default: d(0.3) },
    },
    overAchievement: d(1.3),
    // spread: a panel whose max-min exceeds this fraction of the indicator's weight disagrees widely.
    panel: { method: 'trimmed-mean', minRaters: 5, spread: d(0.3) },
    assessorWeights: {},
    decimals: 2,
    recheck: { tolerance: d(0.5), relativeTolerance: d(0.05) },
    application: {
      excellent: { adjustPct: d(0), action: '优先保障', actionEn: 'funding prioritised' },
      good: { adjustPct: d(0), action: '保持支持', actionEn: 'support maintained' },
      fair: { adjustPct: d(-10), action: '核减预算并整改', actionEn: 'budget cut, rectification required' },
      poor: { adjustPct: d(-30), action: '大幅核减或取消，整改后再予支持', actionEn: 'budget cut sharply or cancelled; funded again only after rectification' },
    },
    monitoring: {
      pace: { red: d(0.6), yellow: d(0.8) },
      indicator: { red: d(0.6), yellow: d(0.8), ahead: d(1.2) },
      dualGap: d(10),
      likelihood: { possible: d(0.8) },
    },
    review: {
      minScore: d(80),
      minQuantitativeShare: d(0.6),
      maxTargetToBaseline: d(2),
      unitCostFactor: d(3),
      costBudgetFactor: d(1.5),
      maxQuarterShare: d(0.4),
      requiredSections: ['output', 'effect', 'satisfaction'],
      weights: {
        completeness: d(25),
        measurability: d(25),
        relevance: d(15),
        feasibility: d(20),
        budget: d(15),
      },
    },
  };
}

function keyPolicy(): Policy {
  const p = selfPolicy();
  p.name = 'key';
  p.lineage = ['key'];
  // 重点评价: decision and process join output and effect; budget execution is scored as a
  // process indicator, so the separate execution weight is 0.
  p.sections = { decision: d(20), process: d(20), output: d(30), effect: d(20), satisfaction: d(10) };
  p.executionWeight = d(0);
  p.review.requiredSections = ['output', 'effect'];
  return p;
}

export const BUILTIN_POLICIES: Record<string, () => Policy> = { self: selfPolicy, key: keyPolicy };

export function builtinPolicy(name: string): Policy | undefined {
  return BUILTIN_POLICIES[name]?.();
}

/**
 * Section a level-1 indicator counts towards. A policy without a `cost` section counts cost
 * indicators under `output` (财预〔2020〕10号 lists 成本 among the 产出 indicators).
 */
export function sectionOf(policy: Policy, level1: Level1): Level1 {
  if (level1 === 'cost' && policy.sections.cost === undefined) return 'output';
  return level1;
}

export function gradeFor(policy: Policy, score: Dec): Grade {
  for (const g of policy.grades) if (score.greaterThanOrEqualTo(g.min)) return g.grade;
  return policy.grades[policy.grades.length - 1]?.grade ?? 'poor';
}

export function assessorWeight(policy: Policy, role: Role): Dec {
  return policy.assessorWeights[role] ?? d(1);
}
