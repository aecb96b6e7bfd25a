// `bpm validate`: load → schema + semantic rules → one ValidateReport.
import { countBySeverity, sortDiagnostics, type Diagnostic } from '../core/diagnostics.js';
import type { FileResult, ValidateReport } from '../core/report.js';
import { runRules } from '../core/run-rules.js';
import { checkMonitoring } from '../core/monitoring-checks.js';
import type { Lang } from '../i18n/index.js';
import { renderDiagnostics } from '../i18n/render.js';
import type { CacheOptions, RawResults } from '../io/cache.js';
import { policyFilesRead } from '../io/policy-files.js';
import { discoverInputs, loadWorkspace, type LoadOptions, type Workspace } from '../io/workspace.js';
import { VERSION } from '../version.js';

export interface ValidateOptions extends LoadOptions {
  paths: string[];
  lang: Lang;
  /** --cache: reuse the results of an identical earlier run (src/io/cache.ts). */
  cache?: CacheOptions;
}

export interface ValidateResult {
  report: ValidateReport;
  /** The loaded run; only `inputs` when the results came from the cache. */
  workspace: Pick<Workspace, 'inputs'> & Partial<Workspace>;
  /** Whether the results came from the cache. */
  cached?: boolean;
}

/** A fresh (uncached) validation with the whole loaded run, for commands that build on it (review). */
export async function validateFresh(opts: ValidateOptions): Promise<{ report: ValidateReport; workspace: Workspace }> {
  const { raw, workspace } = await run(opts);
  return { report: finish(raw, opts.lang), workspace };
}

export async function validate(opts: ValidateOptions): Promise<ValidateResult> {
  if (!opts.cache) return validateFresh(opts);
  const cache = await import('../io/cache.js');
  const file = cache.cachePath(opts.cache.location, opts.cwd);
  const inputs = await discoverInputs(opts.paths, opts);
  const key = cache.runKey({ version: VERSION, cwd: opts.cwd, policy: opts.policy, strategy: opts.strategy, encoding: opts.encoding });
  const hit = cache.lookup(file, key, inputs, opts.cache.strategy);
  const inputPaths = inputs.map((f) => f.abs);
  if (hit.results) return { report: finish(hit.results, opts.lang), workspace: { inputs: inputPaths }, cached: true };
  policyFilesRead.clear();
  const { raw, workspace } = await run({ ...opts, inputs });
  const externals = [...policyFilesRead].filter((p) => !inputPaths.includes(p)).sort();
  cache.store(file, key, inputs, hit.inputs, externals, raw);
  return { report: finish(raw, opts.lang), workspace, cached: false };
}

/** Loads and checks a run: diagnostics with positions, per file, not yet rendered in a language. */
async function run(opts: ValidateOptions): Promise<{ raw: RawResults; workspace: Workspace }> {
  const ws = await loadWorkspace(opts.paths, { ...opts, readCsv: opts.readCsv ?? true });
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

  return {
    raw: { files: ws.files.map((f) => ({ file: f.file, kind: f.kind, diagnostics: f.diagnostics })), diagnostics: loose },
    workspace: ws,
  };
}

/** Renders messages, sorts, and counts: the report of a run (fresh or from the cache). */
function finish(raw: RawResults, lang: Lang): ValidateReport {
  const files: FileResult[] = raw.files
    .map((f) => {
      const diagnostics = sortDiagnostics(renderDiagnostics(f.diagnostics, lang));
      return { file: f.file, kind: f.kind, valid: !diagnostics.some((d) => d.severity === 'error'), diagnostics };
    })
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const diagnostics = sortDiagnostics(renderDiagnostics(raw.diagnostics, lang));
  const all = [...diagnostics, ...files.flatMap((f) => f.diagnostics)];
  const counts = countBySeverity(all);
  return { command: 'validate', files, diagnostics, summary: { files: files.length, errors: counts.errors, warnings: counts.warnings } };
}

/** Exit code of a validate report (FORMATS.md §4): 1 on errors or too many warnings. */
export function validateExitCode(report: ValidateReport, maxWarnings: number | undefined): number {
  if (report.summary.errors > 0) return 1;
  if (maxWarnings !== undefined && maxWarnings >= 0 && report.summary.warnings > maxWarnings) return 1;
  return 0;
}
