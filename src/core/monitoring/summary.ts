// The summary of a monitoring run (`summary`, docs/formats.md#variance-json): one line per project
// for the selected period (--period), else the latest period with data in the run: the worst
// status, the worst indicator, goal progress, whether the dual-monitoring flag is raised, and
// `no-data` (未报送) for a project without data in that period.
import type { PeriodVariance, ProjectVariance } from './report.js';
import type { IndicatorStatus } from './variance.js';

/** A project's status in the summary: the worst of its budget's and indicators' statuses, or no-data. */
export type SummaryStatus = IndicatorStatus | 'no-data';

export interface SummaryEntry {
  code: string;
  name: string;
  /** null when the period has values but none with a status (no spend, no indicator values). */
  status: SummaryStatus | null;
  /** The indicator with the worst status, ties broken by the lowest ratio; null without one. */
  worstIndicator: string | null;
  goalProgress: number | null;
  /** The dual-monitoring flag is raised. */
  dualGap: boolean;
}

export interface VarianceSummary {
  /** The period summarised (a label such as 2025-Q3); null when the run has no data at all. */
  period: string | null;
  projects: SummaryEntry[];
  /** Project codes of data rows outside the run, sorted (docs/formats.md#monitoring-data-csv). */
  ignoredProjects: string[];
}

/** The period the summary reads: --period's (`selected`), or the run's latest, by its end date. */
export interface SummaryAt {
  label: string;
  /** ISO date of the period end. */
  end: string;
  /** --period was given: each project's report holds that period alone (or nothing). */
  selected: boolean;
}

/** red > yellow > green > ahead (docs/formats.md#variance-json). */
const RANK: Record<IndicatorStatus, number> = { ahead: 0, green: 1, yellow: 2, red: 3 };

/** The project's period that the summary reads, if it has one. */
export function summaryPeriod(pv: ProjectVariance, at: SummaryAt | undefined): PeriodVariance | undefined {
  if (at === undefined) return undefined;
  if (at.selected) return pv.periods[pv.periods.length - 1];
  // Periods are in end order; a quarter comes after a month ending the same day: take the last.
  for (let k = pv.periods.length - 1; k >= 0; k--) {
    const end = pv.periods[k].end;
    if (end === at.end) return pv.periods[k];
    if (end < at.end) break;
  }
  return undefined;
}

export function summaryEntry(pv: ProjectVariance, per: PeriodVariance | undefined): SummaryEntry {
  if (per === undefined) return { code: pv.code, name: pv.name, status: 'no-data', worstIndicator: null, goalProgress: null, dualGap: false };
  let status: IndicatorStatus | null = per.budget.status;
  let worst: { code: string; rank: number; ratio: number } | undefined;
  for (const i of per.indicators) {
    if (i.status === null) continue;
    const rank = RANK[i.status];
    if (status === null || rank > RANK[status]) status = i.status;
    const ratio = i.ratio ?? Infinity;
    if (worst === undefined || rank > worst.rank || (rank === worst.rank && ratio < worst.ratio)) worst = { code: i.code, rank, ratio };
  }
  return {
    code: pv.code,
    name: pv.name,
    status,
    worstIndicator: worst?.code ?? null,
    goalProgress: per.goalProgress,
    dualGap: per.flags.some((f) => f.code === 'dual-monitoring-gap'),
  };
}
