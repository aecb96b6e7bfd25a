// `bpm validate`: load → schema + semantic rules → one ValidateReport.
import { countBySeverity, sortDiagnostics, type Diagnostic } from '../core/diagnostics.js';
import type { FileResult, ValidateReport } from '../core/report.js';
import { runRules } from '../core/run-rules.js';
import { checkMonitoring } from '../core/monitoring-checks.js';
import type { Lang } from '../i18n/index.js';
import { renderDiagnostics } from '../i18n/render.js';
import { loadWorkspace, type LoadOptions, type Workspace } from '../io/workspace.js';

export interface ValidateOptions extends LoadOptions {
  paths: string[];
  lang: Lang;
}

export interface ValidateResult {
  report: ValidateReport;
  workspace: Workspace;
}

export async function validate(opts: ValidateOptions): Promise<ValidateResult> {
  const ws = await loadWorkspace(opts.paths, { ...opts, readCsv: true });
  const byFile = new Map(ws.files.map((f) => [f.file, f]));
  const loose: Diagnostic[] = [...ws.diagnostics];
  const place = (d: Diagnostic & { key?: boolean }) => {
    const f = d.file !== undefined ? byFile.get(d.file) : undefined;
    if (!f) {
      loose.push(d);
      return;
    }
    const { key, ...diag } = d;
    if (diag.line === undefined && f.locate) Object.assign(diag, f.locate(diag.path ?? '', key));
    f.diagnostics.push({ line: 1, column: 1, ...diag });
  };
  for (const d of runRules(ws.ctx)) place(d);
  for (const m of ws.monitoring) for (const d of checkMonitoring(m.rows, ws.ctx)) place(d);

  const files: FileResult[] = ws.files
    .map((f) => {
      const diagnostics = sortDiagnostics(renderDiagnostics(f.diagnostics, opts.lang));
      return { file: f.file, kind: f.kind, valid: !diagnostics.some((d) => d.severity === 'error'), diagnostics };
    })
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const diagnostics = sortDiagnostics(renderDiagnostics(loose, opts.lang));
  const all = [...diagnostics, ...files.flatMap((f) => f.diagnostics)];
  const counts = countBySeverity(all);
  return {
    report: { command: 'validate', files, diagnostics, summary: { files: files.length, errors: counts.errors, warnings: counts.warnings } },
    workspace: ws,
  };
}

/** Exit code of a validate report (FORMATS.md §4): 1 on errors or too many warnings. */
export function validateExitCode(report: ValidateReport, maxWarnings: number | undefined): number {
  if (report.summary.errors > 0) return 1;
  if (maxWarnings !== undefined && maxWarnings >= 0 && report.summary.warnings > maxWarnings) return 1;
  return 0;
}
