// `bpm variance`: dossiers + monitoring CSV data → the quarterly monitoring report (docs/formats.md#variance-json).
// Monitoring files (--data, and CSV files found beside the dossiers) are streamed row by row
// into the collector, so a file of a million rows never sits in memory; the report's projects
// are then computed one at a time, as the formatter asks for them.
import { sortDiagnostics, type Diagnostic } from '../../core/diagnostics.js';
import { runRules } from '../../core/rules/run.js';
import type { Dossier } from '../../core/model/model.js';
import { MonitoringCollector } from '../../core/monitoring/collector.js';
import { flat } from '../../core/monitoring/store.js';
import { summaryEntry, summaryPeriod, type SummaryAt, type SummaryEntry } from '../../core/monitoring/summary.js';
import { formatDate, parsePeriod, type ReportPeriod } from '../../core/model/periods.js';
import { atOrAbove, worse, worstStatus, type Status } from '../../core/monitoring/variance.js';
import { projectReport, type ProjectVariance } from '../../core/monitoring/report.js';
import type { VarianceReport } from '../../core/report.js';
import { narrowRun } from '../../cli/projects.js';
import { UsageError } from '../../errors.js';
import type { Lang, MessageKey } from '../../i18n/index.js';
import { renderDiagnostics } from '../../i18n/render.js';
import { streamMonitoringCsv } from '../../io/csv.js';
import { discover } from '../../io/discover.js';
import { loadWorkspace, positionIn, shownFile, showFiles, type LoadedFile, type LoadOptions } from '../../io/workspace.js';
import type { MonitoringRow } from '../../core/monitoring/data.js';
import { readDataWorkbook } from '../../io/workbook-files.js';

export interface VarianceOptions extends LoadOptions {
  paths: string[];
  /** --data files (or globs); CSV files found among `paths` are read too. */
  data?: string[];
  /** --period: `2025-Q3`, `Q3` (each dossier's year) or `2025-07`. */
  period?: string;
  /** --increments: values are per-period amounts. */
  increments?: boolean;
  /** --project (repeatable): only these projects of the loaded dossiers. */
  projects?: string[];
  /** --strict-data: rows for projects outside the run are `unknown-project` errors, not ignored. */
  strictData?: boolean;
  /**
   * `last`: the periods before each project's last carry their budget row only (what the table
   * and markdown formats show of them). The worst status then covers those rows and the last
   * period: --fail-on needs `all`.
   */
  detail?: 'all' | 'last';
  /** Every period with the exact engine alone (BPM_EXACT=1). */
  exact?: boolean;
  lang: Lang;
}

export interface VarianceRun {
  report: VarianceReport;
  /** Absolute paths of every input (dossiers and monitoring files): -o must not replace one. */
  inputs: string[];
  /** After the report has been consumed: the worst status seen, and the count of error diagnostics. */
  outcome(): { worst: Status | null; errors: number };
}

export type { VarianceReport };

export async function variance(opts: VarianceOptions): Promise<VarianceRun> {
  if (opts.period !== undefined && parsePeriod(opts.period, 2000) === undefined) {
    throw new UsageError('invalid-option', { option: '--period', value: opts.period });
  }
  const ws = await loadWorkspace(opts.paths, { ...opts, readCsv: false });
  if (ws.dossiers.length === 0) throw new UsageError('variance-no-dossiers', { paths: opts.paths.length ? opts.paths.join(' ') : '.' });
  const narrowed = narrowRun(ws.dossiers, ws.evaluations, opts.projects, ws.invalidDossierFiles);
  const dossiers = narrowed?.dossiers ?? ws.dossiers;

  // --data first, then monitoring files found beside the dossiers; a file named twice is read
  // once. CSV files are streamed; a workbook's monitoring sheets come as rows (`rows`).
  const sources: { abs: string; file: string; rows?: MonitoringRow[] }[] = [];
  const seen = new Set<string>();
  // Sheets of workbooks, by file key: where their rows' problems are.
  const sheets = new Map<string, LoadedFile>();
  for (const f of ws.files) if (f.rowCell) sheets.set(f.file, f);
  const inputDiagnostics: Diagnostic[] = [...ws.diagnostics];
  const loaded = new Map<string, typeof ws.monitoring>();
  for (const m of ws.monitoring) loaded.set(m.abs, [...(loaded.get(m.abs) ?? []), m]);
  for (const arg of opts.data ?? []) {
    const { files } = await discover([arg], { cwd: opts.cwd, extensions: ['.csv', '.xlsx'] });
    for (const f of files) {
      if (seen.has(f.abs)) continue;
      seen.add(f.abs);
      if (!f.abs.toLowerCase().endsWith('.xlsx')) sources.push({ abs: f.abs, file: f.display });
      else if (loaded.has(f.abs)) for (const m of loaded.get(f.abs)!) sources.push(m);
      else {
        const wb = await readDataWorkbook(f.abs, f.display);
        // Its monitoring sheets are the data; forms in the same workbook are not this run's inputs.
        for (const part of wb.files) {
          if (part.rowCell) sheets.set(part.file, part);
          if (part.rowCell || part.kind === null) inputDiagnostics.push(...part.diagnostics);
        }
        for (const m of wb.monitoring) sources.push(m);
      }
    }
  }
  for (const m of ws.monitoring) {
    if (seen.has(m.abs) && !m.abs.toLowerCase().endsWith('.xlsx')) continue;
    if (sources.includes(m)) continue;
    seen.add(m.abs);
    sources.push(m.abs.toLowerCase().endsWith('.xlsx') ? m : { abs: m.abs, file: m.file });
  }
  const known = new Set(ws.inputs);
  for (const s of sources) if (!known.has(s.abs)) (known.add(s.abs), ws.inputs.push(s.abs));

  const collector = new MonitoringCollector(dossiers, { increments: opts.increments, foreign: opts.strictData ? 'error' : 'ignore', skip: narrowed?.skipped });
  // Problems of the projects --project leaves out are not this run's.
  const ours = (d: Diagnostic) => narrowed === undefined || d.file === undefined || !narrowed.skippedFiles.has(d.file);
  // The input files' problems, warnings too (as validate and score show them): documents that
  // could not be loaded explain why their rows meet `unknown-project`.
  for (const f of ws.files) inputDiagnostics.push(...f.diagnostics.filter(ours));
  // A dossier that breaks a semantic rule (sources that do not add up, say) is still monitored,
  // but the run says so and, with an error, does not pass.
  const byFile = new Map(ws.files.map((f) => [f.file, f]));
  for (const { key, ...d } of runRules(ws.ctx)) {
    if (!ours(d)) continue;
    const f = byFile.get(d.file ?? '');
    inputDiagnostics.push({ line: 1, column: 1, ...d, ...(f ? positionIn(f, { ...d, key }) : {}) });
  }
  // The sheets of workbooks with several forms, to name the workbook in the report.
  const named = { files: [...ws.files.filter((f) => f.shown !== undefined), ...[...sheets.values()].filter((f) => f.shown !== undefined)] };
  const shown = shownFile(named);
  // What the run still needs from the workspace: the dossiers (held by the collector), the
  // policies and the input paths. The per-file records go, so that thousands of dossiers
  // take less memory while a big monitoring file streams.
  const inputs = ws.inputs;
  const policyFor = ws.ctx.policyFor;
  ws.files = [];
  for (const d of dossiers) detach(d);
  for (const s of sources) {
    if (s.rows) {
      for (const row of s.rows) collector.add(row);
      continue;
    }
    const res = await streamMonitoringCsv(s.abs, s.file, { encoding: opts.encoding }, (row) => collector.add(row));
    inputDiagnostics.push(...res.diagnostics);
  }

  let worst: Status | null = null;
  let diagnostics: Diagnostic[] | undefined;
  const pick = periodFilter(opts.period);
  // For --period: which periods the data has, to say so when the one asked for has none.
  const seenPeriods = new Set<string>();
  let reported = 0;
  // The summary's period, known before any project is computed, so that each project's status
  // can be written as it streams: --period's, else the latest period with data in the run.
  const at = summaryAt(opts.period, opts.period === undefined ? collector.latestPeriod() : undefined, dossiers);
  const entries: SummaryEntry[] = [];
  function* projects(): Generator<ProjectVariance> {
    for (const obs of collector.drain()) {
      if (seenPeriods.size < 100) for (const p of obs.periods) seenPeriods.add(p.period.label);
      const pv = projectReport(obs, policyFor(obs.dossier), { period: pick?.(obs.dossier), detail: opts.detail, exact: opts.exact });
      pv.file = shown(pv.file);
      const entry = summaryEntry(pv, summaryPeriod(pv, at));
      pv.status = entry.status;
      entries.push(entry);
      if (pv.periods.length > 0) reported++;
      worst = worse(worst, worstStatus([pv]));
      // 未报送 counts as red for --fail-on (docs/formats.md#monitoring-data-csv).
      if (entry.status === 'no-data') worst = worse(worst, 'red');
      yield pv;
    }
  }
  const dossierOf = new Map(dossiers.map((d) => [d.code, d]));
  const report: VarianceReport = {
    command: 'variance',
    projects: projects(),
    dossier: (code) => dossierOf.get(code),
    get summary() {
      return { period: at?.label ?? null, projects: entries, ignoredProjects: collector.ignored().projects.map((p) => p.code) };
    },
    get diagnostics() {
      if (diagnostics === undefined) {
        const extra: Diagnostic[] = [];
        if (opts.period !== undefined && reported === 0 && seenPeriods.size > 0) {
          const periods = [...seenPeriods].sort();
          extra.push({ code: 'period-no-data' satisfies MessageKey, severity: 'warning', args: { period: opts.period, periods: periods.length > 8 ? `${periods.slice(0, 8).join(', ')} …` : periods.join(', ') } });
        }
        // A problem of a workbook's row is at its sheet and cell.
        const problems = collector.problems().map((d) => {
          const sheet = d.file !== undefined ? sheets.get(d.file) : undefined;
          return sheet ? { ...d, ...positionIn(sheet, d) } : d;
        });
        diagnostics = sortDiagnostics(renderDiagnostics(showFiles(named)([...inputDiagnostics, ...problems, ...extra]), opts.lang));
      }
      return diagnostics;
    },
  };
  return {
    report,
    inputs,
    outcome: () => ({ worst, errors: report.diagnostics.filter((d) => d.severity === 'error').length }),
  };
}

/**
 * The period of the summary: --period (a bare `Q3` in the first project's year), else the latest
 * period of the run's data; undefined when there is none.
 */
function summaryAt(period: string | undefined, latest: ReportPeriod | undefined, dossiers: readonly Dossier[]): SummaryAt | undefined {
  if (period !== undefined) {
    const p = parsePeriod(period, dossiers[0]?.year ?? new Date().getFullYear());
    return p === undefined ? undefined : { label: p.label, end: formatDate(p.end), selected: true };
  }
  return latest === undefined ? undefined : { label: latest.label, end: formatDate(latest.end), selected: false };
}

/** The --period filter for one dossier (a bare `Q3` means the dossier's year). */
function periodFilter(text: string | undefined): ((d: Dossier) => (p: ReportPeriod) => boolean) | undefined {
  if (text === undefined) return undefined;
  return (d) => {
    const want = parsePeriod(text, d.year)?.label;
    return (p) => p.label === want;
  };
}

/**
 * Exit code (README.md#exit-codes): 1 when a status is at or above --fail-on, or when rows had to be
 * excluded (an error diagnostic: the report is incomplete); else 0.
 */
export function varianceExitCode(outcome: { worst: Status | null; errors: number }, failOn: 'red' | 'yellow' | undefined): number {
  if (outcome.errors > 0) return 1;
  if (failOn !== undefined && atOrAbove(outcome.worst, failOn)) return 1;
  return 0;
}

/**
 * The dossier's longer texts as strings of their own: the YAML parser cuts them out of the
 * file's text, and V8 keeps such a substring as a view that holds the whole file (about 5 KB
 * for a dossier) alive. Thousands of dossiers in a streamed run need not keep their sources.
 */
function detach(d: Dossier): void {
  d.name = flat(d.name);
  d.goal = flat(d.goal);
  d.department = flat(d.department);
  if (d.unit !== undefined) d.unit = flat(d.unit);
  if (d.category !== undefined) d.category = flat(d.category);
  for (const i of d.indicators) {
    i.name = flat(i.name);
    i.targetText = flat(i.targetText);
    if (i.unit !== undefined) i.unit = flat(i.unit);
  }
  for (const a of d.adjustments) {
    if (a.reason !== undefined) a.reason = flat(a.reason);
    if (a.approvedBy !== undefined) a.approvedBy = flat(a.approvedBy);
  }
  d.budget.sources = d.budget.sources.map((s) => ({ ...s, name: flat(s.name) }));
}
