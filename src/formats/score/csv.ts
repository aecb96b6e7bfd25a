// `csv`: UTF-8 with a BOM (so that Excel on Chinese Windows opens it correctly), CRLF line ends
// and RFC 4180 quoting. A batch gives one row per project in ranking order; a single project
// gives one row per scored item (execution, each indicator, the total) like a published
// 自评表. Text cells that Excel would read as a formula are prefixed with an apostrophe.
import type { FormatOptions } from '../../core/report.js';
import type { ProjectScore, ScoreReport } from '../../core/scoring/types.js';
import { type KeysUnder, t } from '../../i18n/index.js';
import { actualText, applicationRows, fixed, gradeLabel, level2Label, percent, plain, sectionLabel, targetText, weightText } from './shared.js';

export function csv(report: ScoreReport, opts: FormatOptions): string {
  return [...csvChunks(report, opts)].join('');
}

/** The same text row by row (a batch of ten thousand projects is never one string in memory). */
export function* csvChunks(report: ScoreReport, opts: FormatOptions): Generator<string> {
  yield '\uFEFF';
  const rows = report.batch ? ranking(report, opts) : items(report.projects[0], report, opts);
  for (const r of rows) yield r.map(cell).join(',') + '\r\n';
  if (report.batch) {
    // Result application per department and overall, below the ranking after an empty row, in
    // the ranking's column count (a rectangular file).
    const width = RANKING_COLUMNS.length;
    const app = applicationRows(report.summary.application, opts.lang);
    const head = opts.lang === 'en' ? ['department', 'projects', 'notApplied', 'budget', 'nextBudget', 'change'] : app.head;
    const pad = (r: string[]) => [...r, ...Array<string>(width - r.length).fill('')];
    yield pad([]).join(',') + '\r\n';
    for (const r of [pad([t(opts.lang, 'score.h.application', { unit: report.summary.application.unit })]), pad(head), ...app.rows.map(pad)]) yield r.map(cell).join(',') + '\r\n';
  }
}

const RANKING_COLUMNS = ['rank', 'code', 'name', 'department', 'status', 'total', 'grade', 'rate', 'executionScore', 'composite', 'discrepancies', 'adjustPct', 'nextBudget', 'action'];

function* ranking(report: ScoreReport, opts: FormatOptions): Generator<string[]> {
  const h = (k: KeysUnder<'score.col.'>) => t(opts.lang, `score.col.${k}`);
  const d = report.decimals;
  const header = RANKING_COLUMNS;
  const label = [h('rank'), h('code'), h('name'), h('department'), h('status'), h('total'), h('grade'), h('rate'), h('executionScore'), h('composite'), h('discrepancies'), h('adjustPct'), h('nextBudget'), h('action')];
  // The first row carries the column titles in the chosen language; machines can rely on order.
  yield opts.lang === 'en' ? header : label;
  for (const { rank, project: p } of report.ranking) yield [
    rank === null ? '' : String(rank),
    p.code,
    p.name,
    p.department,
    t(opts.lang, `score.status.${p.status}`),
    p.total === null ? '' : fixed(p.total, d),
    p.grade ? gradeLabel(p.grade, opts.lang) : '',
    p.execution.rate === null ? '' : fixed(p.execution.rate, 2),
    p.execution.score === null ? '' : fixed(p.execution.score, d),
    p.composite ? fixed(p.composite.score, d) : '',
    String(p.discrepancies.length),
    p.recommendation ? plain(p.recommendation.adjustPct) : '',
    p.recommendation ? fixed(p.recommendation.nextBudget, 2) : '',
    p.recommendation ? (opts.lang === 'en' ? (p.recommendation.actionEn ?? p.recommendation.action) : p.recommendation.action) : '',
  ];
}

function items(p: ProjectScore | undefined, report: ScoreReport, opts: FormatOptions): string[][] {
  const h = (k: KeysUnder<'score.col.'>) => t(opts.lang, `score.col.${k}`);
  const rows: string[][] = [[h('code'), h('level1'), h('level2'), h('indicator'), h('target'), h('actual'), h('weight'), h('score'), h('ratio'), h('method'), h('note')]];
  if (!p) return rows;
  const d = report.decimals;
  const e = p.execution;
  // The 年度总体目标 row of a 自评表, when the evaluation says what was achieved of the goal.
  if (p.outcome !== null) rows.push(['goal', '', '', t(opts.lang, 'score.col.goal'), p.goal, p.outcome, '', '', '', '', '']);
  rows.push(['execution', '', '', t(opts.lang, 'score.row.execution'), plain(e.budget), plain(e.executed), plain(e.weight), fixed(e.score, d), percent(e.rate), '', e.note ?? '']);
  for (const i of p.indicators) {
    rows.push([
      i.code,
      sectionLabel(i.level1, opts.lang),
      level2Label(i.level1, i.level2, opts.lang),
      i.name,
      targetText(i),
      actualText(i, opts.lang),
      weightText(i),
      fixed(i.score, d),
      i.ratio === null ? '' : plain(i.ratio, 4),
      t(opts.lang, `score.method.${i.method}`),
      i.note ?? '',
    ]);
  }
  rows.push(['total', '', '', t(opts.lang, 'score.row.total'), '', '', '100', p.total === null ? '' : fixed(p.total, d), '', p.grade ? gradeLabel(p.grade, opts.lang) : t(opts.lang, `score.status.${p.status}`), '']);
  return rows;
}

function cell(v: string): string {
  let s = v;
  if (/^[=+@\t\r]/.test(s) || (/^-/.test(s) && !/^-\d/.test(s))) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
