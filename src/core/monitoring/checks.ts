// Data problems of monitoring CSV rows against the dossiers of the run (FORMATS.md §2.2), for
// `bpm validate` and `bpm score`: the same collector that `bpm variance` uses, so all three
// report the same problems.
import type { Diagnostic } from '../diagnostics.js';
import type { Dossier } from '../model/model.js';
import type { MonitoringRow } from './data.js';
import { ignoredDiagnostic, MonitoringCollector, type IgnoredRows, type MonitoringOptions } from './collector.js';

/**
 * The problems of one file's rows. With `foreign: 'ignore'` the rows of projects outside the run
 * are not problems: they are counted in `ignored` (a run says so once, see mergeIgnored).
 */
export function checkMonitoring(rows: readonly MonitoringRow[], dossiers: readonly Dossier[], opts: MonitoringOptions = {}): { diagnostics: Diagnostic[]; ignored: IgnoredRows } {
  // Without a dossier in the run there is nothing to check project and metric codes against
  // (validating a lone CSV file checks its syntax only).
  if (dossiers.length === 0) return { diagnostics: [], ignored: { rows: 0, projects: [] } };
  const c = new MonitoringCollector(dossiers, { ...opts, reportIgnored: false });
  for (const r of rows) c.add(r);
  // Each project's values are checked and released in turn; only the problems are kept.
  for (const _ of c.drain()) void _;
  return { diagnostics: c.problems(), ignored: c.ignored() };
}

/** The rows ignored in several files as one info line (none when nothing was ignored). */
export function mergeIgnored(list: readonly IgnoredRows[]): { diagnostic?: Diagnostic; codes: string[] } {
  const projects = new Map<string, IgnoredRows['projects'][number]>();
  let rows = 0;
  let first: IgnoredRows['first'];
  for (const ig of list) {
    rows += ig.rows;
    first ??= ig.first;
    for (const p of ig.projects) if (!projects.has(p.code)) projects.set(p.code, p);
  }
  const sorted = [...projects.values()].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  if (rows === 0) return { codes: [] };
  return { diagnostic: ignoredDiagnostic({ rows, projects: sorted, ...(first ? { first } : {}) }), codes: sorted.map((p) => p.code) };
}
