// `xlsx`: the score report as a workbook (docs/formats.md#excel-workbooks) that a finance bureau can file: a
// summary sheet (ranking, grade distribution, department averages, result application, input
// problems), one sheet per project in the layout of the official 项目支出绩效自评表
// (docs/formats.md#excel-workbooks) filled with the recomputed scores, and a recheck sheet with
// every discrepancy between the
// submitted tables and the rules. Numbers are numbers (exact decimals, two-decimal and percentage
// formats); the workbook carries bpm's report mark, so bpm never reads it back as a form.
import { D, type Dec } from '../../core/decimal.js';
import { sortDiagnostics } from '../../core/diagnostics.js';
import { LEVEL1, GRADES, type Grade, type Level1 } from '../../core/model/model.js';
import type { FormatOptions } from '../../core/report.js';
import type { ProjectScore, ScoreReport } from '../../core/scoring/types.js';
import { message, t, type KeysUnder } from '../../i18n/index.js';
import { REPORT_PROPERTY, writeWorkbook, type CellStyle, type WriteSheet } from '../../io/xlsx/write.js';
import { num, pct, SheetBuilder, sheetNames, STYLE } from '../workbook.js';
import { actualText, discrepancyItem, gradeLabel, level2Label, sectionLabel, targetText, type Lang } from './shared.js';

export function xlsx(report: ScoreReport, opts: FormatOptions): Buffer {
  const lang = opts.lang;
  const names = sheetNames([t(lang, 'score.xlsx.sheet.summary'), t(lang, 'score.xlsx.sheet.recheck'), ...report.projects.map((p) => p.code)]);
  const [summaryName, recheckName] = names;
  const sheets: WriteSheet[] = [summarySheet(report, lang, summaryName)];
  report.projects.forEach((p, i) => sheets.push(projectSheet(p, report, lang, names[i + 2], recheckName)));
  sheets.push(recheckSheet(report, lang, recheckName));
  return writeWorkbook(sheets, { properties: { [REPORT_PROPERTY]: 'score' } });
}

const col = (lang: Lang, k: KeysUnder<'score.col.'>) => t(lang, `score.col.${k}`);

/** The summary: ranking, grades, departments, result application, input problems. */
function summarySheet(report: ScoreReport, lang: Lang, name: string): WriteSheet {
  const s = new SheetBuilder(name, 10);
  const d = report.decimals;
  s.title(1, t(lang, 'score.xlsx.title.summary'));
  const sum = report.summary;
  const mean = sum.mean === null ? '—' : sum.mean.toFixed(d);
  s.merge(2, 1, 2, 10, t(lang, sum.projects === 1 ? 'score.line.summary.one' : 'score.line.summary', { projects: sum.projects, scored: sum.scored, incomplete: sum.incomplete, invalid: sum.invalid, mean }) + (lang === 'zh' ? '；' : '; ') + `${col(lang, 'policy')} ${report.policy}`, STYLE.subtitle);

  // Ranking.
  let r = heading(s, 4, t(lang, 'score.h.ranking'));
  const head = [col(lang, 'rank'), col(lang, 'code'), col(lang, 'name'), col(lang, 'department'), col(lang, 'rate'), col(lang, 'total'), col(lang, 'grade'), col(lang, 'discrepancies'), col(lang, 'adjustPct'), col(lang, 'nextBudget')];
  head.forEach((h, i) => s.put(r, i + 1, h, STYLE.head));
  for (const row of report.ranking) {
    r++;
    const p = row.project;
    s.put(r, 1, row.rank, STYLE.count);
    s.put(r, 2, p.code, STYLE.center);
    s.put(r, 3, p.name, STYLE.text);
    s.put(r, 4, p.department, STYLE.text);
    s.put(r, 5, pct(p.execution.rate), STYLE.percent);
    s.put(r, 6, num(p.total), STYLE.score);
    s.put(r, 7, p.grade ? gradeLabel(p.grade, lang) : t(lang, `score.status.${p.status}`), STYLE.center);
    s.put(r, 8, p.discrepancies.length, STYLE.count);
    s.put(r, 9, p.recommendation ? pct(p.recommendation.adjustPct) : null, { ...STYLE.percent, numFmt: '0%' });
    s.put(r, 10, p.recommendation ? num(p.recommendation.nextBudget) : null, STYLE.amount);
  }

  // Grade distribution, with the projects that got no grade.
  r = heading(s, r + 2, t(lang, 'score.h.distribution'));
  GRADES.forEach((g, i) => s.put(r, i + 1, gradeLabel(g, lang), STYLE.head));
  s.put(r, GRADES.length + 1, t(lang, 'score.xlsx.unscored'), STYLE.head);
  r++;
  GRADES.forEach((g, i) => s.put(r, i + 1, sum.grades[g], STYLE.count));
  s.put(r, GRADES.length + 1, sum.incomplete + sum.invalid, STYLE.count);

  // Department averages. A department's name takes the first two columns (rank and code are narrow).
  r = heading(s, r + 2, t(lang, 'score.h.departments'));
  const named = (row: number, label: string, style: CellStyle = STYLE.text) => s.merge(row, 1, row, 2, label, style);
  named(r, col(lang, 'department'), STYLE.head);
  [col(lang, 'projects'), col(lang, 'scored'), col(lang, 'mean')].forEach((h, i) => s.put(r, i + 3, h, STYLE.head));
  for (const dep of report.departments) {
    r++;
    named(r, dep.department);
    s.put(r, 3, dep.projects, STYLE.count);
    s.put(r, 4, dep.scored, STYLE.count);
    s.put(r, 5, num(dep.mean), STYLE.score);
  }

  // Result application (结果应用) per department and overall.
  const a = sum.application;
  r = heading(s, r + 2, t(lang, 'score.h.application', { unit: a.unit }));
  named(r, col(lang, 'department'), STYLE.head);
  [col(lang, 'projects'), col(lang, 'notApplied'), col(lang, 'budget'), col(lang, 'nextBudget'), col(lang, 'change')].forEach((h, i) => s.put(r, i + 3, h, STYLE.head));
  for (const [label, x] of [...a.departments.map((dep) => [dep.department, dep] as const), [t(lang, 'score.row.allDepartments'), a.total] as const]) {
    r++;
    named(r, label);
    s.put(r, 3, x.projects, STYLE.count);
    s.put(r, 4, x.notApplied, STYLE.count);
    s.put(r, 5, num(x.budget), STYLE.amount);
    s.put(r, 6, num(x.nextBudget), STYLE.amount);
    s.put(r, 7, num(x.change), { ...STYLE.amount, numFmt: '+#,##0.00;-#,##0.00;0.00' });
  }

  // Input problems, where they are.
  const problems = sortDiagnostics(report.diagnostics);
  if (problems.length) {
    r = heading(s, r + 2, t(lang, 'score.h.diagnostics'));
    named(r, t(lang, 'score.xlsx.file'), STYLE.head);
    [t(lang, 'score.xlsx.place'), t(lang, 'score.xlsx.severity'), t(lang, 'score.xlsx.code')].forEach((h, i) => s.put(r, i + 3, h, STYLE.head));
    s.merge(r, 6, r, 10, t(lang, 'score.xlsx.message'), STYLE.head);
    for (const x of problems) {
      r++;
      named(r, x.file ?? '');
      s.put(r, 3, x.sheet !== undefined ? `${x.sheet}!${x.cell ?? ''}` : x.line !== undefined ? `${x.line}:${x.column ?? 1}` : '', STYLE.center);
      s.put(r, 4, t(lang, `fmt.severity.${x.severity}`), STYLE.center);
      s.put(r, 5, x.code, STYLE.center);
      s.merge(r, 6, r, 10, x.message ?? x.code, STYLE.text);
    }
  }
  s.columnWidths({ 1: lang === 'en' ? 10 : 8, 3: 28, 4: 24 });
  return s.build();
}

/** A bold heading over a block, merged across the sheet; returns the block's first row. */
function heading(s: SheetBuilder, row: number, text: string): number {
  s.merge(row, 1, row, s.columns, text, { bold: true, align: 'left' });
  return row + 1;
}

/**
 * One project in the 自评表 layout: project fields, the funding block with the execution score,
 * 年度总体目标 (预期目标 and 实际完成情况), the indicator grid by level 1 (section points printed
 * in the 一级指标 cell), 总分 and the grade, then the result application.
 */
function projectSheet(p: ProjectScore, report: ScoreReport, lang: Lang, name: string, recheckName: string): WriteSheet {
  const s = new SheetBuilder(name, 10);
  s.title(1, t(lang, 'score.xlsx.title.form'));
  s.merge(2, 1, 2, 10, t(lang, 'score.xlsx.year', { year: p.year }), STYLE.subtitle);
  s.projectRows((k) => col(lang, k), p);

  // 项目资金: 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分
  const e = p.execution;
  s.merge(5, 1, 6, 2, t(lang, 'score.xlsx.funds', { unit: p.budgetUnit }), STYLE.label);
  s.merge(5, 3, 5, 4, '', STYLE.label);
  [col(lang, 'initial'), col(lang, 'budget'), col(lang, 'executed'), col(lang, 'weight'), col(lang, 'rate'), col(lang, 'score')].forEach((h, i) => s.put(5, 5 + i, h, STYLE.head));
  s.merge(6, 3, 6, 4, t(lang, 'score.xlsx.totalFunds'), STYLE.label);
  s.put(6, 5, num(e.initial), STYLE.amount);
  s.put(6, 6, num(e.budget), STYLE.amount);
  s.put(6, 7, num(e.executed), STYLE.amount);
  s.put(6, 8, num(e.weight), STYLE.number);
  s.put(6, 9, pct(e.rate), STYLE.percent);
  s.put(6, 10, num(e.score), STYLE.score);

  // 年度总体目标: 预期目标 | 实际完成情况
  s.merge(7, 1, 8, 2, col(lang, 'goal'), STYLE.label);
  s.merge(7, 3, 7, 6, t(lang, 'score.xlsx.expected'), STYLE.head);
  s.merge(7, 7, 7, 10, col(lang, 'outcome'), STYLE.head);
  s.merge(8, 3, 8, 6, p.goal, STYLE.text);
  s.merge(8, 7, 8, 10, p.outcome ?? '', STYLE.text);

  // The indicator grid.
  const top = 9;
  [col(lang, 'level1'), col(lang, 'level2'), col(lang, 'indicator'), col(lang, 'target'), col(lang, 'actual'), col(lang, 'weight'), col(lang, 'score')].forEach((h, i) => s.put(top, 2 + i, h, STYLE.head));
  s.merge(top, 9, top, 10, col(lang, 'note'), STYLE.head);
  let r = top;
  const points = new Map(p.sections.map((x) => [x.section, x.weight]));
  for (const level1 of levelOrder(p)) {
    const rows = p.indicators.filter((i) => i.level1 === level1);
    const first = r + 1;
    for (const i of rows) {
      r++;
      s.put(r, 4, i.name, STYLE.text);
      s.put(r, 5, targetText(i), STYLE.text);
      s.put(r, 6, actualText(i, lang), STYLE.text);
      s.put(r, 7, i.informational ? '—' : num(i.weight), STYLE.number);
      s.put(r, 8, i.informational ? '—' : num(i.score), i.informational ? STYLE.center : STYLE.score);
      s.merge(r, 9, r, 10, i.note ?? '', STYLE.text);
    }
    const w = points.get(level1);
    const label = w !== undefined ? t(lang, 'score.xlsx.points', { section: sectionLabel(level1, lang), points: w.toFixed() }) : sectionLabel(level1, lang);
    s.merge(first, 2, r, 2, label, STYLE.label);
    // 二级指标: one merged cell for consecutive rows of the same level 2.
    let from = first;
    rows.forEach((i, k) => {
      const next = rows[k + 1];
      if (next && next.level2 === i.level2) return;
      s.merge(from, 3, first + k, 3, level2Label(level1, i.level2, lang), STYLE.label);
      from = first + k + 1;
    });
  }
  s.merge(top, 1, Math.max(r, top), 1, t(lang, 'score.xlsx.indicators'), STYLE.label);

  // 总分 and the grade.
  r++;
  const weights = p.sections.reduce((acc, x) => acc.plus(x.weight), new D(0)).plus(e.weight);
  s.merge(r, 1, r, 6, col(lang, 'total'), STYLE.head);
  s.put(r, 7, num(weights), STYLE.number);
  s.put(r, 8, num(p.total), STYLE.score);
  s.merge(r, 9, r, 10, p.status === 'scored' ? '' : t(lang, `score.status.${p.status}`), STYLE.center);
  r++;
  s.merge(r, 1, r, 2, t(lang, 'score.xlsx.grade'), STYLE.label);
  s.merge(r, 3, r, 10, p.grade ? gradeLabel(p.grade, lang) : t(lang, `score.status.${p.status}`), STYLE.text);
  if (p.recommendation) {
    r++;
    const rec = p.recommendation;
    const action = lang === 'en' && rec.actionEn ? rec.actionEn : rec.action;
    s.merge(r, 1, r, 2, t(lang, 'score.xlsx.application'), STYLE.label);
    s.merge(r, 3, r, 10, t(lang, 'score.line.recommendation', { action, adjustPct: rec.adjustPct.toFixed(), nextBudget: rec.nextBudget.toFixed(2), unit: p.budgetUnit }), STYLE.text);
  }
  r += 2;
  s.merge(r, 1, r, 10, t(lang, 'score.xlsx.recomputed', { policy: p.policy, sheet: recheckName }), STYLE.note);
  // English labels (Performance indicators, Implementing unit) need wider label columns.
  const wide = lang === 'en';
  s.columnWidths({ 1: wide ? 13 : 8, 2: 16, 3: 14, 4: 26, 5: 20, 6: 18, 7: wide ? 18 : 10, 8: 9, 9: 18, 10: 18 });
  return s.build();
}

/** The sections of a project in the order of the form: output, effect, cost, satisfaction (then decision, process). */
function levelOrder(p: ProjectScore): Level1[] {
  const present = new Set(p.indicators.map((i) => i.level1));
  return LEVEL1.filter((l) => present.has(l));
}

/** Every discrepancy of every project: item, claimed, computed, difference, reason. */
function recheckSheet(report: ScoreReport, lang: Lang, name: string): WriteSheet {
  const s = new SheetBuilder(name, 8);
  s.title(1, t(lang, 'score.xlsx.title.recheck'));
  const head = [col(lang, 'code'), col(lang, 'name'), col(lang, 'item'), col(lang, 'claimed'), col(lang, 'computed'), t(lang, 'score.xlsx.difference'), col(lang, 'reason')];
  head.forEach((h, i) => s.put(3, i + 1, h, STYLE.head));
  s.put(3, 8, col(lang, 'department'), STYLE.head);
  let r = 3;
  for (const p of report.projects) {
    for (const x of p.discrepancies) {
      r++;
      s.put(r, 1, p.code, STYLE.center);
      s.put(r, 2, p.name, STYLE.text);
      s.put(r, 3, discrepancyItem(x.item, lang, p), STYLE.text);
      // A printed budget figure keeps its own decimals; scores show two.
      const figure = x.item.startsWith('budget:') ? STYLE.number : STYLE.score;
      s.put(r, 4, value(x.claimed, lang), typeof x.claimed === 'string' ? STYLE.center : figure);
      s.put(r, 5, value(x.computed, lang), typeof x.computed === 'string' || x.computed === null ? STYLE.center : figure);
      const diff = typeof x.claimed !== 'string' && x.computed !== null && typeof x.computed !== 'string' ? num(x.claimed.minus(x.computed)) : null;
      s.put(r, 6, diff, { ...STYLE.score, numFmt: '+0.00;-0.00;0.00' });
      s.put(r, 7, message(lang, `score.reason.${x.reason}`), STYLE.text);
      s.put(r, 8, p.department, STYLE.text);
    }
  }
  if (r === 3) s.merge(4, 1, 4, 8, t(lang, 'score.line.noDiscrepancies'), STYLE.center);
  s.columnWidths({ 2: 26, 3: 28, 7: 30 });
  return s.build({ freezeRows: 3 });
}

/** A claimed or computed value: a score as a number, a grade as its word, nothing as —. */
function value(x: Dec | string | null, lang: Lang) {
  if (x === null) return '—';
  if (typeof x === 'string') return gradeLabel(x as Grade, lang);
  return num(x);
}
