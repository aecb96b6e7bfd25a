// `bpm score`: load → validate (schema + semantic rules) → score every valid project → one
// ScoreReport. Projects whose dossier or evaluation has errors are reported as `invalid` and not
// scored; the others are. Writing (stdout, -o, --out-dir) is left to the caller.
import path from 'node:path';
import { attention, departments, rank, summarise } from '../../core/application/batch.js';
import { D } from '../../core/decimal.js';
import { sortDiagnostics, type Diagnostic } from '../../core/diagnostics.js';
import { checkMonitoring, mergeIgnored, mergeSpend, type LastSpend } from '../../core/monitoring/checks.js';
import type { Selection } from '../../core/model/select.js';
import { narrowRun } from '../../cli/projects.js';
import type { Dossier, Evaluation } from '../../core/model/model.js';
import { parsePeriod, compareDates, formatDate } from '../../core/model/periods.js';
import type { Policy } from '../../core/model/policy.js';
import { runRules } from '../../core/rules/run.js';
import type { ProjectScore, ScoreReport } from '../../core/scoring/types.js';
import { evaluateProject } from '../../core/application/evaluate.js';
import { unscorableProject } from '../../core/scoring/project.js';
import type { ScoreFormatName } from '../../formats/names.js';
import type { Lang } from '../../i18n/index.js';
import { renderDiagnostics } from '../../i18n/render.js';
import { BIG_RUN_FILES, collectGarbage } from '../../io/engine.js';
import { loadWorkspace, positionIn, shownFile, showFiles, type LoadOptions, type Workspace } from '../../io/workspace.js';

export interface ScoreOptions extends LoadOptions {
  paths: string[];
  lang: Lang;
  /** --data: extra monitoring CSV files (executed defaults). */
  data?: string[];
  allowMissing?: boolean;
  failUnder?: number;
  /** --project (repeatable): only these projects of the loaded dossiers. */
  projects?: string[];
  /** --strict-data: rows for projects outside the run are `unknown-project` errors, not ignored. */
  strictData?: boolean;
  /** Called while reading files and while scoring (progress bar). */
  onProgress?: (done: number, total: number, phase: 'files' | 'projects') => void;
}

export interface ScoreResult {
  report: ScoreReport;
  /**
   * Absolute paths of every input: -o must not replace one. Only these: the loaded files, their
   * positions and the monitoring rows are let go before the report is written (a batch of
   * thousands of projects would hold them all while the report streams).
   */
  inputs: string[];
}

export async function score(opts: ScoreOptions): Promise<ScoreResult> {
  const paths = [...(opts.paths.length ? opts.paths : ['.']), ...(opts.data ?? [])];
  const onFile = opts.onProgress ? (done: number, total: number) => opts.onProgress!(done, total, 'files') : undefined;
  const ws = await loadWorkspace(paths, { ...opts, readCsv: true, onFile });
  const narrowed = narrowRun(ws.dossiers, ws.evaluations, opts.projects, ws.invalidDossierFiles);
  const { diagnostics, ignoredProjects, spend: lastSpend } = placeDiagnostics(ws, opts.lang, narrowed, opts.strictData === true);
  // Diagnostics by file, so that attaching them to projects stays linear in a large batch.
  const byFile = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) {
    if (d.file === undefined) continue;
    const list = byFile.get(d.file);
    if (list) list.push(d);
    else byFile.set(d.file, [d]);
  }
  const errorFiles = new Set(diagnostics.filter((d) => d.severity === 'error' && d.file !== undefined).map((d) => d.file as string));
  // A sheet of a workbook with several forms is named by the workbook in the report.
  const shown = shownFile(ws);
  const show = showFiles(ws);
  // What scoring still needs of the load is its documents: the files' positions and the
  // monitoring rows (checked above) go before the projects are scored, and in a big batch their
  // garbage is collected then, so that the heap does not hold it and the scored projects at once.
  const big = ws.files.length >= BIG_RUN_FILES;
  ws.files = [];
  ws.monitoring = [];
  if (big) collectGarbage();

  const evalByCode = new Map<string, Evaluation>();
  for (const e of ws.evaluations) if (!evalByCode.has(e.project)) evalByCode.set(e.project, e);
  const policies = new Map<string, Policy>();

  const seen = new Set<string>();
  const dossiers = (narrowed?.dossiers ?? ws.dossiers).filter((d) => (seen.has(d.code) ? false : (seen.add(d.code), true)));
  const projects: ProjectScore[] = [];
  dossiers.forEach((d, i) => {
    const e = evalByCode.get(d.code);
    const policy = ws.ctx.policyFor(d);
    policies.set(policy.name, policy);
    // A 自评表 is a project's dossier and evaluation in one file: its problems count once.
    const files = [...new Set([d.origin.file, ...(e ? [e.origin.file] : [])])];
    // The executed amount defaults to the last spend the monitoring checks accepted.
    const last = lastSpend.get(d.code);
    const monitoringSpend = last && { value: last.value, period: last.period.label, end: formatDate(last.period.end), ...(last.note !== undefined ? { note: last.note } : {}) };
    // The monitoring spend that would stand in for the executed amount is 10 times the budget
    // or more (元 written for 万元, docs/scoring.md#budget-execution): the row is left out, the project is not
    // scored, and the row's executed-scale error is among its input problems.
    const slips = e?.executed === undefined ? scaleSlips(d, last, diagnostics) : [];
    const p = files.some((f) => errorFiles.has(f)) || slips.length ? unscorableProject(d, e, policy) : evaluateProject({ dossier: d, evaluation: e, policy, monitoringSpend, allowMissing: opts.allowMissing });
    p.diagnostics = files.flatMap((f) => byFile.get(f) ?? []);
    p.diagnostics.push(...slips);
    projects.push(p);
    opts.onProgress?.(i + 1, dossiers.length, 'projects');
  });
  projects.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  for (const p of projects) {
    p.diagnostics = show(p.diagnostics);
    p.files = p.files.map(shown);
  }

  const names = [...new Set(projects.map((p) => p.policy))];
  const top = names.length === 1 ? policies.get(names[0])! : ws.defaultPolicy;
  const decimals = top.decimals;
  const failUnder = opts.failUnder !== undefined ? new D(opts.failUnder) : undefined;
  const report: ScoreReport = {
    command: 'score',
    policy: top.name,
    policyValues: top,
    projects,
    ranking: rank(projects),
    departments: departments(projects, decimals),
    attention: attention(projects, failUnder),
    summary: summarise(projects, decimals),
    ignoredProjects,
    diagnostics: show(diagnostics),
    batch: projects.length > 1,
    decimals,
  };
  return { report, inputs: ws.inputs };
}

/**
 * Exit code (README.md#exit-codes): 1 when a project is incomplete or invalid, an input has errors, or a
 * total is below --fail-under; else 0.
 */
export function scoreExitCode(report: ScoreReport, failUnder?: number): number {
  if (report.diagnostics.some((d) => d.severity === 'error')) return 1;
  if (report.projects.some((p) => p.status !== 'scored')) return 1;
  if (report.projects.length === 0) return 1;
  if (failUnder !== undefined) {
    const limit = new D(failUnder);
    if (report.projects.some((p) => p.total !== null && p.total.lessThan(limit))) return 1;
  }
  return 0;
}

/** The same report narrowed to one project (for --out-dir). */
export function projectReport(report: ScoreReport, project: ProjectScore): ScoreReport {
  const projects = [project];
  return {
    ...report,
    policy: project.policy,
    projects,
    ranking: rank(projects),
    departments: departments(projects, report.decimals),
    attention: attentionOf(report.attention, project.code),
    summary: summarise(projects, report.decimals),
    diagnostics: project.diagnostics,
    batch: false,
  };
}

/** A project's attention entries; indexed once per report (--out-dir asks once per project). */
function attentionOf(list: ScoreReport['attention'], code: string): ScoreReport['attention'] {
  let byCode = ATTENTION_INDEX.get(list);
  if (!byCode) {
    byCode = new Map();
    for (const a of list) {
      const entries = byCode.get(a.code);
      if (entries) entries.push(a);
      else byCode.set(a.code, [a]);
    }
    ATTENTION_INDEX.set(list, byCode);
  }
  return byCode.get(code) ?? [];
}
const ATTENTION_INDEX = new WeakMap<ScoreReport['attention'], Map<string, ScoreReport['attention']>>();

/** The file extension of each format's reports in --out-dir. */
const EXTENSIONS = { table: 'txt', markdown: 'md', json: 'json', csv: 'csv', xlsx: 'xlsx' } satisfies Record<ScoreFormatName, string>;

/** File name of a project's report in --out-dir. */
export function reportFileName(project: ProjectScore, format: ScoreFormatName): string {
  const ext = EXTENSIONS[format];
  // Codes are restricted to letters, digits, '.', '_' and '-' by the schema; basename guards anyway.
  return path.basename(`${project.code}.${ext}`);
}

/**
 * Rule and data diagnostics, positioned in their files, rendered and sorted; those of projects
 * that --project leaves out are not the run's. Data rows of projects outside the run are ignored
 * with one info line (docs/formats.md#monitoring-data-csv), or are unknown-project errors with --strict-data.
 */
function placeDiagnostics(ws: Workspace, lang: Lang, narrowed: Selection | undefined, strictData: boolean): { diagnostics: Diagnostic[]; ignoredProjects: string[]; spend: Map<string, LastSpend> } {
  const byFile = new Map(ws.files.map((f) => [f.file, f]));
  const ours = (d: Diagnostic) => narrowed === undefined || d.file === undefined || !narrowed.skippedFiles.has(d.file);
  const all: Diagnostic[] = [...ws.diagnostics, ...ws.files.flatMap((f) => f.diagnostics)].filter(ours);
  const dossiers = narrowed?.dossiers ?? ws.dossiers;
  const checked = ws.monitoring.map((m) => checkMonitoring(m.rows, dossiers, { foreign: strictData ? 'error' : 'ignore', skip: narrowed?.skipped }));
  const ignored = mergeIgnored(checked.map((c) => c.ignored));
  const found = [...runRules(ws.ctx).filter(ours), ...checked.flatMap((c) => c.diagnostics), ...(ignored.diagnostic ? [ignored.diagnostic] : [])];
  for (const d of found) {
    const { key: _key, ...diag } = d as Diagnostic & { key?: boolean };
    const f = diag.file !== undefined ? byFile.get(diag.file) : undefined;
    all.push(f ? { line: 1, column: 1, ...diag, ...positionIn(f, d) } : diag);
  }
  return { diagnostics: sortDiagnostics(renderDiagnostics(all, lang)), ignoredProjects: ignored.codes, spend: mergeSpend(checked.map((c) => c.spend)) };
}

/**
 * The executed-scale errors of a project's spend rows after its last accepted spend (or of any,
 * without one): a row the checks left out that would otherwise have stood in for the executed
 * amount.
 */
function scaleSlips(d: Dossier, last: LastSpend | undefined, diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics.filter((x) => {
    if (x.code !== 'executed-scale' || x.args?.project !== d.code) return false;
    const p = last && typeof x.args.period === 'string' ? parsePeriod(x.args.period, d.year) : undefined;
    return !last || (p !== undefined && compareDates(p.end, last.period.end) > 0);
  });
}
