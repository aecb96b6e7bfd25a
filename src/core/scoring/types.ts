// Shapes of `bpm score` results (docs/formats.md#score-json). Numbers are exact decimals here; formatters
// turn them into JSON numbers or text. Every score is already rounded (once, half-up, to the
// policy's decimals) when it lands in one of these objects.
import type { Args, Diagnostic, Severity } from '../diagnostics.js';
import type { Dec } from '../decimal.js';
import type { Grade, Level1, Operator, QualLevel, Role } from '../model/model.js';
import type { Policy } from '../model/policy.js';
import type { ExecutionCode } from './execution.js';
import type { IndicatorCode } from './indicator.js';
import type { ProjectCode } from './project.js';
import type { RecheckCode } from './recheck.js';

export type ProjectStatus = 'scored' | 'incomplete' | 'invalid';

/** How an indicator's points were found. */
export type ScoreMethod =
  | 'ratio' // weight × min(ratio, 1), ratio = actual/target (">=", "=") or target/actual ("<=")
  | 'linear' // "<=" under reverse: linear: weight × max(0, 1 − (actual − target)/target)
  | 'level' // qualitative: the evaluator's score inside the level's band
  | 'panel' // qualitative: an expert panel's combined score
  | 'default' // qualitative: the policy's default fraction of the weight for the level
  | 'missing' // no actual value: not scored (or 0 with --allow-missing)
  | 'informational'; // a 其中 sub-row: shown, never scored

/** What a finding is about, so that a report can group them for a reader. */
export type FindingKind = 'achievement' | 'problem' | 'recommendation' | 'data';

/** Every code the scoring steps can report (each step declares its own). */
export type ScoreFindingCode = ExecutionCode | IndicatorCode | ProjectCode | RecheckCode;

export interface ScoreFinding<C extends string = string> {
  /** One of the codes its step declares (the compiler rejects any other). */
  code: C;
  severity: Severity;
  kind: FindingKind;
  indicator?: string;
  args: Args;
  /** Filled in by the command for the chosen language. */
  message?: string;
}

/** Where a scoring step appends its findings: any list that takes them. */
export interface FindingSink<C extends string> {
  push(...findings: ScoreFinding<C>[]): unknown;
}

export interface SurveyResult {
  respondents: number;
  satisfied: number;
  /** satisfied / respondents × 100, exact. */
  rate: Dec;
  /** 95% margin of error in percentage points: 1.96·sqrt(p(1−p)/n) × 100, exact to 40 digits. */
  margin: Dec;
}

export interface PanelResult {
  scores: Dec[];
  method: Policy['panel']['method'];
  /** The scores that were combined (after trimming). */
  used: Dec[];
  /** Combined score, exact (rounded only as the indicator's score). */
  combined: Dec;
  /** max − min of the individual scores. */
  spread: Dec;
}

export interface IndicatorScore {
  code: string;
  name: string;
  level1: Level1;
  level2: string;
  /** The policy section the indicator counts towards (sectionOf). */
  section: Level1;
  operator: Operator;
  unit?: string;
  weight: Dec;
  /** Numeric target in force (after adjustments); null for a qualitative indicator. */
  target: Dec | null;
  targetText: string;
  /** Numeric actual (a survey's rate); null for a qualitative indicator or a missing value. */
  actual: Dec | null;
  level?: QualLevel;
  note?: string;
  /** The actual exactly as printed in the source table (actuals.CODE.text), for reports. */
  actualText?: string;
  /** A 其中 sub-row: shown in place, never scored (score null), not in section sums. */
  informational: boolean;
  /** Exact ratio used for the score (before the cap at 1); null when there is none. */
  ratio: Dec | null;
  /** Rounded points; null when the indicator could not be scored (missing actual). */
  score: Dec | null;
  method: ScoreMethod;
  survey?: SurveyResult;
  panel?: PanelResult;
  /** The target was changed by an approved adjustment. */
  adjusted: boolean;
}

export interface ExecutionScore {
  /** 全年预算数 in force. */
  budget: Dec;
  /** 年初预算数. */
  initial: Dec;
  executed: Dec | null;
  /** Where `executed` came from. */
  source: 'evaluation' | 'monitoring' | null;
  /** executed / budget × 100, exact; null when unknown. */
  rate: Dec | null;
  weight: Dec;
  score: Dec | null;
  note?: string;
}

export interface SectionScore {
  section: Level1;
  weight: Dec;
  score: Dec;
}

export interface CompositePart {
  by: Role;
  score: Dec;
  weight: Dec;
}

export interface Composite {
  score: Dec;
  grade: Grade;
  parts: CompositePart[];
}

export interface Discrepancy {
  /**
   * `indicator:CODE`, `execution`, `section:NAME`, `total`, `total-arithmetic`, `grade`, and the
   * printed budget row: `budget:initial`, `budget:total`, `budget:executed`, `budget:rate`.
   */
  item: string;
  claimed: Dec | Grade;
  computed: Dec | Grade | null;
  /**
   * Why it is a discrepancy: `score` (off by more than the tolerance), `full-marks-missed-target`
   * (full marks claimed where the rules give less), `no-actual`, `arithmetic`, `grade`, `figure`
   * (a printed budget figure that is not the dossier's or the evaluation's).
   */
  reason: DiscrepancyReason;
}

export type DiscrepancyReason = 'score' | 'full-marks-missed-target' | 'no-actual' | 'arithmetic' | 'grade' | 'figure';

export interface Recommendation {
  grade: Grade;
  adjustPct: Dec;
  nextBudget: Dec;
  action: string;
  actionEn?: string;
}

export interface ProjectScore {
  code: string;
  name: string;
  department: string;
  unit?: string;
  year: number;
  goal: string;
  /** 年度总体目标 实际完成情况 (Evaluation.outcome); null when the evaluation gives none. */
  outcome: string | null;
  budgetUnit: '元' | '万元';
  /** The policy used for this project. */
  policy: string;
  status: ProjectStatus;
  /** Sum of the rounded parts; null unless status is `scored`. */
  total: Dec | null;
  /** For an incomplete project: the sum of the parts that could be scored (never a grade). */
  partialTotal: Dec | null;
  grade: Grade | null;
  execution: ExecutionScore;
  sections: SectionScore[];
  indicators: IndicatorScore[];
  composite: Composite | null;
  findings: ScoreFinding[];
  discrepancies: Discrepancy[];
  recommendation: Recommendation | null;
  /** Approved adjustments applied (dates). */
  adjustments: string[];
  /** Files of the dossier and evaluation (for --out-dir naming and reports). */
  files: string[];
  /** Input problems (errors make the project `invalid`). */
  diagnostics: Diagnostic[];
}

export interface DepartmentSummary {
  department: string;
  projects: number;
  scored: number;
  /** Mean total of the scored projects, rounded to the policy decimals; null when none. */
  mean: Dec | null;
}

export interface Attention {
  code: string;
  reasons: ('incomplete' | 'invalid' | 'poor' | 'discrepancies' | 'below-threshold' | 'over-budget')[];
}

export interface ScoreSummary {
  projects: number;
  scored: number;
  incomplete: number;
  invalid: number;
  mean: Dec | null;
  grades: Record<Grade, number>;
  application: ApplicationSummary;
}

/** Result application (结果应用) of a group of projects: this year's budget and next year's. */
export interface ApplicationTotals {
  /** Projects in the group. */
  projects: number;
  /** Budget in force of the projects with a recommendation. */
  budget: Dec;
  /** Next year's budget after result application, summed over the same projects. */
  nextBudget: Dec;
  /** nextBudget − budget. */
  change: Dec;
  /** Invalid and incomplete projects: no grade, no recommendation, left out of the sums. */
  notApplied: number;
}

export interface ApplicationSummary {
  /** The unit of the sums: the projects' own, or 万元 when they differ (元 amounts are converted). */
  unit: '元' | '万元';
  /** By department name. */
  departments: (ApplicationTotals & { department: string })[];
  total: ApplicationTotals;
}

export interface RankRow {
  /** 1-based competition rank (ties share a rank); null when not scored. */
  rank: number | null;
  project: ProjectScore;
}

export interface ScoreReport {
  command: 'score';
  /** Policy name shown at the top (the policy every project used, else the run's default). */
  policy: string;
  policyValues: Policy;
  projects: ProjectScore[];
  ranking: RankRow[];
  departments: DepartmentSummary[];
  attention: Attention[];
  summary: ScoreSummary;
  /** Project codes of monitoring rows outside the run, ignored (docs/formats.md#monitoring-data-csv), sorted. */
  ignoredProjects: string[];
  diagnostics: Diagnostic[];
  /** More than one project: the formats show a batch summary. */
  batch: boolean;
  decimals: number;
}
