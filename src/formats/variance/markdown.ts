// `markdown`: a monitoring report to paste into an issue, a pull request or a CI job summary.
// Per project: the budget by period, the indicators of the last period, the flags, and a
// mermaid `xychart-beta` chart of planned (bars) and actual (line) cumulative spend, which
// GitHub and GitLab render. The input problems (file:line) close the report.
import type { Diagnostic } from '../../core/diagnostics.js';
import type { FormatOptions } from '../../core/report.js';
import type { ProjectVariance } from '../../core/monitoring/report.js';
import type { VarianceReport } from '../../core/report.js';
import { type KeysUnder, message, t } from '../../i18n/index.js';
import { escapeMd } from '../validate/markdown.js';
import type { VarianceSummary } from '../../core/monitoring/summary.js';
import { asWritten, Deferred, fixed, flagMessage, likelihoodWord, percentOf, periodSummaryLine, rounded, statusWord, where } from './shared.js';

const MARK: Record<string, string> = { red: '🔴', yellow: '🟡', green: '🟢', ahead: '🔵', 'no-data': '⚪' };

export function* markdown(report: VarianceReport, opts: FormatOptions): Generator<string | Buffer> {
  yield `# ${t(opts.lang, 'variance.md.title')}\n\n`;
  // The summary opens the report but is complete only after every project: the details wait.
  const details = new Deferred();
  let any = false;
  for (const p of report.projects) {
    details.push(project(p, opts) + '\n');
    any = true;
  }
  const summary = report.summary;
  if (summary !== undefined && summary.projects.length > 0) yield summaryTable(summary, opts) + '\n';
  yield* details.drain();
  if (!any) yield t(opts.lang, 'variance.no-data') + '\n\n';
  yield problems(report.diagnostics, opts);
}

/** One line per project for the summary's period (docs/formats.md#variance-json). */
function summaryTable(s: VarianceSummary, opts: FormatOptions): string {
  const lang = opts.lang;
  const h = (k: KeysUnder<'variance.col.'>) => t(lang, `variance.col.${k}`);
  const out = [`## ${escapeMd(t(lang, 'variance.summary.title', { period: s.period ?? '—' }))}`, ''];
  out.push(`| ${(['project', 'name', 'status', 'worst', 'goal', 'dualGap'] as const).map(h).join(' | ')} |`, '| --- | --- | --- | --- | ---: | --- |');
  for (const e of s.projects) {
    out.push(`| ${[escapeMd(e.code), escapeMd(e.name), status(e.status, lang), e.worstIndicator === null ? '—' : escapeMd(e.worstIndicator), e.goalProgress === null ? '—' : asWritten(e.goalProgress) + '%', e.dualGap ? `⚠ ${t(lang, 'variance.yes')}` : '—'].join(' | ')} |`);
  }
  return out.join('\n') + '\n';
}

function status(s: string | null, lang: FormatOptions['lang']): string {
  return s === null ? '—' : `${MARK[s] ?? ''} ${statusWord(s, lang)}`;
}

function project(p: ProjectVariance, opts: FormatOptions): string {
  const lang = opts.lang;
  const h = (k: KeysUnder<'variance.col.'>) => t(lang, `variance.col.${k}`);
  const n = p.decimals;
  const out: string[] = [`## ${escapeMd(p.code)} ${escapeMd(p.name)}`, '', `${escapeMd(p.department)} · ${escapeMd(t(lang, 'variance.unit', { unit: p.unit }))}`, ''];
  if (p.periods.length === 0) return [...out, `**${status('no-data', lang)}**${lang === 'zh' ? '：' : ': '}${escapeMd(t(lang, 'variance.no-data-project'))}`, ''].join('\n') + '\n';
  out.push(
    `| ${(['period', 'time', 'total', 'planned', 'actual', 'variance', 'variancePct', 'execution', 'pace', 'status'] as const).map(h).join(' | ')} |`,
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
  );
  for (const per of p.periods) {
    const b = per.budget;
    out.push(
      `| ${[
        per.period,
        percentOf(per.timeProgress, n) + '%',
        asWritten(b.total),
        fixed(b.planned, n),
        b.actual === null ? '—' : fixed(b.actual, n, b.actualText),
        fixed(b.variance, n),
        b.variancePct === null ? '—' : fixed(b.variancePct, n) + '%',
        b.executionRate === null ? '—' : fixed(b.executionRate, n) + '%',
        fixed(b.pace, n),
        status(b.status, lang),
      ].join(' | ')} |`,
    );
  }
  const last = p.periods[p.periods.length - 1];
  if (last.indicators.length > 0) {
    out.push('', `### ${escapeMd(t(lang, 'variance.indicators-at', { period: last.period }))}`, '');
    out.push(
      `| ${(['indicator', 'target', 'expected', 'value', 'variance', 'ratio', 'status', 'projection', 'likelihood', 'note'] as const).map(h).join(' | ')} |`,
      '| --- | ---: | ---: | ---: | ---: | ---: | --- | ---: | --- | --- |',
    );
    for (const i of last.indicators) {
      const op = i.operator === '<=' ? ' ≤' : i.operator === '=' ? ' =' : '';
      const unit = i.unit ? ` ${escapeMd(i.unit)}` : '';
      out.push(
        `| ${[
          `${escapeMd(i.code)} ${escapeMd(i.name)}${op}`,
          asWritten(i.target) + unit,
          fixed(i.expected, n),
          asWritten(i.actual, i.actualText),
          fixed(i.variance, n),
          fixed(i.ratio, n),
          status(i.status, lang),
          fixed(i.projection, n),
          likelihoodWord(i.likelihood, lang),
          i.note === undefined ? '' : escapeMd(i.note),
        ].join(' | ')} |`,
      );
    }
  }
  out.push('', periodSummaryLine(last, n, lang));
  if (last.adjustments.length > 0) out.push('', escapeMd(t(lang, 'variance.adjusted', { dates: last.adjustments.map((a) => a.date).join(', ') })));
  const flags = last.flags.filter((f) => !(opts.quiet && f.severity === 'info'));
  if (flags.length > 0) {
    out.push('', `**${escapeMd(t(lang, 'variance.flags-at', { period: last.period }))}**`, '');
    for (const f of flags) out.push(`- ${f.severity === 'error' ? '✖' : f.severity === 'warning' ? '⚠' : 'ℹ'} ${escapeMd(flagMessage(f, lang))}`);
  }
  // A chart of one period is one bar and a line of one point, which mermaid does not draw: the
  // table above says it all.
  if (p.periods.length > 1) out.push('', ...chart(p, opts));
  return out.join('\n') + '\n';
}

/**
 * Mermaid xychart-beta: planned cumulative spend as bars, actual as a line (no legend in mermaid:
 * the title says which, short enough for the chart's default width of 700 pixels).
 */
function chart(p: ProjectVariance, opts: FormatOptions): string[] {
  const n = p.decimals;
  const num = (x: Parameters<typeof rounded>[0]) => String(rounded(x, n) ?? 0);
  const title = t(opts.lang, 'variance.md.chart', { code: p.code, unit: p.unit }).replace(/"/g, "'");
  const periods = p.periods;
  let top = periods[periods.length - 1].budget.total;
  for (const per of periods) top = Math.max(top, rounded(per.budget.planned, n) ?? 0, rounded(per.budget.actual, n) ?? 0);
  return [
    '```mermaid',
    'xychart-beta',
    `    title "${title}"`,
    `    x-axis [${periods.map((per) => `"${per.period}"`).join(', ')}]`,
    `    y-axis "${p.unit}" 0 --> ${top}`,
    `    bar [${periods.map((per) => num(per.budget.planned)).join(', ')}]`,
    // mermaid has no gaps in a line: without spend for every period, the line is left out.
    ...(periods.every((per) => per.budget.actual !== null) ? [`    line [${periods.map((per) => num(per.budget.actual)).join(', ')}]`] : []),
    '```',
  ];
}

function problems(list: readonly Diagnostic[], opts: FormatOptions): string {
  const shown = list.filter((d) => !(opts.quiet && d.severity !== 'error'));
  const lang = opts.lang;
  if (shown.length === 0) return `## ${t(lang, 'variance.problems.none')}\n`;
  const out = [`## ${t(lang, 'variance.problems.title', { n: shown.length })}`, '', `| ${t(lang, 'variance.col.where')} | ${t(lang, 'fmt.md.col.severity')} | ${t(lang, 'fmt.md.col.code')} | ${t(lang, 'fmt.md.col.message')} |`, '| --- | --- | --- | --- |'];
  for (const d of shown) {
    out.push(`| ${escapeMd(where(d))} | ${t(lang, `fmt.severity.${d.severity}`)} | ${escapeMd(d.code)} | ${escapeMd(d.message ?? message(lang, d.code, d.args ?? {}))} |`);
  }
  return out.join('\n') + '\n';
}
