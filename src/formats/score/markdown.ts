// `markdown`: a report a finance bureau could publish. One project follows the published
// 项目支出绩效自评表: project header, the budget table (年初预算数, 全年预算数, 全年执行数, 分值,
// 执行率, 得分), the indicator table (一级/二级/三级指标, 年度指标值, 实际完成值, 分值, 得分,
// 偏差原因) with section subtotals and the total, findings, the recheck and the result
// application. A batch starts with the ranking, a mermaid pie of the grade distribution,
// department averages and the projects needing attention, then each project's report.
import type { FormatOptions } from '../../core/report.js';
import type { ProjectScore, ScoreReport } from '../../core/scoring/types.js';
import { GRADES } from '../../core/model/model.js';
import { type KeysUnder, t } from '../../i18n/index.js';
import { escapeMd } from '../validate/markdown.js';
import { actualText, colon, diagnosticPlace, findingText, paren, claimedText, discrepancyItem, FINDING_KINDS, findingsByKind, fixed, gradeLabel, kindHeading, level2Label, methodText, percent, plain, sectionLabel, targetText, weightText, applicationRows } from './shared.js';

export function markdown(report: ScoreReport, opts: FormatOptions): string {
  return [...markdownChunks(report, opts)].join('');
}

/** The same text project by project (a batch's report is never one string in memory). */
export function* markdownChunks(report: ScoreReport, opts: FormatOptions): Generator<string> {
  let first = true;
  for (const lines of sections(report, opts)) {
    if (lines.length === 0) continue;
    yield (first ? '' : '\n') + lines.join('\n');
    first = false;
  }
  yield '\n';
}

/** The report's lines in groups; the text is every line joined with newlines. */
function* sections(report: ScoreReport, opts: FormatOptions): Generator<string[]> {
  const lang = opts.lang;
  if (report.batch) {
    yield [`# ${t(lang, 'score.title.batch', { count: report.projects.length })}`, '', ...batch(report, opts), '', `## ${t(lang, 'score.h.details')}`];
    for (const { project: p } of report.ranking) yield ['', ...project(p, report, opts, '###')];
  } else if (report.projects[0]) {
    yield project(report.projects[0], report, opts, '#');
  }
  yield ['', ...policy(report, opts)];
  if (report.diagnostics.length) {
    const out = ['', `## ${t(lang, 'score.h.diagnostics')}`, ''];
    for (const d of report.diagnostics) out.push(`- ${d.severity} ${escapeMd(diagnosticPlace(d))} ${escapeMd(d.message ?? d.code)} (\`${d.code}\`)`);
    yield out;
  }
}

function row(cells: string[]): string {
  return `| ${cells.join(' | ')} |`;
}

function project(p: ProjectScore, report: ScoreReport, opts: FormatOptions, h1: string): string[] {
  const lang = opts.lang;
  const h = (k: KeysUnder<'score.col.'>) => t(lang, `score.col.${k}`);
  const d = report.decimals;
  const h2 = h1 + '#';
  const out: string[] = [`${h1} ${escapeMd(paren(lang, p.name, p.code))}`, ''];
  out.push(row([h('code'), h('name'), h('department'), h('unit'), h('year'), h('total'), h('grade')]), row(Array(7).fill('---')));
  out.push(row([escapeMd(p.code), escapeMd(p.name), escapeMd(p.department), escapeMd(p.unit ?? '—'), String(p.year), p.total === null ? '—' : `**${fixed(p.total, d)}**`, gradeLabel(p.grade, lang)]));
  out.push('');
  if (p.status === 'incomplete') out.push(`> **${escapeMd(t(lang, 'score.line.incomplete', { partial: fixed(p.partialTotal, d) }))}**`, '');
  if (p.status === 'invalid') return [...out, `> **${escapeMd(t(lang, 'score.line.invalid'))}**`];
  if (p.adjustments.length) out.push(`> ${escapeMd(t(lang, 'score.line.adjusted', { dates: p.adjustments.join(', ') }))}`, '');
  // The 年度总体目标 row of a 自评表: the goal and what was achieved of it.
  if (p.outcome !== null) out.push(row([h('goal'), h('outcome')]), row(['---', '---']), row([escapeMd(p.goal), escapeMd(p.outcome)]), '');

  const e = p.execution;
  out.push(`${h2} ${paren(lang, t(lang, 'score.h.budget'), p.budgetUnit)}`, '');
  out.push(row([h('initial'), h('budget'), h('executed'), h('weight'), h('rate'), h('score')]), row(Array(6).fill('---:')));
  out.push(row([plain(e.initial), plain(e.budget), plain(e.executed), plain(e.weight), percent(e.rate), fixed(e.score, d)]));
  if (e.note) out.push('', escapeMd(colon(lang, h('note'), e.note)));

  out.push('', `${h2} ${t(lang, 'score.h.indicators')}`, '');
  out.push(row([h('level1'), h('level2'), h('indicator'), h('target'), h('actual'), h('weight'), h('score'), h('note')]), row(['---', '---', '---', '---', '---', '---:', '---:', '---']));
  for (const s of p.sections) {
    for (const i of p.indicators.filter((x) => x.section === s.section)) {
      out.push(row([sectionLabel(i.level1, lang), escapeMd(level2Label(i.level1, i.level2, lang)), escapeMd(i.name), escapeMd(targetText(i)), escapeMd(actualText(i, lang)), weightText(i), fixed(i.score, d), escapeMd(i.note ?? '')]));
    }
    out.push(row([`*${sectionLabel(s.section, lang)} ${t(lang, 'score.row.sum')}*`, '', '', '', '', plain(s.weight), `*${fixed(s.score, d)}*`, '']));
  }
  out.push(row([t(lang, 'score.row.execution'), '', '', '', percent(e.rate), plain(e.weight), fixed(e.score, d), '']));
  out.push(row([`**${t(lang, 'score.row.total')}**`, '', '', '', '', '100', `**${p.total === null ? `(${fixed(p.partialTotal, d)})` : fixed(p.total, d)}**`, gradeLabel(p.grade, lang)]));
  const methods = p.indicators.filter((i) => i.survey || i.panel || i.method === 'default' || i.method === 'linear');
  if (methods.length) {
    out.push('');
    for (const i of methods) out.push(`- ${escapeMd(colon(lang, `${i.code} ${i.name}`, methodText(i, lang, d)))}`);
  }

  if (p.composite) {
    out.push('', `${h2} ${t(lang, 'score.h.composite')}`, '', row([h('by'), h('score'), h('assessorWeight')]), row(['---', '---:', '---:']));
    for (const x of p.composite.parts) out.push(row([t(lang, `score.role.${x.by}`), fixed(x.score, d), plain(x.weight)]));
    out.push(row([`**${h('composite')}**`, `**${fixed(p.composite.score, d)}**`, gradeLabel(p.composite.grade, lang)]));
  }

  const groups = findingsByKind(p);
  out.push('', `${h2} ${t(lang, 'score.h.findings')}`);
  for (const kind of FINDING_KINDS) {
    if (!groups[kind].length) continue;
    out.push('', `**${kindHeading(kind, lang)}**`, '');
    for (const f of groups[kind]) out.push(`- ${escapeMd(findingText(f, opts.lang, p.budgetUnit))}`);
  }

  if (p.discrepancies.length || e.score !== null) {
    const claimed = p.discrepancies.length;
    if (claimed) {
      out.push('', `${h2} ${t(lang, 'score.h.discrepancies')}`, '', row([h('item'), h('claimed'), h('computed'), h('reason')]), row(['---', '---:', '---:', '---']));
      for (const x of p.discrepancies) out.push(row([escapeMd(discrepancyItem(x.item, lang, p)), claimedText(x.claimed, lang, d, x.item), claimedText(x.computed, lang, d, x.item), t(lang, `score.reason.${x.reason}`)]));
    }
  }
  if (p.recommendation) {
    const r = p.recommendation;
    out.push('', `${h2} ${t(lang, 'score.h.recommendation')}`, '', row([h('grade'), h('adjustPct'), h('nextBudget'), h('action')]), row(['---', '---:', '---:', '---']));
    out.push(row([gradeLabel(r.grade, lang), plain(r.adjustPct), `${fixed(r.nextBudget, 2)} ${p.budgetUnit}`, escapeMd(lang === 'en' ? (r.actionEn ?? r.action) : r.action)]));
  }
  return out;
}

function batch(report: ScoreReport, opts: FormatOptions): string[] {
  const lang = opts.lang;
  const h = (k: KeysUnder<'score.col.'>) => t(lang, `score.col.${k}`);
  const d = report.decimals;
  const s = report.summary;
  const out: string[] = [escapeMd(t(lang, 'score.line.summary', { projects: s.projects, scored: s.scored, incomplete: s.incomplete, invalid: s.invalid, mean: fixed(s.mean, d) })), ''];
  out.push(`## ${t(lang, 'score.h.ranking')}`, '', row([h('rank'), h('code'), h('name'), h('department'), h('total'), h('grade'), h('rate'), h('composite'), h('discrepancies')]), row(['---:', '---', '---', '---', '---:', '---', '---:', '---:', '---:']));
  for (const { rank, project: p } of report.ranking) {
    out.push(row([rank === null ? '—' : String(rank), escapeMd(p.code), escapeMd(p.name), escapeMd(p.department), p.total === null ? t(lang, `score.status.${p.status}`) : fixed(p.total, d), gradeLabel(p.grade, lang), percent(p.execution.rate), p.composite ? fixed(p.composite.score, d) : '—', String(p.discrepancies.length)]));
  }
  out.push('', `## ${t(lang, 'score.h.distribution')}`, '');
  // A pie of nothing but zeros renders empty or broken in mermaid: say so in words instead.
  if (GRADES.some((g) => s.grades[g] > 0)) {
    out.push('```mermaid', `pie showData title ${t(lang, 'score.h.distribution')}`);
    for (const g of GRADES) out.push(`    "${gradeLabel(g, lang)}" : ${s.grades[g]}`);
    out.push('```');
  } else out.push(escapeMd(t(lang, 'score.md.noGrades')));
  out.push('', row([h('grade'), h('count')]), row(['---', '---:']));
  for (const g of GRADES) out.push(row([gradeLabel(g, lang), String(s.grades[g])]));
  out.push('', `## ${t(lang, 'score.h.departments')}`, '', row([h('department'), h('projects'), h('scored'), h('mean')]), row(['---', '---:', '---:', '---:']));
  for (const x of report.departments) out.push(row([escapeMd(x.department), String(x.projects), String(x.scored), fixed(x.mean, d)]));
  const app = applicationRows(s.application, lang);
  out.push('', `## ${t(lang, 'score.h.application', { unit: s.application.unit })}`, '', row(app.head), row(['---', '---:', '---:', '---:', '---:', '---:']));
  app.rows.forEach((r, k) => out.push(row(k === app.rows.length - 1 ? r.map((x) => `**${escapeMd(x)}**`) : [escapeMd(r[0]), ...r.slice(1)])));
  if (s.application.total.notApplied > 0) out.push('', escapeMd(t(lang, 'score.line.notApplied')));
  if (report.attention.length) {
    const byCode = new Map(report.projects.map((p) => [p.code, p]));
    out.push('', `## ${t(lang, 'score.h.attention')}`, '');
    for (const a of report.attention) out.push(`- ${escapeMd(colon(lang, `${a.code} ${byCode.get(a.code)?.name ?? ''}`, a.reasons.map((r) => t(lang, `score.attention.${r}`)).join(lang === 'zh' ? '、' : ', ')))}`);
  }
  return out;
}

function policy(report: ScoreReport, opts: FormatOptions): string[] {
  const p = report.policyValues;
  const lang = opts.lang;
  const sections = Object.entries(p.sections).map(([k, v]) => `${sectionLabel(k as never, lang)} ${v.toFixed()}`).join(', ');
  const grades = p.grades.map((g) => `${gradeLabel(g.grade, lang)} ≥ ${g.min.toFixed()}`).join(', ');
  return [
    `## ${t(lang, 'score.h.policy')}`,
    '',
    escapeMd(t(lang, 'score.line.policy', { policy: p.name, execution: p.executionWeight.toFixed(), sections, grades, reverse: p.reverse, decimals: p.decimals, tolerance: p.recheck.tolerance.toFixed(), relative: p.recheck.relativeTolerance.times(100).toFixed() })),
    '',
    escapeMd(t(lang, 'score.md.publish', { policy: p.name, decimals: p.decimals })),
  ];
}
