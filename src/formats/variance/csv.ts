// `csv`: one row per project × period × metric (spend first, then the indicators), for Excel
// and for further processing. UTF-8 with a byte-order mark (so that Excel on Chinese Windows
// shows Chinese text), CRLF line ends and RFC 4180 quoting. Headings and status words follow
// --lang; numbers are plain (no thousands separators, no % sign), rounded as in json.
// For the spend row, `target` is the budget total in force, `expected` the planned spend and
// `ratio` the pace (execution rate / time progress).
import type { FormatOptions } from '../../core/report.js';
import type { VarianceReport } from '../../core/report.js';
import { t } from '../../i18n/index.js';
import { asWritten, likelihoodWord, statusWord } from './shared.js';

const COLUMNS = [
  'project',
  'name',
  'period',
  'timeProgress',
  'metric',
  'metricName',
  'unit',
  'target',
  'expected',
  'actual',
  'variance',
  'variancePct',
  'executionRate',
  'ratio',
  'status',
  'projection',
  'likelihood',
  'note',
] as const;

type Cell = string | number | null | undefined;

export function* csv(report: VarianceReport, opts: FormatOptions): Generator<string> {
  const lang = opts.lang;
  yield '\ufeff' + COLUMNS.map((c) => quote(t(lang, `variance.csv.${c}`))).join(',') + '\r\n';
  for (const p of report.projects) {
    if (p.periods.length === 0) {
      // 未报送: one row that says so, for the summary's period.
      yield line([p.code, p.name, report.summary?.period ?? null, null, null, null, p.unit, null, null, null, null, null, null, null, statusWord('no-data', lang), null, null, null]);
      continue;
    }
    const rows: string[] = [];
    for (const per of p.periods) {
      const b = per.budget;
      const tp = per.timeProgress;
      rows.push(
        line([p.code, p.name, per.period, tp, 'spend', t(lang, 'variance.spend'), p.unit, asWritten(b.total), b.planned, b.actual === null ? null : asWritten(b.actual, b.actualText), b.variance, b.variancePct, b.executionRate, b.pace, b.status && statusWord(b.status, lang), null, null, b.note]),
      );
      for (const i of per.indicators) {
        rows.push(
          line([p.code, p.name, per.period, tp, i.code, i.name, i.unit, asWritten(i.target), i.expected, i.actual === null ? null : asWritten(i.actual, i.actualText), i.variance, null, null, i.ratio, i.status && statusWord(i.status, lang), i.projection, i.likelihood && likelihoodWord(i.likelihood, lang), i.note]),
        );
      }
    }
    yield rows.join('');
  }
}

function line(cells: Cell[]): string {
  return cells.map((c) => (c === null || c === undefined ? '' : typeof c === 'number' ? String(c) : quote(safe(c)))).join(',') + '\r\n';
}

/** RFC 4180: a field with a comma, quote, CR or LF (or edge spaces) in double quotes, quotes doubled. */
export function quote(s: string): string {
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * Text that a spreadsheet would run as a formula (`=`, `+`, `@`, or `-` not starting a number)
 * gets a leading apostrophe (OWASP CSV injection); numbers are written as numbers, never here.
 */
function safe(s: string): string {
  return /^[=+@\t\r]/.test(s) || /^-(?![\d.])/.test(s) ? `'${s}` : s;
}
