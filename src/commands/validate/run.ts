// `bpm validate`: load → schema + semantic rules → one ValidateReport. (The --cache fast path
// lives in validate-cached.ts and loads this module only when something must be validated.)
import { countBySeverity, sortDiagnostics, type Diagnostic } from '../../core/diagnostics.js';
import type { FileResult, ValidateReport } from '../../core/report.js';
import { runRules } from '../../core/rules/run.js';
import { checkMonitoring } from '../../core/monitoring/checks.js';
import type { Lang } from '../../i18n/index.js';
import { renderDiagnostics } from '../../i18n/render.js';
import { fullPrints, type CacheOptions, type RawResults, type RunCache } from '../../io/cache.js';
import type { Found } from '../../io/discover.js';
import { loadWorkspace, positionIn, showFiles, type LoadOptions, type Workspace } from '../../io/workspace.js';
import { openCache, type Rendering } from './cache.js';

export { validateExitCode } from './cache.js';

export interface ValidateOptions extends LoadOptions {
  paths: string[];
  lang: Lang;
  /** --cache: reuse the results of an identical earlier run (src/io/cache.ts). */
  cache?: CacheOptions;
  /**
   * One file result per sheet of a workbook with several forms, named by its key (bpm review
   * reviews each dossier); by default a workbook is one file result.
   */
  workbookParts?: boolean;
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

/** A validation as a report, from the cache when `opts.cache` is set and nothing changed. */
export async function validate(opts: ValidateOptions): Promise<ValidateResult> {
  if (!opts.cache) return validateFresh(opts);
  const { inputs, cache } = await openCache(opts, opts.cache);
  const raw = cache.hit ? cache.raw() : undefined;
  if (raw) return { report: finish(raw, opts.lang), workspace: { inputs: inputs.map((f) => f.abs) }, cached: true };
  const { report, workspace } = await runAndStore(opts, inputs, cache, []);
  return { report, workspace, cached: false };
}

/** A fresh run whose results (and renderings) are stored in the cache for the next one. */
export async function runAndStore(opts: ValidateOptions, inputs: Found[], cache: RunCache, renderings: Rendering[]) {
  const before = fullPrints(inputs);
  const { raw, workspace } = await run({ ...opts, inputs });
  const inputPaths = new Set(inputs.map((f) => f.abs));
  const externals = [...workspace.policyFiles]
    .filter(([abs]) => !inputPaths.has(abs))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([abs, hash]) => ({ abs, hash }));
  const report = finish(raw, opts.lang);
  const texts: string[] = [];
  for (const r of renderings) texts.push(await r.render(report));
  cache.store(before, externals, raw, report.summary, renderings.map((r, i) => ({ variant: r.variant, text: texts[i] })));
  return { report, workspace, texts };
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
    const { key: _key, ...diag } = d;
    f.diagnostics.push({ line: 1, column: 1, ...diag, ...positionIn(f, d) });
  };
  for (const d of runRules(ws.ctx)) place(d);
  for (const m of ws.monitoring) for (const d of checkMonitoring(m.rows, ws.ctx.dossiers).diagnostics) place(d);

  if (opts.workbookParts) return { raw: { files: ws.files.map((f) => ({ file: f.file, kind: f.kind, diagnostics: f.diagnostics })), diagnostics: loose }, workspace: ws };
  // A workbook with several forms is one file of the report, under the name the user gave it.
  const files = new Map<string, RawResults['files'][number]>();
  const show = showFiles(ws);
  for (const f of ws.files) {
    const file = f.shown ?? f.file;
    const diagnostics = show(f.diagnostics);
    const seen = files.get(file);
    if (!seen) files.set(file, { file, kind: f.kind, diagnostics: [...diagnostics] });
    else {
      seen.diagnostics.push(...diagnostics);
      seen.kind ??= f.kind;
    }
  }
  return { raw: { files: [...files.values()], diagnostics: show(loose) }, workspace: ws };
}

/** Renders messages, sorts, and counts: the report of a run (fresh or from the cache). */
export function finish(raw: RawResults, lang: Lang): ValidateReport {
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
