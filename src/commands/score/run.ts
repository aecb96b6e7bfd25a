// `bpm score`: load → validate (schema + semantic rules) → score every valid project → one
// ScoreReport. Projects whose dossier or evaluation has errors are reported as `invalid` and not
// scored; the others are. Writing (stdout, -o, --out-dir) is left to the caller.
import path from 'node:path';
import { attention, departments, rank, summarise } from '../../core/application/batch.js';
import { D, type Dec } from '../../core/decimal.js';
import { sortDiagnostics, type Diagnostic } from '../../core/diagnostics.js';
import { checkMonitoring, mergeIgnored } from '../../core/monitoring/checks.js';
import type { Selection } from '../../core/model/select.js';
import { narrowRun } from '../../cli/projects.js';
import { isSpendMetric } from '../../core/monitoring/collector.js';
import type { Dossier, Evaluation } from '../../core/model/model.js';
import { parsePeriod, compareDates } from '../../core/model/periods.js';
import { EXECUTED_SCALE, type Policy } from '../../core/model/policy.js';
import { inForce } from '../../core/model/adjust.js';
import type { MonitoringSpend } from '../../core/scoring/execution.js';
import { runRules } from '../../core/rules/run.js';
import type { ProjectScore, ScoreReport } from '../../core/scoring/types.js';
import { evaluateProject } from '../../core/application/evaluate.js';
import { unscorableProject } from '../../core/scoring/project.js';
import type { ScoreFormatName } from '../../formats/names.js';
import type { Lang } from '../../i18n/index.js';
import { renderDiagnostics } from '../../i18n/render.js';
import type { MonitoringRow } from '../../io/csv.js';
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
  workspace: Workspace;
}

export async function score(opts: ScoreOptions): Promise<ScoreResult> {
  const paths = [...(opts.paths.length ? opts.paths : ['.']), ...(opts.data ?? [])];
  const onFile = opts.onProgress ? (done: number, total: number) => opts.onProgress!(done, total, 'files') : undefined;
  const ws = await loadWorkspace(paths, { ...opts, readCsv: true, onFile });
  const narrowed = narrowRun(ws.dossiers, ws.evaluations, opts.projects, ws.invalidDossierFiles);
  const { diagnostics, ignoredProjects } = placeDiagnostics(ws, opts.lang, narrowed, opts.strictData === true);
  // Diagnostics by file, so that attaching them to projects stays linear in a large batch.
  const byFile = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) {
    if (d.file === undefined) continue;
    const list = byFile.get(d.file);
    if (list) list.push(d);
    else byFile.set(d.file, [d]);
  }
  const errorFiles = new Set(diagnostics.filter((d) => d.severity === 'error' && d.file !== undefined).map((d) => d.file as string));

  const evalByCode = new Map<string, Evaluation>();
  for (const e of ws.evaluations) if (!evalByCode.has(e.project)) evalByCode.set(e.project, e);
  const spend = lastSpend(ws);
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
    const monitoringSpend = spend(d);
    // The monitoring spend that would stand in for the executed amount is 10 times the budget
    // or more (元 written for 万元, FORMATS.md v1.1 §3): the project is not scored, and the
    // monitoring rows' executed-scale errors are among its input problems.
    const slip = e?.executed === undefined && scaleSlip(d, monitoringSpend);
    const p = files.some((f) => errorFiles.has(f)) || slip ? unscorableProject(d, e, policy) : evaluateProject({ dossier: d, evaluation: e, policy, monitoringSpend, allowMissing: opts.allowMissing });
    p.diagnostics = files.flatMap((f) => byFile.get(f) ?? []);
    if (slip) p.diagnostics.push(...diagnostics.filter((x) => x.code === 'executed-scale' && x.args?.project === d.code));
    projects.push(p);
    opts.onProgress?.(i + 1, dossiers.length, 'projects');
  });
  projects.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  // A sheet of a workbook with several forms is named by the workbook in the report.
  const shown = shownFile(ws);
  for (const p of projects) {
    p.diagnostics = showFiles(p.diagnostics, ws);
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
    diagnostics: showFiles(diagnostics, ws),
    batch: projects.length > 1,
    decimals,
  };
  return { report, workspace: ws };
}

/**
 * Exit code (FORMATS.md §4): 1 when a project is incomplete or invalid, an input has errors, or a
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
 * with one info line (FORMATS.md v1.1 §2.4), or are unknown-project errors with --strict-data.
 */
function placeDiagnostics(ws: Workspace, lang: Lang, narrowed: Selection | undefined, strictData: boolean): { diagnostics: Diagnostic[]; ignoredProjects: string[] } {
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
  return { diagnostics: sortDiagnostics(renderDiagnostics(all, lang)), ignoredProjects: ignored.codes };
}

/** Whether the monitoring spend is 10 times the budget in force or more (an executed-scale row). */
function scaleSlip(d: Dossier, spend: MonitoringSpend | undefined): boolean {
  if (spend === undefined) return false;
  const budget = inForce(d).budgetTotal;
  return !budget.isZero() && spend.value.greaterThanOrEqualTo(budget.times(EXECUTED_SCALE));
}

/** The last cumulative spend per project in the monitoring rows (FORMATS.md §1.2 default). */
function lastSpend(ws: Workspace): (d: Dossier) => { value: Dec; period: string; note?: string } | undefined {
  const rows = new Map<string, MonitoringRow[]>();
  for (const m of ws.monitoring) {
    for (const r of m.rows) {
      if (r.value === null || !isSpendMetric(r.metric)) continue;
      const list = rows.get(r.project);
      if (list) list.push(r);
      else rows.set(r.project, [r]);
    }
  }
  // A batch repeats the same few period texts (2025-Q1 … 2025-Q4) for every project: each is
  // parsed once per year.
  const periods = new Map<string, ReturnType<typeof parsePeriod>>();
  const period = (text: string, year: number) => {
    const key = `${year}\u0000${text}`;
    let p = periods.get(key);
    if (p === undefined && !periods.has(key)) periods.set(key, (p = parsePeriod(text, year)));
    return p;
  };
  return (d) => {
    let best: { row: MonitoringRow; end: ReturnType<typeof parsePeriod> } | undefined;
    for (const row of rows.get(d.code) ?? []) {
      const p = period(row.period, d.year);
      if (!p) continue;
      if (!best || compareDates(p.end, best.end!.end) > 0) best = { row, end: p };
    }
    return best ? { value: new D(best.row.value!), period: best.end!.label, note: best.row.note } : undefined;
  };
}
