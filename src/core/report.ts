// Report shapes that commands produce and formatters turn into text. These mirror the JSON
// output contract of FORMATS.md §5; fields may be added, none renamed.
import type { Diagnostic } from './diagnostics.js';

export type DocKind = 'ProjectDossier' | 'Evaluation' | 'ScoringPolicy' | 'StrategyPlan';
export type FileKind = DocKind | 'MonitoringData';

export interface FileResult {
  /** The file as the user named it (relative to the working directory when possible). */
  file: string;
  /** null when the file could not be read or recognised. */
  kind: FileKind | null;
  /** false when any diagnostic of severity `error` belongs to the file. */
  valid: boolean;
  diagnostics: Diagnostic[];
  /** Added by `bpm review`. */
  review?: unknown;
}

export interface ValidateSummary {
  files: number;
  errors: number;
  warnings: number;
}

/** The report of `bpm validate` (and, with `review` objects, of `bpm review`). */
export interface ValidateReport {
  command: 'validate' | 'review';
  files: FileResult[];
  /** Diagnostics that belong to no file (e.g. an unmatched glob); rarely non-empty. */
  diagnostics: Diagnostic[];
  summary: ValidateSummary;
}

export interface FormatOptions {
  lang: 'zh' | 'en';
  /** Colour output (only the human formats honour it). */
  color: boolean;
  /** bpm's version, for json/sarif/junit headers. */
  version: string;
  /** Only errors (validate --quiet). */
  quiet?: boolean;
}
