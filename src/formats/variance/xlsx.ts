// `xlsx`: the monitoring report as a workbook (docs/formats.md#excel-workbooks): a summary sheet (the v1.1 summary:
// one line per project for the period, then the data problems) and one sheet per project in the
// layout of the 项目支出绩效目标执行监控表 (docs/formats.md#excel-workbooks) for the summary's period — the one
// --period selects, else the latest with data in the run. Columns are named after the months
// the period covers (1-9月执行数), as the form names them.
import { sortDiagnostics } from '../../core/diagnostics.js';
import type { Dossier } from '../../core/model/model.js';
import { LEVEL2 } from '../../core/model/aliases.js';
import { formatDate, parsePeriod } from '../../core/model/periods.js';
import type { PeriodVariance, ProjectVariance } from '../../core/monitoring/report.js';
import type { FormatOptions, VarianceReport } from '../../core/report.js';
import { t, type KeysUnder } from '../../i18n/index.js';
import { REPORT_PROPERTY, writeWorkbook, type WriteSheet } from '../../io/xlsx/write.js';
import { dbl, SheetBuilder, sheetNames, STYLE } from '../workbook.js';
import { flagMessage, likelihoodWord, statusWord } from './shared.js';

type Lang = FormatOptions['lang'];

const OPERATOR: Record<string, string> = { '>=': '≥', '<=': '≤', '=': '=' };

export function* xlsx(report: VarianceReport, opts: FormatOptions): Generator<Buffer> {
  const lang = opts.lang;
  // The summary is complete once every project has been computed: the projects first.
  const projects = [...report.projects];
  const summary = report.summary;
  const label = summary?.period ?? null;
  const names = sheetNames([t(lang, 'variance.xlsx.sheet.summary'), ...projects.map((p) => p.code)]);
  const periodOf = (p: ProjectVariance) => pickPeriod(p, label, report.dossier?.(p.code));
  const sheets: WriteSheet[] = [summarySheet(report, projects, periodOf, lang, names[0])];
  projects.forEach((p, i) => sheets.push(projectSheet(p, periodOf(p), report.dossier?.(p.code), label, lang, names[i + 1])));
  yield writeWorkbook(sheets, { properties: { [REPORT_PROPERTY]: 'variance' } });
}

/** The project's period of the summary: the one of its label, else the one ending on the same day. */
function pickPeriod(p: ProjectVariance, label: string | null, d: Dossier | undefined): PeriodVariance | undefined {
  if (label === null) return undefined;
  const exact = p.periods.find((x) => x.period === label);
  if (exact) return exact;
  const parsed = parsePeriod(label, d?.year ?? Number(label.slice(0, 4)));
  const end = parsed ? formatDate(parsed.end) : undefined;
  return [...p.periods].reverse().find((x) => x.end === end);
}

const col = (lang: Lang, k: KeysUnder<'variance.col.'>) => t(lang, `variance.col.${k}`);

function summarySheet(report: VarianceReport, projects: ProjectVariance[], periodOf: (p: ProjectVariance) => PeriodVariance | undefined, lang: Lang, name: string): WriteSheet {
  const s = new SheetBuilder(name, 9);
  const summary = report.summary;
  s.title(1, t(lang, 'variance.xlsx.title.summary', { period: summary?.period ?? '—' }));
  const head = [col(lang, 'project'), col(lang, 'name'), t(lang, 'variance.xlsx.department'), col(lang, 'status'), col(lang, 'worst'), col(lang, 'goal'), col(lang, 'execution'), col(lang, 'time'), col(lang, 'dualGap')];
  head.forEach((h, i) => s.put(3, i + 1, h, STYLE.head));
  let r = 3;
  const byCode = new Map(projects.map((p) => [p.code, p]));
  for (const e of summary?.projects ?? []) {
    r++;
    const p = byCode.get(e.code);
    const per = p ? periodOf(p) : undefined;
    s.put(r, 1, e.code, STYLE.center);
    s.put(r, 2, e.name, STYLE.text);
    s.put(r, 3, p?.department ?? '', STYLE.text);
    s.put(r, 4, statusWord(e.status, lang), STYLE.center);
    s.put(r, 5, e.worstIndicator ?? '—', STYLE.center);
    s.put(r, 6, e.goalProgress === null ? null : e.goalProgress / 100, STYLE.percent);
    s.put(r, 7, per?.budget.executionRate == null ? null : per.budget.executionRate / 100, STYLE.percent);
    s.put(r, 8, per ? per.timeProgress : null, STYLE.percent);
    s.put(r, 9, e.dualGap ? `⚠ ${t(lang, 'variance.yes')}` : '—', STYLE.center);
  }
  if (summary && summary.ignoredProjects.length) {
    r += 2;
    s.merge(r, 1, r, 9, t(lang, 'variance.xlsx.ignored', { codes: summary.ignoredProjects.join(', ') }), STYLE.note);
  }
  const problems = sortDiagnostics(report.diagnostics);
  if (problems.length) {
    r += 2;
    s.merge(r, 1, r, 9, t(lang, 'variance.problems.title', { n: problems.length }), { bold: true, align: 'left' });
    r++;
    [t(lang, 'score.xlsx.file'), t(lang, 'score.xlsx.place'), t(lang, 'score.xlsx.severity'), t(lang, 'score.xlsx.code')].forEach((h, i) => s.put(r, i + 1, h, STYLE.head));
    s.merge(r, 5, r, 9, t(lang, 'score.xlsx.message'), STYLE.head);
    for (const x of problems) {
      r++;
      s.put(r, 1, x.file ?? '', STYLE.text);
      s.put(r, 2, x.sheet !== undefined ? `${x.sheet}!${x.cell ?? ''}` : x.line !== undefined ? String(x.line) : '', STYLE.center);
      s.put(r, 3, t(lang, `fmt.severity.${x.severity}`), STYLE.center);
      s.put(r, 4, x.code, STYLE.center);
      s.merge(r, 5, r, 9, x.message ?? x.code, STYLE.text);
    }
  }
  s.columnWidths({ 2: 28, 3: 22 });
  return s.build({ freezeRows: 3 });
}

/** 1-9月 for a period of a calendar-year project ending in September. */
function months(d: Dossier | undefined, per: PeriodVariance, lang: Lang): string {
  const end = Number(per.end.slice(5, 7));
  const start = d ? Number(d.period.start.slice(5, 7)) : 1;
  return t(lang, 'variance.xlsx.months', { from: start, to: end });
}

/**
 * The 执行监控表 of one project: its fields, the funds (年初预算数, 全年预算数, planned and
 * executed to date, execution rate, time progress, variance, status), 年度总体目标 (the goal and
 * the goal progress to date), the indicators (target, value to date, expected at year end,
 * likelihood, status, reason), then the warnings of the period.
 */
function projectSheet(p: ProjectVariance, per: PeriodVariance | undefined, d: Dossier | undefined, label: string | null, lang: Lang, name: string): WriteSheet {
  const s = new SheetBuilder(name, 10);
  s.title(1, t(lang, 'variance.xlsx.title.form'));
  s.merge(2, 1, 2, 10, per ? t(lang, 'variance.xlsx.period', { period: per.period, end: per.end }) : `（${label ?? '—'}）`, STYLE.subtitle);
  s.projectRows((k) => t(lang, `score.col.${k}`), { name: p.name, code: p.code, department: p.department, unit: d?.unit });
  if (!per) {
    s.merge(6, 1, 6, 10, t(lang, 'variance.xlsx.noData'), STYLE.center);
    return s.build();
  }
  const m = months(d, per, lang);
  const b = per.budget;
  s.merge(5, 1, 6, 2, t(lang, 'score.xlsx.funds', { unit: p.unit }), STYLE.label);
  const head = [t(lang, 'variance.xlsx.initial'), col(lang, 'total'), t(lang, 'variance.xlsx.planned', { months: m }), t(lang, 'variance.xlsx.executed', { months: m }), t(lang, 'variance.xlsx.rate', { months: m }), col(lang, 'time'), col(lang, 'variance'), col(lang, 'status')];
  head.forEach((h, i) => s.put(5, 3 + i, h, STYLE.head));
  s.put(6, 3, d ? { number: d.budget.initial.toFixed() } : null, STYLE.amount);
  s.put(6, 4, dbl(b.total), STYLE.amount);
  s.put(6, 5, dbl(b.planned), STYLE.amount);
  s.put(6, 6, b.actualText !== undefined && /^-?\d+(\.\d+)?$/.test(b.actualText) ? { number: b.actualText } : dbl(b.actual), STYLE.amount);
  s.put(6, 7, b.executionRate === null ? null : b.executionRate / 100, STYLE.percent);
  s.put(6, 8, per.timeProgress, STYLE.percent);
  s.put(6, 9, dbl(b.variance), STYLE.amount);
  s.put(6, 10, statusWord(b.status, lang), STYLE.center);

  s.merge(7, 1, 8, 2, t(lang, 'score.col.goal'), STYLE.label);
  s.merge(7, 3, 7, 6, t(lang, 'score.xlsx.expected'), STYLE.head);
  s.merge(7, 7, 7, 10, t(lang, 'variance.xlsx.progress', { months: m }), STYLE.head);
  s.merge(8, 3, 8, 6, d?.goal ?? '', STYLE.text);
  const pctText = (x: number | null) => (x === null ? '—' : `${x}%`);
  s.merge(8, 7, 8, 10, t(lang, 'variance.xlsx.goalProgress', { progress: pctText(per.goalProgress), rate: pctText(b.executionRate) }), STYLE.text);

  const top = 9;
  const grid = [t(lang, 'score.col.level1'), t(lang, 'score.col.level2'), t(lang, 'score.col.indicator'), t(lang, 'score.col.target'), t(lang, 'variance.xlsx.progress', { months: m }), t(lang, 'variance.xlsx.yearEnd'), col(lang, 'likelihood'), col(lang, 'status'), col(lang, 'note')];
  grid.forEach((h, i) => s.put(top, 2 + i, h, STYLE.head));
  let r = top;
  const rows = new Map(per.indicators.map((i) => [i.code, i]));
  // Every indicator of the dossier in its order (qualitative ones are not monitored by number);
  // without the dossier, the monitored indicators alone.
  const list = d ? d.indicators.map((i) => ({ code: i.code, level1: i.level1 as string, level2: i.level2, name: i.name, target: i.targetText, unit: i.unit, op: i.operator })) : per.indicators.map((i) => ({ code: i.code, level1: '', level2: '', name: i.name, target: String(i.target), unit: i.unit, op: i.operator as string }));
  for (const ind of list) {
    r++;
    const row = rows.get(ind.code);
    s.put(r, 2, ind.level1 === '' ? '' : t(lang, `score.section.${ind.level1 as 'output'}`), STYLE.label);
    s.put(r, 3, ind.level1 === '' ? '' : level2(ind.level1, ind.level2, lang), STYLE.label);
    s.put(r, 4, ind.name, STYLE.text);
    const target = row ? `${OPERATOR[row.operator] ?? ''}${row.target}${unitText(row.unit)}` : ind.op === 'qualitative' ? ind.target : `${OPERATOR[ind.op] ?? ''}${ind.target}${unitText(ind.unit)}`;
    s.put(r, 5, target, STYLE.text);
    s.put(r, 6, row ? (row.actualText !== undefined && /^-?\d+(\.\d+)?$/.test(row.actualText) ? { number: row.actualText } : dbl(row.actual)) : null, STYLE.number);
    s.put(r, 7, row ? dbl(row.projection) : null, STYLE.number);
    s.put(r, 8, row ? likelihoodWord(row.likelihood, lang) : '—', STYLE.center);
    s.put(r, 9, row ? statusWord(row.status, lang) : '—', STYLE.center);
    s.put(r, 10, row?.note ?? '', STYLE.text);
  }
  s.mergeRuns(top + 1, r, 2);
  s.mergeRuns(top + 1, r, 3);
  s.merge(top, 1, Math.max(r, top), 1, t(lang, 'score.xlsx.indicators'), STYLE.label);
  if (per.flags.length) {
    r++;
    s.merge(r, 1, r + per.flags.length - 1, 2, t(lang, 'variance.xlsx.flags'), STYLE.label);
    for (const f of per.flags) {
      s.merge(r, 3, r, 10, flagMessage(f, lang), STYLE.text);
      r++;
    }
  }
  const wide = lang === 'en';
  s.columnWidths({ 1: wide ? 13 : 8, 2: 12, 3: 14, 4: 26, 5: 18, 6: 13, 7: 13, 8: wide ? 12 : 11, 9: 10, 10: 26 });
  return s.build();
}

function level2(level1: string, l2: string, lang: Lang): string {
  if (lang !== 'zh') return l2;
  return (LEVEL2 as Record<string, Record<string, string> | undefined>)[level1]?.[l2] ?? l2;
}

function unitText(unit: string | undefined): string {
  return unit ?? '';
}
