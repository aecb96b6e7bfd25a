// Report shapes that commands produce and formatters turn into text. These mirror the JSON
// output contract of docs/formats.md#json-output; fields may be added, none renamed.
import type { Diagnostic } from './diagnostics.js';
import type { ProjectVariance } from './monitoring/report.js';
import type { VarianceSummary } from './monitoring/summary.js';
import type { Dossier } from './model/model.js';

export type DocKind = 'ProjectDossier' | 'Evaluation' | 'ScoringPolicy' | 'StrategyPlan';
export type FileKind = DocKind | 'MonitoringData';

/** A file of a report of `bpm validate` (and, with its review, of `bpm review`). */
export interface FileResult {
  /** The file as the user named it (relative to the working directory when possible). */
  file: string;
  /** null when the file could not be read or recognised. */
  kind: FileKind | null;
  /** false when any diagnostic of severity `error` belongs to the file. */
  valid: boolean;
  diagnostics: Diagnostic[];
}

/** A dossier file of a report of `bpm review`: its validation and its review. */
export interface ReviewedFile extends FileResult {
  review: FileReview;
}

export interface ValidateSummary {
  files: number;
  errors: number;
  warnings: number;
}

/** One item of a review's `required` or `suggestions` list (JSON shape). */
export interface ReviewItem {
  code: string;
  severity: 'error' | 'warning' | 'info';
  /** The review dimension that found it; null for a validation problem. */
  dimension: string | null;
  message: string;
  path: string | null;
  line: number | null;
  column: number | null;
  /** In a workbook: the sheet and cell (A1) of the problem. */
  sheet?: string;
  cell?: string;
}

/** The per-file `review` object of `bpm review` (docs/formats.md#validate-and-review-json), as JSON. */
export interface FileReview {
  project: { code: string; name: string; department: string; category: string | null } | null;
  /** 0-100; 0 for a dossier that could not be read (it cannot pass). */
  score: number;
  minScore: number;
  verdict: 'pass' | 'revise';
  dimensions: Record<string, { score: number; weight: number } & Record<string, unknown>>;
  required: ReviewItem[];
  suggestions: ReviewItem[];
}

/** Batch summary of `bpm review` (top-level `review` in JSON): verdicts and the most common problems. */
export interface ReviewBatchSummary {
  dossiers: number;
  pass: number;
  revise: number;
  /** Codes by the number of dossiers that show them (then by occurrences): what to train departments on. */
  commonProblems: { code: string; count: number; dossiers: number }[];
}

interface FilesReport {
  /** Diagnostics that belong to no file (e.g. an unmatched glob); rarely non-empty. */
  diagnostics: Diagnostic[];
  summary: ValidateSummary;
}

/** The report of `bpm validate`. */
export interface ValidateReport extends FilesReport {
  command: 'validate';
  files: FileResult[];
}

/** The report of `bpm review`: validate's, with a review per dossier file and a batch summary. */
export interface ReviewReport extends FilesReport {
  command: 'review';
  files: ReviewedFile[];
  review: ReviewBatchSummary;
}

/** What the formats of `bpm validate` and `bpm review` render: either report, told apart by `command`. */
export type CheckReport = ValidateReport | ReviewReport;

export interface FormatOptions {
  lang: 'zh' | 'en';
  /** Colour output (only the human formats honour it). */
  color: boolean;
  /** bpm's version, for json/sarif/junit headers. */
  version: string;
  /** Only errors (validate --quiet). */
  quiet?: boolean;
  /**
   * The terminal's width in columns: the human formats (stylish, table) wrap or shorten their
   * text columns to fit it, never numbers. Absent (piped, a file): nothing is fitted.
   */
  width?: number;
  /**
   * Files as CI tools want them (sarif, github): the report's paths, relative to `cwd`, are
   * re-based on the repository root `root`. Absent: paths as the report has them.
   */
  paths?: { cwd: string; root: string };
  /** junit: warnings as passing testcases with their message (`output`, default) or as failures. */
  junitWarnings?: 'output' | 'failure';
  /** sarif: the help of each rule (docs/rules.md), and where that page is online (helpUri). */
  ruleHelp?: RuleHelpTable;
  docsUrl?: string;
}

/** What a rule's help says in one language (docs/rules.md). */
export interface RuleHelpText {
  checks?: string;
  why?: string;
  fix?: string;
  /** Further bullets of the section (a special case explained). */
  more: { label: string; text: string }[];
}
export interface RuleHelp {
  en: RuleHelpText;
  zh: RuleHelpText;
}
export type RuleHelpTable = Record<string, RuleHelp>;

/** The report of `bpm variance` (docs/formats.md#variance-json). */
export interface VarianceReport {
  command: 'variance';
  /**
   * The projects with data, by code. May be a one-shot lazy sequence (computed as it is
   * iterated): formatters iterate it once, then read `diagnostics`.
   */
  projects: Iterable<ProjectVariance>;
  /** Data problems and input errors, sorted, with messages. Complete once `projects` is consumed. */
  readonly diagnostics: Diagnostic[];
  /**
   * One line per project of the run (docs/formats.md#variance-json), complete once `projects` is consumed;
   * absent for a report assembled from single projects.
   */
  readonly summary?: VarianceSummary;
  /**
   * The dossier of a project of the report, for a format that shows more of it than the report
   * carries (the workbook's 执行监控表: levels, the goal, the initial budget); absent for a
   * report assembled from single projects.
   */
  dossier?: (code: string) => Dossier | undefined;
}
