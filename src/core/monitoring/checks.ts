// Data problems of monitoring CSV rows against the dossiers of the run (docs/rules.md#monitoring-data), for
// `bpm validate` and `bpm score`: the same collector that `bpm variance` uses, so all three
// report the same problems, and score takes a default executed amount only from a row the
// checks accepted.
import type { Dec } from '../decimal.js';
import type { Diagnostic } from '../diagnostics.js';
import type { Dossier } from '../model/model.js';
import { compareDates, type ReportPeriod } from '../model/periods.js';
import type { MonitoringRow } from './data.js';
import { ignoredDiagnostic, MonitoringCollector, type IgnoredRows, type MonitoringOptions, type PeriodObservations } from './collector.js';

/**
 * The problems of one file's rows. With `foreign: 'ignore'` the rows of projects outside the run
 * are not problems: they are counted in `ignored` (a run says so once, see mergeIgnored).
 */
export function checkMonitoring(rows: readonly MonitoringRow[], dossiers: readonly Dossier[], opts: MonitoringOptions = {}): MonitoringCheck {
  // Without a dossier in the run there is nothing to check project and metric codes against
  // (validating a lone CSV file checks its syntax only).
  if (dossiers.length === 0) return { diagnostics: [], ignored: { rows: 0, projects: [] }, spend: new Map() };
  // (Object.assign, not { ...opts, reportIgnored }: one hidden class for every project's options, see src/core/shapes.ts)
  const c = new MonitoringCollector(dossiers, Object.assign({}, opts, { reportIgnored: false }));
  for (const r of rows) c.add(r);
  // Each project's values are checked and released in turn; only the problems and the last
  // accepted spend are kept.
  const spend = new Map<string, LastSpend>();
  for (const p of c.drain({ withoutData: false })) {
    const last = lastSpendOf(p.periods);
    if (last) spend.set(p.dossier.code, last);
  }
  return { diagnostics: c.problems(), ignored: c.ignored(), spend };
}

export interface MonitoringCheck {
  diagnostics: Diagnostic[];
  ignored: IgnoredRows;
  /** By project code: the cumulative spend of the last period whose spend row the checks accepted. */
  spend: Map<string, LastSpend>;
}

/** A project's last accepted cumulative spend: what stands in for an executed amount an evaluation does not give. */
export interface LastSpend {
  value: Dec;
  period: ReportPeriod;
  note?: string;
}

function lastSpendOf(periods: readonly PeriodObservations[]): LastSpend | undefined {
  for (let i = periods.length - 1; i >= 0; i--) {
    const s = periods[i].spend;
    if (s) return { value: s.value, period: periods[i].period, ...(s.note !== undefined ? { note: s.note } : {}) };
  }
  return undefined;
}

/** The later of each project's last spend in several files (the first file's on a tie). */
export function mergeSpend(list: readonly Map<string, LastSpend>[]): Map<string, LastSpend> {
  const out = new Map<string, LastSpend>();
  for (const m of list) {
    for (const [code, s] of m) {
      const had = out.get(code);
      if (!had || compareDates(s.period.end, had.period.end) > 0) out.set(code, s);
    }
  }
  return out;
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
