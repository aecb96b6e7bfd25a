// `table`: the default, for a person at a terminal. One compact table per project: a row per
// period (time progress, planned and actual cumulative spend, their variance and variance %,
// execution rate, pace, status),
// then the indicators of the last period shown; under it a sparkline of cumulative spend
// against plan and the flags of that period. The input problems (file:line) close the report.
// Statuses are coloured only when opts.color (a terminal, not --no-color).
import { Chalk, type ChalkInstance } from 'chalk';
import type { Diagnostic } from '../../core/diagnostics.js';
import type { FormatOptions } from '../../core/report.js';
import type { IndicatorRow, ProjectVariance } from '../../core/monitoring/report.js';
import type { VarianceReport } from '../../core/report.js';
import { type KeysUnder, message, t } from '../../i18n/index.js';
import { boxTable, boxWidth, type Align, type Row } from '../box-table.js';
import { packed } from '../../core/shapes.js';
import { showControls } from '../validate/shared.js';
import { hanging, truncateWidth } from '../validate/width.js';
import type { VarianceSummary } from '../../core/monitoring/summary.js';
import { columns } from '../score/columns.js';
import { asWritten, Deferred, fixed, flagMessage, likelihoodWord, percentOf, periodSummaryLine, sparkline, statusWord, where } from './shared.js';

const NAME_WIDTH = 18;

export function* table(report: VarianceReport, opts: FormatOptions): Generator<string | Buffer> {
  const c = new Chalk({ level: opts.color ? 1 : 0 });
  // The summary opens the report but is complete only after every project: the details wait.
  const details = new Deferred();
  let any = false;
  for (const p of report.projects) {
    details.push(project(p, opts, c) + '\n\n');
    any = true;
  }
  const summary = report.summary;
  if (summary !== undefined && summary.projects.length > 0) yield summaryTable(summary, opts, c) + '\n\n';
  yield* details.drain();
  if (!any) yield t(opts.lang, 'variance.no-data') + '\n\n';
  yield problems(report.diagnostics, opts, c);
}

/** One line per project for the summary's period (docs/formats.md#variance-json). */
function summaryTable(s: VarianceSummary, opts: FormatOptions, c: ChalkInstance): string {
  const lang = opts.lang;
  const h = (k: Column) => heading(lang, k);
  const rows = s.projects.map((e) => [
    clean(e.code),
    truncateWidth(clean(e.name), NAME_WIDTH),
    { text: statusWord(e.status, lang), style: color(c, e.status) },
    e.worstIndicator === null ? '—' : clean(e.worstIndicator),
    e.goalProgress === null ? '—' : asWritten(e.goalProgress) + '%',
    e.dualGap ? { text: `⚠ ${t(lang, 'variance.yes')}`, style: c.yellow } : '—',
  ]);
  const fit = opts.width === undefined ? undefined : { width: opts.width, shrink: [false, true, false, false, false, false] };
  const table = columns((['project', 'name', 'status', 'worst', 'goal', 'dualGap'] as const).map(h), rows, [false, false, false, false, true, false], c, fit);
  return c.bold(t(lang, 'variance.summary.title', { period: s.period ?? '—' })) + '\n' + table;
}

function projectTitle(p: ProjectVariance, lang: FormatOptions['lang'], c: ChalkInstance, width?: number): string {
  return hanging('', `${c.bold(clean(p.code))}  ${clean(p.name)}  ${c.dim(`${clean(p.department)} · ${t(lang, 'variance.unit', { unit: p.unit })}`)}`, width);
}

function project(p: ProjectVariance, opts: FormatOptions, c: ChalkInstance): string {
  const lang = opts.lang;
  // 未报送: no data for the project (in the selected period).
  if (p.periods.length === 0) return `${projectTitle(p, lang, c, opts.width)}\n  ${color(c, 'no-data')(statusWord('no-data', lang))}${lang === 'zh' ? '：' : ': '}${t(lang, 'variance.no-data-project')}`;
  const n = p.decimals;
  const paint = (status: string | null, text: string) => color(c, status)(text);
  const head = headings(lang, PERIOD_COLUMNS, c);
  const rows: Row[] = [];
  for (const per of p.periods) {
    const b = per.budget;
    rows.push([
      per.period,
      percentOf(per.timeProgress, n) + '%',
      fixed(b.planned, n),
      b.actual === null ? '—' : fixed(b.actual, n, b.actualText),
      // actual − planned, and as a share of planned: 偏差 (偏差率)
      b.variance === null ? '—' : fixed(b.variance, n) + (b.variancePct === null ? '' : ` (${fixed(b.variancePct, n)}%)`),
      b.executionRate === null ? '—' : fixed(b.executionRate, n) + '%',
      fixed(b.pace, n),
      paint(b.status, statusWord(b.status, lang)),
    ]);
  }
  const last = p.periods[p.periods.length - 1];
  const atTitle = c.bold(t(lang, 'variance.indicators-at', { period: last.period }));
  const indicatorRows: Row[] = [];
  for (const i of last.indicators) indicatorRows.push(indicatorRow(i, n, opts, paint));
  const title = projectTitle(p, lang, c, opts.width);
  const lines = [title];
  // One table: the periods, then the indicators of the last one under a spanning title row,
  // their columns shared.
  const all: Row[] = indicatorRows.length === 0 ? rows : [...rows, { span: atTitle }, headings(lang, INDICATOR_COLUMNS, c), ...indicatorRows];
  if (opts.width === undefined || boxWidth(head, all) <= opts.width) lines.push(boxTable(head, all, ALIGNS));
  else {
    // Too wide for the terminal: the periods and the indicators in a table each, so that each
    // table's columns are as wide as its own cells, fitted to the terminal: statuses and
    // indicator names wrap, a period label never breaks (no more than a number does).
    lines.push(boxTable(head, rows, ALIGNS, { width: opts.width, wrap: [false, false, false, false, false, false, false, true] }));
    if (indicatorRows.length > 0) {
      lines.push(hanging('', atTitle, opts.width));
      const short = packed(INDICATOR_COLUMNS, (k) => c.bold(shortHeading(lang, k)));
      lines.push(boxTable(headings(lang, INDICATOR_COLUMNS, c), indicatorRows, ALIGNS, { width: opts.width, wrap: [true, false, false, false, false, false, false, true], short }));
    }
  }
  lines.push(hanging('', periodSummaryLine(last, n, lang), opts.width));

  // Sparklines: cumulative spend and plan on one scale (the largest of budget, plan and spend).
  let top = last.budget.total;
  for (const per of p.periods) {
    top = Math.max(top, per.budget.planned);
    if (per.budget.actual !== null) top = Math.max(top, per.budget.actual);
  }
  const spent: (number | null)[] = [];
  const planned: number[] = [];
  for (const per of p.periods) {
    spent.push(per.budget.actual);
    planned.push(per.budget.planned);
  }
  const actual = sparkline(spent, top);
  const plan = sparkline(planned, top);
  lines.push(`${t(lang, 'variance.spark.actual')} ${actual}  ${t(lang, 'variance.spark.plan')} ${plan}  ${c.dim(t(lang, 'variance.spark.scale', { max: asWritten(top), unit: p.unit }))}`);
  for (const per of p.periods) {
    if (per.adjustments.length > 0 && per === last) {
      lines.push(c.dim(t(lang, 'variance.adjusted', { dates: per.adjustments.map((a) => a.date).join(', ') })));
    }
  }
  const flags = last.flags.filter((f) => !(opts.quiet && f.severity === 'info'));
  if (flags.length > 0) {
    lines.push(t(lang, 'variance.flags-at', { period: last.period }));
    for (const f of flags) lines.push(hanging(`  ${sevMark(c, f.severity)} `, clean(flagMessage(f, lang)), opts.width));
  }
  return lines.join('\n');
}

function indicatorRow(i: IndicatorRow, n: number, opts: FormatOptions, paint: (s: string | null, text: string) => string): string[] {
  const lang = opts.lang;
  const unit = i.unit === '%' ? '%' : ''; // other units are in the indicator's dossier
  const status = i.actual === null ? t(lang, 'variance.no-value') : `${paint(i.status, statusWord(i.status, lang))} · ${likelihoodWord(i.likelihood, lang)}`;
  return [
    `${clean(i.code)} ${truncateWidth(clean(i.name), NAME_WIDTH)}${i.operator === '<=' ? ' ≤' : ''}`,
    asWritten(i.target) + unit,
    fixed(i.expected, n) + unit,
    i.actual === null ? '—' : asWritten(i.actual, i.actualText) + unit,
    i.variance === null ? '—' : fixed(i.variance, n) + unit,
    fixed(i.ratio, n),
    fixed(i.projection, n) + (i.projection === null ? '' : unit),
    status,
  ];
}

function problems(list: readonly Diagnostic[], opts: FormatOptions, c: ChalkInstance): string {
  const shown = list.filter((d) => !(opts.quiet && d.severity !== 'error'));
  if (shown.length === 0) return c.green(t(opts.lang, 'variance.problems.none')) + '\n';
  const lines = [c.bold(t(opts.lang, 'variance.problems.title', { n: shown.length }))];
  for (const d of shown) {
    lines.push(hanging('  ', `${c.dim(clean(where(d)))}  ${sevMark(c, d.severity)} ${clean(d.message ?? message(opts.lang, d.code, d.args ?? {}))}  ${c.dim(d.code)}`, opts.width));
  }
  return lines.join('\n') + '\n';
}

function sevMark(c: ChalkInstance, s: string): string {
  return s === 'error' ? c.red('✖') : s === 'warning' ? c.yellow('⚠') : c.blue('ℹ');
}

function color(c: ChalkInstance, status: string | null): ChalkInstance {
  switch (status) {
    case 'red':
      return c.red.bold;
    case 'yellow':
      return c.yellow.bold;
    case 'green':
      return c.green;
    case 'ahead':
      return c.cyan;
    case 'no-data':
      return c.magenta;
    default:
      return c.dim;
  }
}

const ALIGNS: readonly Align[] = ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'left'];
const PERIOD_COLUMNS = ['period', 'time', 'planned', 'actual', 'variance', 'execution', 'pace', 'status'] as const;
const INDICATOR_COLUMNS = ['indicator', 'target', 'expected', 'value', 'variance', 'ratio', 'projection', 'status-likelihood'] as const;

/** The bold headings of `keys`, in a new array of one shape (packed(): see src/core/shapes.ts). */
function headings(lang: FormatOptions['lang'], keys: readonly Column[], c: ChalkInstance): string[] {
  return packed(keys, (k) => c.bold(heading(lang, k)));
}

// Column headings, per language: every project's table has the same.
const HEADINGS = new Map<string, string>();
type Column = KeysUnder<'variance.col.'>;

type ShortColumn = KeysUnder<'variance.short.'>;

function heading(lang: FormatOptions['lang'], key: Column): string {
  let h = HEADINGS.get(lang + key);
  if (h === undefined) HEADINGS.set(lang + key, (h = t(lang, `variance.col.${key}`)));
  return h;
}

/** The short heading of an indicators' column, for a narrow terminal. */
function shortHeading(lang: FormatOptions['lang'], key: ShortColumn): string {
  let h = HEADINGS.get(`short.${lang}${key}`);
  if (h === undefined) HEADINGS.set(`short.${lang}${key}`, (h = t(lang, `variance.short.${key}`)));
  return h;
}

// C0 and C1 control characters, line ends and tabs among them.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/**
 * Terminal-safe text from the input: control characters visible, one line. Almost every text
 * has none: one test says so, cheaper than keeping results per text (most flag messages are
 * written once).
 */
function clean(text: string): string {
  return CONTROL.test(text) ? showControls(text.replace(/\r\n?|\n/g, ' ').replace(/\t/g, ' ')) : text;
}
