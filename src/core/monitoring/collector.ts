// Monitoring data against the dossiers of a run (docs/formats.md#monitoring-data-csv): rows in, per-project and
// per-period observations out, and every data problem of §2.2 as a diagnostic with file:line.
// Rows are fed one at a time (`add`), so that a file of a million rows can be streamed: per
// project × metric × period only the value, its line and its note are kept. A bad row is
// reported and excluded; it never stops the good rows, and nothing is dropped silently.
import { inForce } from '../model/adjust.js';
import { D, type Dec } from '../decimal.js';
import type { Args, Diagnostic } from '../diagnostics.js';
import { sortDiagnostics } from '../diagnostics.js';
import type { Dossier, Indicator } from '../model/model.js';
import type { MonitoringRow } from './data.js';
import { compareDates, formatDate, monthsInPeriod, parseDate, parsePeriod, type ReportPeriod, type YMD } from '../model/periods.js';
import { EXECUTED_SCALE } from '../model/policy.js';
import { flat, Store } from './store.js';
import { suggest } from '../suggest.js';
import { mapped } from '../shapes.js';

/** The metric name of cumulative spending (执行数) and the names accepted for it. */
const SPEND = 'spend';
const SPEND_ALIASES = new Set(['spend', '执行数', '累计执行数', '预算执行数', '资金执行数', '支出', '支出数']);

/** Whether a CSV metric names cumulative spending (`spend` or one of its Chinese names). */
export function isSpendMetric(metric: string): boolean {
  return SPEND_ALIASES.has(metric.trim().toLowerCase());
}

/** Every diagnostic code the collector reports (their messages are in the variance catalog). */
export const MONITORING_CODES = [
  'unknown-project',
  'ignored-projects',
  'unknown-metric',
  'metric-qualitative',
  'period-invalid',
  'period-outside',
  'duplicate-row',
  'cumulative-decrease',
  'spend-over-budget',
  'executed-scale',
  'project-period-invalid',
  'value-percent-unit',
  'value-percent-range',
  'value-negative',
  'monitoring-too-many-problems',
] as const;
export type DataProblemCode = (typeof MONITORING_CODES)[number];

/** At most this many monitoring diagnostics per file; the rest are counted in one more. */
export const MAX_MONITORING_DIAGNOSTICS = 10_000;

export interface MonitoringOptions {
  /** `--increments`: values are per-period amounts; cumulative metrics are summed over periods. */
  increments?: boolean;
  /**
   * Rows for a project that is not in the run (docs/formats.md#monitoring-data-csv): `error` (validate, and
   * `--strict-data`): one `unknown-project` error per row; `ignore` (variance, score): counted,
   * and reported once as the info line `ignored-projects` (see ignored()).
   */
  foreign?: 'error' | 'ignore';
  /** Project codes (lower-cased) loaded but left out of the run by --project: their rows are skipped silently. */
  skip?: ReadonlySet<string>;
  /** With `foreign: 'ignore'`: whether problems() carries the info line (a caller that merges several collectors says it once). */
  reportIgnored?: boolean;
}

/** Rows ignored because their project is not in the run: how many, and for which codes. */
export interface IgnoredRows {
  rows: number;
  /** Codes as written, sorted, each with the code of the run it most resembles (a likely typo). */
  projects: { code: string; suggestion?: string }[];
  /** Where the first such row is. */
  first?: { file: string; line: number };
}

/** An accepted value: cumulative (after summing increments) for spend and cumulative indicators. */
export interface Observation {
  /** The value as a double: the nearest double to `value`, and exactly its text when `faithful`. */
  readonly num: number;
  /** Whether `num` stands for the exact value (String(num) is its decimal text): fast paths may use it. */
  readonly faithful: boolean;
  /** The exact value (made on demand). */
  readonly value: Dec;
  readonly note?: string;
  readonly file: string;
  readonly line: number;
}

/**
 * An observation held as a double (8 bytes, no decimal object) when the double is faithful;
 * the exact decimal is made only if asked for.
 */
class Value implements Observation {
  readonly note?: string;
  readonly faithful: boolean;
  private exact: Dec | undefined;
  constructor(
    readonly num: number,
    exact: Dec | undefined,
    readonly file: string,
    readonly line: number,
    note: string | undefined,
  ) {
    this.exact = exact;
    this.faithful = exact === undefined;
    if (note !== undefined) this.note = note;
  }

  get value(): Dec {
    return (this.exact ??= new D(this.num));
  }
}

export interface PeriodObservations {
  period: ReportPeriod;
  spend?: Observation;
  /** By indicator code. */
  indicators: Map<string, Observation>;
}

export interface ProjectObservations {
  dossier: Dossier;
  /** Periods with at least one accepted value, by end date (a month before a quarter ending the same day). */
  periods: PeriodObservations[];
}

export interface MonitoringResult {
  projects: ProjectObservations[];
  diagnostics: Diagnostic[];
}

interface ProjectAcc {
  dossier: Dossier;
  start: YMD;
  end: YMD;
  /** Rows by period and metric; released once the project is finished. */
  store: Store | null;
  /** Metric (SPEND, then the dossier's indicator codes) → column in the store. */
  column: Map<string, number>;
  /** Indicator codes, lower-cased, for case-insensitive matching. */
  codes: Map<string, Indicator>;
  /** Metric names as written in the file → what they resolve to (a million rows repeat a few names). */
  metrics: Map<string, Metric>;
  /** Set once the project's rows are checked (see MonitoringCollector.check). */
  checked?: Checked;
}

/** A checked project: its periods in end order (with their store index), and the slots left out. */
interface Checked {
  order: { p: ReportPeriod; k: number }[];
  rejected: Set<number>;
}

const SCALE = new D(EXECUTED_SCALE);

/**
 * A stored value as a double and, when the double cannot stand for it, as an exact decimal; with
 * --increments (`sums`), a cumulative metric's running sum: the previous kept value plus this one.
 */
function valueAt(store: Store, slot: number, last: { num: number; value: Dec | undefined } | undefined, sums: boolean): { num: number; exact: Dec | undefined } {
  const stored = store.number(slot);
  let exact: Dec | undefined = Number.isNaN(stored) ? store.decimal(slot) : undefined;
  if (sums && last) exact = (last.value ?? new D(last.num)).plus(exact ?? new D(stored));
  else if (sums) exact ??= new D(stored);
  return { num: exact === undefined ? stored : exact.toNumber(), exact };
}

/** A metric name resolved for a project: spend, an indicator, or a problem to report. */
type Metric =
  | { kind: 'spend' }
  | { kind: 'indicator'; metric: string; column: number; indicator: Indicator; percentUnit: boolean }
  | { kind: 'unknown'; metric: string }
  | { kind: 'qualitative'; metric: string; noTarget: boolean };

/** Dossiers by code and by lower-cased code (the first of each), built once per dossier list. */
interface DossierIndex {
  byCode: Map<string, Dossier>;
  byLowerCode: Map<string, Dossier>;
}

// validate and score make one collector per monitoring CSV file, and a batch of 10,000 project
// folders has 10,000 of them: indexing every dossier in each constructor made that quadratic.
const INDEXES = new WeakMap<readonly Dossier[], DossierIndex>();

function indexDossiers(dossiers: readonly Dossier[]): DossierIndex {
  let index = INDEXES.get(dossiers);
  if (index) return index;
  index = { byCode: new Map(), byLowerCode: new Map() };
  for (const d of dossiers) {
    if (!index.byCode.has(d.code)) index.byCode.set(d.code, d);
    const lower = d.code.toLowerCase();
    if (!index.byLowerCode.has(lower)) index.byLowerCode.set(lower, d);
  }
  INDEXES.set(dossiers, index);
  return index;
}

/** Collects rows for a run's dossiers; call `add` for each row, then `finish` once. */
export class MonitoringCollector {
  private readonly byCode: Map<string, Dossier>;
  private readonly byLowerCode: Map<string, Dossier>;
  private readonly projects = new Map<string, ProjectAcc>();
  private readonly files: string[] = [];
  private readonly fileIndex = new Map<string, number>();
  private readonly diagnostics: Diagnostic<DataProblemCode>[] = [];
  private readonly perFile = new Map<string, { count: number; omitted: number; lastLine: number }>();
  private readonly unknownProjects = new Map<string, string | undefined>();
  private readonly ignoredCodes = new Map<string, number>();
  private ignoredFirst: { file: string; line: number } | undefined;
  private ignoredRows = 0;
  private readonly periodCache = new Map<string, ReportPeriod | null>();
  private lastProject: string | undefined;
  private lastDossier: Dossier | undefined;
  private lastAcc: ProjectAcc | null = null;
  private lastPeriodAcc: ProjectAcc | null = null;
  private lastPeriodText: string | undefined;
  private lastPeriod: ReportPeriod | null = null;
  private lastPeriodOutside = false;
  private lastPeriodIndex = -1;
  private lastFile: string | undefined;
  private lastFileIndex = -1;

  constructor(
    dossiers: readonly Dossier[],
    private readonly opts: MonitoringOptions = {},
  ) {
    // The index is shared, never written to: the dossier list of a run does not change.
    ({ byCode: this.byCode, byLowerCode: this.byLowerCode } = indexDossiers(dossiers));
  }

  add(row: MonitoringRow): void {
    // A value that is empty or not a number was reported by the CSV reader: nothing to keep.
    if (row.value === null) return;
    // A million rows come in runs of the same project and period (a project's metrics of one
    // month): the last project and the last period text are resolved once per run, with no
    // per-project cache (memory). The checks and their order are those of docs/rules.md#monitoring-data
    // (unknown project, broken project period, unknown metric, qualitative metric, bad period,
    // period outside, duplicate).
    let dossier: Dossier | undefined;
    let acc: ProjectAcc | null;
    if (row.project === this.lastProject && this.lastDossier !== undefined) {
      dossier = this.lastDossier;
      acc = this.lastAcc;
    } else {
      dossier = this.byCode.get(row.project) ?? this.byLowerCode.get(row.project.toLowerCase());
      if (!dossier) {
        if (this.opts.skip?.has(row.project.toLowerCase())) return;
        if (this.opts.foreign === 'ignore') {
          // A bureau-wide file holds many projects outside the run: counted, not reported per row.
          this.ignoredRows++;
          this.ignoredFirst ??= { file: row.file, line: row.line };
          const n = this.ignoredCodes.get(row.project);
          if (n === undefined) this.ignoredCodes.set(flat(row.project), 1);
          else this.ignoredCodes.set(row.project, n + 1);
          return;
        }
        let suggestion = this.unknownProjects.get(row.project);
        if (!this.unknownProjects.has(row.project)) {
          suggestion = suggest(row.project, this.byCode.keys());
          this.unknownProjects.set(flat(row.project), suggestion);
        }
        this.report(row, 'unknown-project', { project: row.project, suggestion });
        return;
      }
      acc = this.project(dossier);
      this.lastProject = row.project;
      this.lastDossier = dossier;
      this.lastAcc = acc;
    }
    if (!acc) {
      // The dossier's own period is broken (reported by validate's period-dates rule).
      this.report(row, 'project-period-invalid', { project: dossier.code });
      return;
    }
    // The metric: spend (any of its names) or an indicator code, case-insensitively.
    let m = acc.metrics.get(row.metric);
    if (m === undefined) {
      m = resolveMetric(acc, row.metric);
      if (acc.metrics.size < 1000) acc.metrics.set(flat(row.metric), m);
    }
    if (m.kind === 'unknown') {
      const names = [SPEND, ...dossier.indicators.map((i) => i.code)];
      this.report(row, 'unknown-metric', { project: dossier.code, metric: row.metric, suggestion: suggest(row.metric, names) });
      return;
    }
    if (m.kind === 'qualitative') {
      this.report(row, 'metric-qualitative', { project: dossier.code, metric: m.metric, ...(m.noTarget ? { variant: 'no-target' } : {}) }, 'warning');
      return;
    }
    const metric = m.kind === 'spend' ? SPEND : m.metric;
    const column = m.kind === 'spend' ? 0 : m.column;
    const indicator = m.kind === 'spend' ? undefined : m;
    // The period: the same text as the row before for the same project, or parsed (cached by
    // year and text) and checked against the project period.
    if (acc !== this.lastPeriodAcc || row.period !== this.lastPeriodText) {
      const p = this.period(row.period, dossier.year);
      this.lastPeriodAcc = acc;
      this.lastPeriodText = row.period;
      this.lastPeriod = p;
      this.lastPeriodOutside = p !== null && (compareDates(p.end, acc.start) < 0 || compareDates(periodStart(p), acc.end) > 0);
      this.lastPeriodIndex = -1;
    }
    const period = this.lastPeriod;
    if (!period) {
      this.report(row, 'period-invalid', { period: row.period });
      return;
    }
    if (this.lastPeriodOutside) {
      this.report(row, 'period-outside', { project: dossier.code, period: period.label, start: dossier.period.start, end: dossier.period.end });
      return;
    }
    const store = acc.store!;
    if (this.lastPeriodIndex < 0) this.lastPeriodIndex = store.period(period);
    const slot = this.lastPeriodIndex * store.width + column;
    if (store.has(slot)) {
      this.report(row, 'duplicate-row', { project: dossier.code, period: period.label, metric, firstFile: this.files[store.file(slot)], firstLine: store.line(slot) });
      return;
    }
    // Plausibility of an accepted value against the indicator's unit (data quality, seed §五):
    // kept, but worth a word. Values are canonical decimal text: sign and range read off it.
    if (indicator && row.value !== null) {
      const percentUnit = indicator.percentUnit;
      const code =
        row.percent && !percentUnit
          ? 'value-percent-unit'
          : percentUnit && (row.value.startsWith('-') || Number(row.value) > 100)
            ? 'value-percent-range'
            : !percentUnit && row.value.startsWith('-')
              ? 'value-negative'
              : undefined;
      if (code !== undefined) this.report(row, code, { project: dossier.code, metric, value: row.value, unit: indicator.indicator.unit ?? '' }, 'warning');
    }
    store.set(slot, row.value, this.file(row.file), row.line, row.note);
  }

  /** Every project's observations, then the diagnostics: for a list of rows held in memory. */
  finish(): MonitoringResult {
    const projects = [...this.drain()];
    return { projects, diagnostics: this.problems() };
  }

  /**
   * Every project of the run, by code, one at a time: each project's rows are turned into exact
   * decimals only when it is reached and released after, so that a streamed run never holds
   * more than one project's decimals. Checks that need every period of a metric (a cumulative
   * value that falls, spend above the budget) are made here; `problems()` is complete after.
   * A project of the run without any accepted row comes with no periods (docs/formats.md#monitoring-data-csv:
   * 未报送, never silently left out).
   */
  *drain(opts: { withoutData?: boolean } = {}): Generator<ProjectObservations> {
    // The checks of one file's rows (withoutData: false) need only the projects it has rows of:
    // score checks each project's file against the whole run, and listing the run's every
    // project for each file would make a batch quadratic.
    const codes = (opts.withoutData === false ? [...this.projects.keys()] : [...new Set([...this.byCode.keys(), ...this.projects.keys()])]).sort(cmp);
    for (const code of codes) {
      const acc = this.projects.get(code);
      if (acc === undefined) {
        yield { dossier: this.byCode.get(code)!, periods: [] };
        continue;
      }
      const p = this.finishProject(acc);
      acc.store = null;
      acc.checked = undefined;
      yield p;
    }
  }

  /**
   * The latest period with data in the run (by end date; a quarter after a month that ends the
   * same day): rows left out by the checks of a project's every period (check) do not count.
   * Undefined when the data has no row for the run. Asked before any project is computed.
   */
  latestPeriod(): ReportPeriod | undefined {
    let latest: ReportPeriod | undefined;
    for (const acc of this.projects.values()) {
      const store = acc.store;
      if (store === null) continue;
      // The project's periods from the last; one that cannot beat the latest so far ends the search.
      const order = mapped(store.periods, (p, k) => ({ p, k })).sort((a, b) => comparePeriods(b.p, a.p));
      for (const { p, k } of order) {
        if (latest !== undefined && comparePeriods(p, latest) <= 0) break;
        if (this.keptAt(acc, k)) {
          latest = p;
          break;
        }
      }
    }
    return latest;
  }

  /**
   * Whether a project keeps a row of the period with store index `k`: a level indicator's row is
   * never left out by the checks of every period; spend and cumulative rows are looked up in
   * the project's check (made only when no level row answers).
   */
  private keptAt(acc: ProjectAcc, k: number): boolean {
    const store = acc.store!;
    const base = k * store.width;
    let checkable = false;
    for (const [metric, column] of acc.column) {
      if (!store.has(base + column)) continue;
      if (metric !== SPEND && acc.codes.get(metric.toLowerCase())?.tracking !== 'cumulative') return true;
      checkable = true;
    }
    if (!checkable) return false;
    const { rejected } = this.check(acc);
    for (const column of acc.column.values()) if (store.has(base + column) && !rejected.has(base + column)) return true;
    return false;
  }

  /** Rows ignored because their project is not in the run (`foreign: 'ignore'`). */
  ignored(): IgnoredRows {
    const known = [...this.byCode.keys()];
    const projects = [...this.ignoredCodes.keys()].sort(cmp).map((code) => {
      const suggestion = suggest(code, known);
      return suggestion === undefined ? { code } : { code, suggestion };
    });
    return { rows: this.ignoredRows, projects, ...(this.ignoredFirst ? { first: this.ignoredFirst } : {}) };
  }

  /** The data problems found, sorted by file and line (complete once `drain` has run). */
  problems(): Diagnostic[] {
    const out = [...this.diagnostics];
    if (this.ignoredRows > 0 && this.opts.reportIgnored !== false) out.push(ignoredDiagnostic(this.ignored()));
    for (const [file, s] of this.perFile) {
      if (s.omitted > 0) {
        out.push({ code: 'monitoring-too-many-problems', severity: 'warning', file, line: s.lastLine, args: { omitted: s.omitted, max: MAX_MONITORING_DIAGNOSTICS } });
      }
    }
    return sortDiagnostics(out);
  }

  /**
   * The checks that need every period of a metric, once per project: a cumulative value that
   * falls, spend at 10 times the budget in force or more (a unit slip, executed-scale) — such a
   * row is reported and left out — and spend above the budget (a warning; the row is kept).
   * Decided before any observation is built, so that the run knows which periods have data
   * (latestPeriod) before it computes a project.
   */
  private check(acc: ProjectAcc): Checked {
    if (acc.checked) return acc.checked;
    const d = acc.dossier;
    const store = acc.store!;
    const order = mapped(store.periods, (p, k) => ({ p, k })).sort((a, b) => comparePeriods(a.p, b.p));
    const rejected = new Set<number>();
    // Metrics in a fixed order (spend first, then the dossier's indicators) so that diagnostics
    // and results never depend on the order of the rows.
    for (const [metric, column] of acc.column) {
      const ind = metric === SPEND ? undefined : acc.codes.get(metric.toLowerCase());
      const cumulative = metric === SPEND || ind?.tracking === 'cumulative';
      // A level (a rate, a unit cost) is never left out here: nothing to check.
      if (!cumulative) continue;
      // Spend and values read as faithful doubles compare exactly as doubles (distinct decimals
      // of up to 15 significant digits are distinct doubles, in the same order); a value kept as
      // text, or a sum of increments, is compared as a decimal.
      const exactSums = cumulative && this.opts.increments === true;
      let last: { num: number; value: Dec | undefined; period: string; line: number } | undefined;
      let total: { num: number; value: Dec; faithful: boolean } | undefined;
      for (let i = 0; i < order.length; i++) {
        const period = order[i].p;
        const slot = order[i].k * store.width + column;
        if (!store.has(slot)) continue;
        const { num, exact } = valueAt(store, slot, exactSums ? last : undefined, exactSums);
        if (last && (exact !== undefined || last.value !== undefined ? (exact ?? new D(num)).lessThan(last.value ?? new D(last.num)) : num < last.num)) {
          const value = exact ?? new D(num);
          const previous = last.value ?? new D(last.num);
          this.reportAt(this.where(store, slot), 'cumulative-decrease', {
            project: d.code,
            metric,
            period: period.label,
            value: value.toFixed(),
            previous: previous.toFixed(),
            previousPeriod: last.period,
            previousLine: last.line,
            increments: this.opts.increments === true,
          });
          rejected.add(slot);
          continue;
        }
        if (metric === SPEND) {
          // The budget in force at the period end (the dossier's own without adjustments).
          const budget = d.adjustments.length === 0 ? d.budget.total : inForce(d, formatDate(period.end)).budgetTotal;
          if (total === undefined || (total.value !== budget && !total.value.equals(budget))) {
            const n = budget.toNumber();
            total = { num: n, value: budget, faithful: String(n) === budget.toFixed() };
          }
          const exactly = exact !== undefined || !total.faithful;
          const over = exactly ? (exact ?? new D(num)).greaterThan(total.value) : num > total.num;
          if (over) {
            const value = exact ?? new D(num);
            const args = { project: d.code, period: period.label, value: value.toFixed(), total: total.value.toFixed(), unit: d.budget.unit };
            // Unit scale (docs/scoring.md#budget-execution): 10 times the budget or more is 元 written for 万元
            // (or a like slip): left out; above the budget, a warning and the row is kept.
            if (value.greaterThanOrEqualTo(total.value.times(SCALE))) {
              this.reportAt(this.where(store, slot), 'executed-scale', { ...args, times: value.dividedBy(total.value).toDecimalPlaces(0, D.ROUND_DOWN).toFixed(), asWanyuan: value.dividedBy(10000).toFixed(), variant: d.budget.unit === '万元' ? 'spend-wanyuan' : 'spend' });
              rejected.add(slot);
              continue;
            }
            this.reportAt(this.where(store, slot), 'spend-over-budget', args, 'warning');
          }
        }
        last = { num, value: exact, period: period.label, line: store.line(slot) };
      }
    }
    acc.checked = { order, rejected };
    return acc.checked;
  }

  private where(store: Store, slot: number): { file: string; line: number } {
    return { file: this.files[store.file(slot)], line: store.line(slot) };
  }

  /** The observations of a checked project: every row not left out, as values (sums with --increments). */
  private finishProject(acc: ProjectAcc): ProjectObservations {
    const { order, rejected } = this.check(acc);
    const store = acc.store!;
    // (spend present from the start, undefined until set: every observation has one shape)
    const slots = mapped(order, ({ p }): PeriodObservations => ({ period: p, spend: undefined, indicators: new Map() }));
    // The hottest loop of a big run (a value per row): no object but the observation itself.
    const anyRejected = rejected.size > 0;
    for (const [metric, column] of acc.column) {
      const cumulative = metric === SPEND || acc.codes.get(metric.toLowerCase())?.tracking === 'cumulative';
      const exactSums = cumulative && this.opts.increments === true;
      let last: { num: number; value: Dec | undefined } | undefined;
      for (let i = 0; i < order.length; i++) {
        const slot = order[i].k * store.width + column;
        if (!store.has(slot) || (anyRejected && rejected.has(slot))) continue;
        let num = store.number(slot);
        let exact: Dec | undefined;
        if (exactSums) {
          ({ num, exact } = valueAt(store, slot, last, true));
          last = { num, value: exact };
        } else if (Number.isNaN(num)) {
          exact = store.decimal(slot);
          num = exact.toNumber();
        }
        const obs = new Value(num, exact, this.files[store.file(slot)], store.line(slot), store.note(slot));
        if (metric === SPEND) slots[i].spend = obs;
        else slots[i].indicators.set(metric, obs);
      }
    }
    return { dossier: acc.dossier, periods: slots.filter((s) => s.spend !== undefined || s.indicators.size > 0) };
  }

  private project(d: Dossier): ProjectAcc | null {
    let acc = this.projects.get(d.code);
    if (acc) return acc;
    const start = parseDate(d.period.start);
    const end = parseDate(d.period.end);
    if (!start || !end || compareDates(start, end) > 0) return null;
    const column = new Map<string, number>([[SPEND, 0]]);
    for (const i of d.indicators) if (!column.has(i.code)) column.set(i.code, column.size);
    acc = {
      dossier: d,
      start,
      end,
      store: new Store(column.size, start, Math.min(24, monthsInPeriod(start, end))),
      column,
      codes: new Map(d.indicators.map((i) => [i.code.toLowerCase(), i])),
      metrics: new Map(),
    };
    this.projects.set(d.code, acc);
    return acc;
  }

  private period(text: string, year: number): ReportPeriod | null {
    const key = `${year}\u0000${text}`;
    let p = this.periodCache.get(key);
    if (p === undefined) {
      p = parsePeriod(text, year) ?? null;
      // A label of every distinct period text is interned here, so stored rows share it.
      this.periodCache.set(flat(key), p);
    }
    return p;
  }

  private file(name: string): number {
    if (name === this.lastFile) return this.lastFileIndex;
    let k = this.fileIndex.get(name);
    if (k === undefined) {
      k = this.files.length;
      this.files.push(name);
      this.fileIndex.set(name, k);
    }
    this.lastFile = name;
    this.lastFileIndex = k;
    return k;
  }

  private report(row: MonitoringRow, code: DataProblemCode, args: Args, severity: Diagnostic['severity'] = 'error'): void {
    this.reportAt({ file: row.file, line: row.line }, code, args, severity);
  }

  private reportAt(at: { file: string; line: number }, code: DataProblemCode, args: Args, severity: Diagnostic['severity'] = 'error'): void {
    let s = this.perFile.get(at.file);
    if (!s) this.perFile.set(at.file, (s = { count: 0, omitted: 0, lastLine: 1 }));
    s.lastLine = Math.max(s.lastLine, at.line);
    if (s.count >= MAX_MONITORING_DIAGNOSTICS) {
      s.omitted++;
      return;
    }
    s.count++;
    const clean: Args = {};
    for (const [k, v] of Object.entries(args)) if (v !== undefined) clean[k] = typeof v === 'string' ? flat(v) : v;
    this.diagnostics.push({ code, severity, file: at.file, line: at.line, args: clean });
  }
}

/** What a metric name means for a project (spend, an indicator, or a problem). */
function resolveMetric(acc: ProjectAcc, name: string): Metric {
  const lower = name.toLowerCase();
  if (SPEND_ALIASES.has(lower)) return { kind: 'spend' };
  const ind = acc.codes.get(lower);
  if (ind === undefined) return { kind: 'unknown', metric: name };
  if (ind.operator === 'qualitative' || ind.target === null) return { kind: 'qualitative', metric: ind.code, noTarget: ind.operator !== 'qualitative' };
  return { kind: 'indicator', metric: ind.code, column: acc.column.get(ind.code)!, indicator: ind, percentUnit: ind.unit?.trim() === '%' };
}

/**
 * The one info line about rows for projects outside the run: how many rows, how many codes, the
 * first codes (each with the run's code it resembles, a likely typo).
 */
export function ignoredDiagnostic(ig: IgnoredRows): Diagnostic<DataProblemCode> {
  const shown = ig.projects.slice(0, 10).map((p) => (p.suggestion === undefined ? p.code : `${p.code} (→ ${p.suggestion})`));
  const codes = shown.join(', ') + (ig.projects.length > shown.length ? ` … (+${ig.projects.length - shown.length})` : '');
  return { code: 'ignored-projects', severity: 'info', ...(ig.first ? { file: ig.first.file, line: ig.first.line } : {}), args: { rows: ig.rows, count: ig.projects.length, codes } };
}

/** Collects a list of rows in one call (validate, tests). */
export function collectMonitoring(rows: Iterable<MonitoringRow>, dossiers: readonly Dossier[], opts: MonitoringOptions = {}): MonitoringResult {
  const c = new MonitoringCollector(dossiers, opts);
  for (const r of rows) c.add(r);
  return c.finish();
}

/** First day of a monitoring period. */
function periodStart(p: ReportPeriod): YMD {
  if (p.month !== undefined) return { y: p.year, m: p.month, d: 1 };
  return { y: p.year, m: (p.quarter! - 1) * 3 + 1, d: 1 };
}

/** By end date; a month sorts before the quarter that ends on the same day. */
function comparePeriods(a: ReportPeriod, b: ReportPeriod): number {
  return compareDates(a.end, b.end) || (a.month !== undefined ? 0 : 1) - (b.month !== undefined ? 0 : 1) || cmp(a.label, b.label);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
