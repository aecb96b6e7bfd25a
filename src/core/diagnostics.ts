// The one shape for everything bpm tells a user about an input: schema errors, semantic rule
// findings, YAML syntax errors and CSV data problems alike. Wording is not part of a
// diagnostic's identity: `code` + `args` are; `message` is rendered from the i18n catalog.

export type Severity = 'error' | 'warning' | 'info';

export type Args = Record<string, string | number | boolean | null | undefined>;

export interface Diagnostic<C extends string = string> {
  /**
   * Stable kebab-case id, e.g. `weights-sum`, `unknown-metric`. Tests assert codes, not text.
   * Whoever makes a diagnostic narrows `C` to the codes it declares (a rule's CODES, the input
   * codes of src/io/codes.ts, the collector's MONITORING_CODES).
   */
  code: C;
  severity: Severity;
  /** Arguments interpolated into the catalog message for `code`. */
  args?: Args;
  /** Rendered message (filled in by `renderDiagnostics` for the chosen language). */
  message?: string;
  /** File that holds the problem, as given by the user (relative to cwd when possible). */
  file?: string;
  /** JSON Pointer into the document (`/indicators/0/weight`), when the problem has one. */
  path?: string;
  /** 1-based line and column of the offending node (in a workbook: the cell's row and column number). */
  line?: number;
  column?: number;
  /** In a workbook (docs/formats.md#excel-workbooks): the sheet and the cell (A1) that hold the problem. */
  sheet?: string;
  cell?: string;
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function severityRank(s: Severity): number {
  return SEVERITY_RANK[s];
}

/** Sorts by file, sheet, line, column, code (then message) so that output is deterministic. */
function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    cmp(a.file ?? '', b.file ?? '') ||
    cmp(a.sheet ?? '', b.sheet ?? '') ||
    (a.line ?? 0) - (b.line ?? 0) ||
    (a.column ?? 0) - (b.column ?? 0) ||
    cmp(a.code, b.code) ||
    cmp(a.path ?? '', b.path ?? '') ||
    cmp(a.message ?? JSON.stringify(a.args ?? {}), b.message ?? JSON.stringify(b.args ?? {}))
  );
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Sorted copy without exact duplicates (same file, position, code and arguments). */
export function sortDiagnostics(list: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  for (const d of [...list].sort(compareDiagnostics)) {
    const key = JSON.stringify([d.file, d.sheet, d.line, d.column, d.code, d.path, d.args, d.message]);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(d);
  }
  return out;
}

export function countBySeverity(list: readonly Diagnostic[]): { errors: number; warnings: number; infos: number } {
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const d of list) {
    if (d.severity === 'error') errors++;
    else if (d.severity === 'warning') warnings++;
    else infos++;
  }
  return { errors, warnings, infos };
}
