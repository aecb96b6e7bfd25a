// The normalised domain model that rules and computations work on. Documents as written are
// typed in schema-types.ts (generated from schemas/); normalise.ts turns one into the other:
// Chinese aliases resolved, defaults applied, amounts as exact decimals. Every model object
// remembers the file and JSON pointer it came from so that findings can point back at it.
import type { Dec } from '../decimal.js';

export type Level1 = 'output' | 'effect' | 'satisfaction' | 'cost' | 'decision' | 'process';
export const LEVEL1: readonly Level1[] = ['decision', 'process', 'output', 'effect', 'cost', 'satisfaction'];
export type Operator = '>=' | '<=' | '=' | 'qualitative';
export type Tracking = 'cumulative' | 'level';
export type Quarter = 'Q1' | 'Q2' | 'Q3' | 'Q4';
export const QUARTERS: readonly Quarter[] = ['Q1', 'Q2', 'Q3', 'Q4'];
export type Grade = 'excellent' | 'good' | 'fair' | 'poor';
export const GRADES: readonly Grade[] = ['excellent', 'good', 'fair', 'poor'];
export type QualLevel = 'achieved' | 'partial' | 'failed';
export type Role = 'self' | 'finance' | 'expert' | 'public' | 'third-party';
export type Basis = 'plan' | 'industry' | 'history' | 'other';

/** Where a model object came from: a file and a JSON pointer into it. */
export interface Origin {
  file: string;
  path: string;
}

export interface Indicator {
  origin: Origin;
  code: string;
  level1: Level1;
  /** Canonical English level2 when known (quantity, social …); free text otherwise. */
  level2: string;
  name: string;
  operator: Operator;
  /** Numeric target; null for a qualitative indicator (or a textual target). */
  target: Dec | null;
  /** The target as written, for a qualitative indicator or a non-numeric target. */
  targetText: string;
  unit?: string;
  /** 分值; 0 when an informational row omits it. */
  weight: Dec;
  /** A sub-row (其中…) shown in place, never scored, left out of section sums and goal progress. */
  informational: boolean;
  basis?: Basis;
  baseline?: Dec;
  tracking: Tracking;
  milestones?: Partial<Record<Quarter, Dec>>;
}

export interface IndicatorPatch {
  target?: Dec;
  targetText?: string;
  weight?: Dec;
  milestones?: Partial<Record<Quarter, Dec>>;
}

export interface Adjustment {
  origin: Origin;
  /** ISO date YYYY-MM-DD. */
  date: string;
  approvedBy?: string;
  reason?: string;
  budgetTotal?: Dec;
  /** The adjustment's own quarterly schedule (adds up to its total); replaces the dossier's from its date. */
  budgetSchedule?: Partial<Record<Quarter, Dec>>;
  indicators: Record<string, IndicatorPatch>;
}

export interface Budget {
  unit: '元' | '万元';
  initial: Dec;
  total: Dec;
  sources: { name: string; amount: Dec }[];
  /** Planned spending in each quarter, as written (may be absent). */
  schedule?: Partial<Record<Quarter, Dec>>;
}

export interface Period {
  /** ISO dates. */
  start: string;
  end: string;
}

export interface Dossier {
  origin: Origin;
  code: string;
  name: string;
  department: string;
  unit?: string;
  year: number;
  period: Period;
  objectives: string[];
  category?: string;
  budget: Budget;
  goal: string;
  indicators: Indicator[];
  adjustments: Adjustment[];
  /**
   * Read from a 申报表 without a 分值 column (docs/formats.md#excel-workbooks): the weights are 0 until the
   * project's 自评表 gives them; the weight rules are skipped.
   */
  weightless?: boolean;
  /**
   * Section points printed in the 一级指标 cells of a form (产出指标(50分)), each with the JSON
   * pointer of the level-1 cell of the section's first indicator: checked against the policy.
   */
  printedSections?: { level1: Level1; points: Dec; path: string }[];
}

/** `text`: the actual exactly as printed in the source table (达成预期指标, ≥266米), for reports. */
export type Actual =
  | { kind: 'number'; value: Dec; note?: string; text?: string; origin: Origin }
  | { kind: 'qualitative'; level: QualLevel; score?: Dec; note?: string; text?: string; origin: Origin }
  | { kind: 'survey'; respondents: number; satisfied: number; note?: string; text?: string; origin: Origin };

/** The budget row of a submitted self-evaluation table as printed (年初预算数 … 执行率 %). */
export interface ClaimedBudget {
  initial?: Dec;
  total?: Dec;
  executed?: Dec;
  /** Percent (96 means 96 %). */
  rate?: Dec;
}

export interface Claimed {
  execution?: Dec;
  indicators: Record<string, Dec>;
  sections: Record<string, Dec>;
  total?: Dec;
  grade?: Grade;
  budget?: ClaimedBudget;
  origin: Origin;
}

export interface Evaluation {
  origin: Origin;
  project: string;
  evaluator: Role;
  policy?: string;
  executed?: Dec;
  /** Why budget execution fell short (budget.note). */
  executedNote?: string;
  /** 年度总体目标 实际完成情况: what was achieved of the annual goal, as written. */
  outcome?: string;
  actuals: Record<string, Actual>;
  panels: Record<string, { scores: Dec[]; origin: Origin }>;
  assessments: { by: Role; score: Dec; origin: Origin }[];
  claimed?: Claimed;
}

export interface StrategyPlan {
  origin: Origin;
  name?: string;
  objectives: { id: string; title: string; parent?: string; origin: Origin }[];
}
