// `table` (default): a readable terminal report. One project: header, total and grade, the
// budget row, the indicator table with section subtotals (so the reader sees the total add
// up), findings by kind, the recheck and the result application. A batch: the ranking, the
// grade distribution, department averages and the projects needing attention. On a terminal
// narrower than a table, its text columns wrap (boxed tables) or are shortened (lists).
import { Chalk, type ChalkInstance } from 'chalk';
import Table from 'cli-table3';
import type { FormatOptions } from '../../core/report.js';
import type { ProjectScore, ScoreReport } from '../../core/scoring/types.js';
import { GRADES, type Grade } from '../../core/model/model.js';
import { type KeysUnder, type MessageArgs, t } from '../../i18n/index.js';
import { count } from '../validate/shared.js';
import { fitColumns } from '../box-table.js';
import { hanging, stringWidth, wrapStyled } from '../validate/width.js';
import { columns } from './columns.js';
import { actualText, colon, paren, diagnosticPlace, findingText, clip, claimedText, discrepancyItem, FINDING_KINDS, findingsByKind, fixed, gradeLabel, kindHeading, level2Label, methodText, percent, plain, sectionLabel, targetText, weightText, applicationRows } from './shared.js';

const ATTENTION_SHOWN = 50;

export function table(report: ScoreReport, opts: FormatOptions): string {
  const c = new Chalk({ level: opts.color ? 1 : 0 });
  const parts: string[] = [];
  if (report.batch) parts.push(batch(report, opts, c));
  else if (report.projects[0]) parts.push(project(report.projects[0], report, opts, c));
  else parts.push(t(opts.lang, 'score.line.noProjects'));
  const errors = report.diagnostics.filter((d) => d.severity === 'error');
  const warnings = report.diagnostics.filter((d) => d.severity === 'warning');
  if (errors.length || warnings.length) {
    // One block: a heading, then one line per problem (no blank line between them).
    const lines = [c.bold(t(opts.lang, 'score.h.diagnostics')) + '  ' + t(opts.lang, 'score.line.diagnostics', { errors: count(opts.lang, 'error', errors.length), warnings: count(opts.lang, 'warning', warnings.length) })];
    for (const d of [...errors, ...warnings].slice(0, 50)) {
      const where = diagnosticPlace(d);
      lines.push(hanging(`  ${d.severity === 'error' ? c.red('✖') : c.yellow('⚠')} `, `${where} ${d.message ?? d.code} ${c.dim(d.code)}`, opts.width));
    }
    parts.push(lines.join('\n'));
  }
  return parts.join('\n\n') + '\n';
}

/** A boxed table: its rows are pushed, and `toString` draws it (fitted to `width` when given, see fitted). */
function grid(head: string[], c: ChalkInstance, aligns: ('left' | 'right')[], width?: number): { push(row: Table.HorizontalTableRow): void; toString(): string } {
  const rows: Table.HorizontalTableRow[] = [];
  const make = (heads: string[], colWidths?: number[]) => new Table({ head: heads.map((h) => c.bold(h)), style: { head: [], border: [], compact: true }, colAligns: aligns, wordWrap: true, ...(colWidths ? { colWidths } : {}) });
  return {
    push: (row) => void rows.push(row),
    toString() {
      const table = make(head);
      table.push(...rows);
      const text = table.toString();
      return width === undefined ? text : fitted(text, head, rows, aligns, width, make);
    },
  };
}

/**
 * The table drawn as `text` fitted to `width` (see fitColumns): its headings and left-aligned
 * columns (text) wrapped onto more lines; the right-aligned ones (numbers) never cut.
 */
function fitted(text: string, head: string[], rows: Table.HorizontalTableRow[], aligns: ('left' | 'right')[], width: number, make: (heads: string[], colWidths: number[]) => Table.Table): string {
  const top = text.slice(0, text.indexOf('\n'));
  if (stringWidth(top) <= width) return text;
  // The natural widths, padding included, read off the top border.
  const natural = top.slice(1, -1).split('┬').map((s) => s.length);
  const wrap = aligns.map((a) => a === 'left');
  const plain = (cell: string) => cell.replace(/\u001b\[[0-9;]*m/g, '');
  // The cells by column: a spanning cell shifts the columns of the cells after it, and belongs to none.
  const place = (r: Table.HorizontalTableRow) => {
    let col = 0;
    return r.map((cell) => {
      const at = col;
      const span = typeof cell === 'object' && cell !== null && 'colSpan' in cell ? (cell.colSpan ?? 1) : 1;
      col += span;
      return { cell, at: span === 1 && typeof cell === 'string' ? at : -1 };
    });
  };
  const cells = rows.map((r) => {
    const byCol: string[] = [];
    for (const { cell, at } of place(r)) if (at >= 0) byCol[at] = plain(cell as string);
    return byCol;
  });
  const widths = fitColumns(natural, head, cells, wrap, width - (natural.length + 1));
  const fit = (cell: string, at: number) => (stringWidth(plain(cell)) > widths[at] - 2 ? wrapStyled(cell, widths[at] - 2).join('\n') : cell);
  const table = make(head.map((h, at) => fit(h, at)), widths);
  for (const r of rows) table.push(place(r).map(({ cell, at }) => (at >= 0 ? fit(cell as string, at) : cell)));
  return table.toString();
}

function gradeColor(c: ChalkInstance, g: Grade | null): ChalkInstance {
  return g === 'excellent' ? c.green : g === 'good' ? c.cyan : g === 'fair' ? c.yellow : g === 'poor' ? c.red : c.dim;
}

function project(p: ProjectScore, report: ScoreReport, opts: FormatOptions, c: ChalkInstance): string {
  const lang = opts.lang;
  const h = (k: KeysUnder<'score.col.'>) => t(lang, `score.col.${k}`);
  const d = report.decimals;
  const out: string[] = [];
  out.push(c.bold(paren(lang, p.name, p.code)));
  out.push(hanging('', [colon(lang, h('department'), p.department), ...(p.unit ? [colon(lang, h('unit'), p.unit)] : []), colon(lang, h('year'), String(p.year)), colon(lang, h('policy'), p.policy)].join(' · '), opts.width));
  if (p.status === 'scored') out.push(gradeColor(c, p.grade).bold(t(lang, 'score.line.total', { total: fixed(p.total, d), grade: gradeLabel(p.grade, lang) })));
  else if (p.status === 'incomplete') out.push(c.red.bold(t(lang, 'score.line.incomplete', { partial: fixed(p.partialTotal, d) })));
  else out.push(c.red.bold(t(lang, 'score.line.invalid')));
  if (p.composite) {
    out.push(t(lang, 'score.line.composite', { score: fixed(p.composite.score, d), grade: gradeLabel(p.composite.grade, lang), parts: p.composite.parts.map((x) => `${t(lang, `score.role.${x.by}`)} ${fixed(x.score, d)}×${plain(x.weight)}`).join(lang === 'zh' ? '、' : ', ') }));
  }
  if (p.adjustments.length) out.push(c.dim(t(lang, 'score.line.adjusted', { dates: p.adjustments.join(', ') })));
  if (p.status === 'invalid') return out.join('\n');
  // The 年度总体目标 row of a 自评表: the goal and what was achieved of it.
  if (p.outcome !== null) out.push('', colon(lang, c.bold(h('goal')), p.goal), colon(lang, c.bold(h('outcome')), p.outcome));

  const e = p.execution;
  const budget = grid([h('initial'), h('budget'), h('executed'), h('weight'), h('rate'), h('score')], c, ['right', 'right', 'right', 'right', 'right', 'right'], opts.width);
  budget.push([plain(e.initial), plain(e.budget), plain(e.executed), plain(e.weight), percent(e.rate), fixed(e.score, d)]);
  out.push('', c.bold(paren(lang, t(lang, 'score.h.budget'), p.budgetUnit)) + (e.source === 'monitoring' ? c.dim(` — ${t(lang, 'score.line.executedFromMonitoring')}`) : ''), budget.toString());

  const ind = grid([h('code'), h('level1'), h('level2'), h('indicator'), h('target'), h('actual'), h('weight'), h('score')], c, ['left', 'left', 'left', 'left', 'left', 'left', 'right', 'right'], opts.width);
  for (const s of p.sections) {
    for (const i of p.indicators.filter((x) => x.section === s.section)) {
      const score = i.informational ? c.dim('—') : i.score === null ? c.red('—') : i.score.equals(i.weight) ? fixed(i.score, d) : c.yellow(fixed(i.score, d));
      ind.push([i.code, sectionLabel(i.level1, lang), level2Label(i.level1, i.level2, lang), clip(i.name, 28), clip(targetText(i), 28), actualText(i, lang), weightText(i), score]);
    }
    ind.push([{ colSpan: 6, content: c.dim(`${sectionLabel(s.section, lang)} ${t(lang, 'score.row.sum')}`) }, plain(s.weight), c.bold(fixed(s.score, d))]);
  }
  ind.push([{ colSpan: 6, content: c.dim(t(lang, 'score.row.execution')) }, plain(e.weight), fixed(e.score, d)]);
  ind.push([{ colSpan: 6, content: c.bold(t(lang, 'score.row.total')) }, '100', c.bold(p.total === null ? `(${fixed(p.partialTotal, d)})` : fixed(p.total, d))]);
  out.push('', c.bold(t(lang, 'score.h.indicators')), ind.toString());
  for (const i of p.indicators.filter((x) => x.survey || x.panel || x.method === 'default' || x.method === 'linear')) {
    out.push(c.dim(`  ${i.code}: ${methodText(i, lang, d)}`));
  }

  if (p.discrepancies.length) {
    const rc = grid([h('item'), h('claimed'), h('computed'), h('reason')], c, ['left', 'right', 'right', 'left'], opts.width);
    for (const x of p.discrepancies) rc.push([discrepancyItem(x.item, lang, p), c.red(claimedText(x.claimed, lang, d, x.item)), claimedText(x.computed, lang, d, x.item), t(lang, `score.reason.${x.reason}`)]);
    out.push('', c.bold(t(lang, 'score.h.discrepancies')), rc.toString());
  }

  const groups = findingsByKind(p);
  for (const kind of FINDING_KINDS) {
    const list = groups[kind];
    if (!list.length) continue;
    out.push('', c.bold(kindHeading(kind, lang)));
    for (const f of list) {
      const mark = f.severity === 'error' ? c.red('✖') : f.severity === 'warning' ? c.yellow('⚠') : kind === 'achievement' ? c.green('✔') : c.blue('•');
      out.push(hanging(`  ${mark} `, findingText(f, opts.lang, p.budgetUnit), opts.width));
    }
  }
  return out.join('\n');
}

function summaryArgs(report: ScoreReport): MessageArgs<'score.line.summary'> {
  const s = report.summary;
  return { projects: s.projects, scored: s.scored, incomplete: s.incomplete, invalid: s.invalid, mean: fixed(s.mean, report.decimals) };
}

function batch(report: ScoreReport, opts: FormatOptions, c: ChalkInstance): string {
  const lang = opts.lang;
  const h = (k: KeysUnder<'score.col.'>) => t(lang, `score.col.${k}`);
  const d = report.decimals;
  const out: string[] = [c.bold(t(lang, 'score.title.batch', { count: report.projects.length })) + c.dim(`  ${paren(lang, '', colon(lang, h('policy'), report.policy)).trim()}`)];
  const rows = report.ranking.map(({ rank, project: p }) => [
    rank === null ? '—' : String(rank),
    p.code,
    p.name,
    p.department,
    p.total === null ? { text: t(lang, `score.status.${p.status}`), style: c.red } : { text: fixed(p.total, d), style: c.bold },
    { text: gradeLabel(p.grade, lang), style: gradeColor(c, p.grade) },
    percent(p.execution.rate),
    p.discrepancies.length ? { text: String(p.discrepancies.length), style: c.red } : '0',
  ]);
  const shrink = (...cols: boolean[]) => (opts.width === undefined ? undefined : { width: opts.width, shrink: cols });
  const rankFit = opts.width === undefined ? undefined : { width: opts.width, shrink: [false, false, true, true, false, false, false, false], later: [false, false, false, false, false, true, false, false], short: [, , , , , , h('rateShort'), h('discrepanciesShort')] };
  const rk = columns([h('rank'), h('code'), h('name'), h('department'), h('total'), h('grade'), h('rate'), h('discrepancies')], rows, [true, false, false, false, true, false, true, true], c, rankFit);
  out.push(c.bold(t(lang, 'score.h.ranking')) + '\n' + rk);

  const s = report.summary;
  const max = Math.max(1, ...GRADES.map((g) => s.grades[g]));
  const bars = GRADES.map((g) => {
    const n = s.grades[g];
    const width = Math.round((n / max) * 30);
    return `  ${gradeLabel(g, lang).padEnd(lang === 'zh' ? 2 : 9)} ${String(n).padStart(5)}  ${gradeColor(c, g)('█'.repeat(width))}`;
  });
  out.push(c.bold(t(lang, 'score.h.distribution')) + '\n' + bars.join('\n'));

  const dep = columns([h('department'), h('projects'), h('scored'), h('mean')], report.departments.map((x) => [x.department, String(x.projects), String(x.scored), fixed(x.mean, d)]), [false, true, true, true], c, shrink(true, false, false, false));
  out.push(c.bold(t(lang, 'score.h.departments')) + '\n' + dep);

  const app = applicationRows(report.summary.application, lang);
  const appRows = app.rows.map((r, k) => (k === app.rows.length - 1 ? r.map((x) => ({ text: x, style: c.bold })) : r));
  const notApplied = report.summary.application.total.notApplied > 0 ? '\n' + c.dim(t(lang, 'score.line.notApplied')) : '';
  out.push(c.bold(t(lang, 'score.h.application', { unit: report.summary.application.unit })) + '\n' + columns(app.head, appRows, [false, true, true, true, true, true], c, shrink(true, false, false, false, false, false)) + notApplied);

  if (report.attention.length) {
    const byCode = new Map(report.projects.map((p) => [p.code, p]));
    // A terminal list stays readable: the first 50, then a count (json/csv/markdown list all).
    const lines = report.attention.slice(0, ATTENTION_SHOWN).map((a) => `  ${c.yellow('⚠')} ${colon(lang, `${a.code} ${byCode.get(a.code)?.name ?? ''}`, a.reasons.map((r) => t(lang, `score.attention.${r}`)).join(lang === 'zh' ? '、' : ', '))}`);
    if (report.attention.length > ATTENTION_SHOWN) lines.push(`  … ${t(lang, 'score.line.more', { count: report.attention.length - ATTENTION_SHOWN })}`);
    out.push(c.bold(t(lang, 'score.h.attention')) + '\n' + lines.join('\n'));
  }
  out.push(t(lang, 'score.line.summary', summaryArgs(report)));
  return out.join('\n\n');
}
