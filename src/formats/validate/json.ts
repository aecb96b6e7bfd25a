// `json`: the stable machine contract of docs/formats.md#validate-and-review-json. Keys are written in a fixed order and
// every diagnostic has all six fields (`path`, `line`, `column` are null when unknown; one in a
// workbook adds `sheet` and `cell`) so that
// `jq '.files[].diagnostics[].line'` never meets a missing key. Report-level diagnostics (no
// file) go in a top-level `diagnostics` array, always present. Complete by design: --quiet does
// not filter machine output, so the summary and the lists always agree.
import type { Diagnostic } from '../../core/diagnostics.js';
import { sortDiagnostics } from '../../core/diagnostics.js';
import type { CheckReport, FileResult, FormatOptions, ReviewedFile } from '../../core/report.js';
import { isPosition, messageOf } from './shared.js';

interface JsonDiagnostic {
  code: string;
  severity: string;
  message: string;
  path: string | null;
  line: number | null;
  column: number | null;
  /** In a workbook (docs/formats.md#validate-and-review-json): the sheet and the cell (A1); line and column are its row and column number. */
  sheet?: string;
  cell?: string;
}

export function json(report: CheckReport, opts: FormatOptions): string {
  const out = {
    tool: 'bpm',
    version: opts.version,
    command: report.command,
    files: report.files.map((f) => file(f, opts)),
    diagnostics: sortDiagnostics(report.diagnostics).map((d) => ({
      ...diagnostic(d, opts),
      // Report-level diagnostics may still name a file (e.g. one that could not be read).
      file: d.file ?? null,
    })),
    summary: {
      files: report.summary.files,
      errors: report.summary.errors,
      warnings: report.summary.warnings,
    },
    // bpm review: verdicts across the batch and the most common problems.
    ...(report.command === 'review' ? { review: report.review } : {}),
  };
  return JSON.stringify(out, null, 2) + '\n';
}

function file(f: FileResult | ReviewedFile, opts: FormatOptions): Record<string, unknown> {
  const entry: Record<string, unknown> = {
    file: f.file,
    kind: f.kind,
    valid: f.valid,
    diagnostics: sortDiagnostics(f.diagnostics).map((d) => diagnostic(d, opts)),
  };
  if ('review' in f && f.review !== undefined) entry.review = f.review;
  return entry;
}

function diagnostic(d: Diagnostic, opts: FormatOptions): JsonDiagnostic {
  return {
    code: d.code,
    severity: d.severity,
    message: messageOf(d, opts.lang),
    path: d.path ?? null,
    line: isPosition(d.line) ? d.line : null,
    column: isPosition(d.line) && isPosition(d.column) ? d.column : null,
    ...(d.sheet !== undefined ? { sheet: d.sheet, cell: d.cell ?? '' } : {}),
  };
}
