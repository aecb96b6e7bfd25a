// `markdown`: a report to paste into a pull request, an issue or a CI job summary.
//
//   # bpm validate                      (# bpm 校验报告)
//   ✖ 2 problems (1 error, 1 warning) in 1 file
//   ## Overview                         (review reports: score and verdict per file)
//   ## p/dossier.yaml                   (a table per file with something to show)
//   | Line:Col | Severity | Code | Message |
//   ## ✔ Files without problems
//
// Everything taken from the input is escaped: `|` and newlines would break a table row, and
// `<`, `&`, `*`, `_`, `[` … would be read as HTML or emphasis. Honours --quiet.
import type { Diagnostic } from '../../core/diagnostics.js';
import type { CheckReport, FileResult, FormatOptions } from '../../core/report.js';
import { hasMessage, type KeysUnder, message, t } from '../../i18n/index.js';
import { reviewLetter, reviewOverview } from './review-markdown.js';
import { fileReview } from './review-parts.js';
import { groups, location, messageOf, normalizeNewlines, severityLabel, showControls, summaryLine } from './shared.js';

export function markdown(report: CheckReport, opts: FormatOptions): string {
  const lang = opts.lang;
  const shown = groups(report, opts.quiet === true);
  const withProblems = shown.filter((g) => g.diagnostics.length > 0);
  const out: string[] = [`# ${t(lang, `fmt.md.title.${report.command}`)}`, '', escapeMd(summaryLine(report, withProblems, opts))];

  const reviewed = report.command === 'review';
  const batch = reviewOverview(report, opts);
  if (batch.length > 0) out.push(...batch);
  else if (reviewed && report.files.length > 0) {
    out.push('', `## ${t(lang, 'fmt.md.overview')}`, '', ...overview(report.files, opts));
  }

  // A dossier reviewed by `bpm review` gets its review opinion (which lists every problem of the
  // file) instead of the plain table.
  const letters = new Set<string>();
  for (const g of shown) {
    const r = g.result ? fileReview(g.result) : undefined;
    if (!g.result || !r) continue;
    letters.add(g.result.file);
    out.push(...reviewLetter(g.result, r, opts));
  }

  for (const g of withProblems) {
    if (g.file !== undefined && letters.has(g.file)) continue;
    const heading = g.file === undefined ? t(lang, 'fmt.general') : escapeMd(g.file);
    out.push('', `## ${heading}`, '', ...table(g.diagnostics, opts));
  }

  const clean = shown.filter((g) => g.file !== undefined && g.diagnostics.length === 0 && !letters.has(g.file));
  if (clean.length > 0) {
    out.push('', `## ${t(lang, 'fmt.md.clean')}`, '', ...clean.map((g) => `- ${escapeMd(g.file as string)}`));
  }
  return out.join('\n') + '\n';
}

function table(list: readonly Diagnostic[], opts: FormatOptions): string[] {
  const h = (k: KeysUnder<'fmt.md.col.'>): string => t(opts.lang, `fmt.md.col.${k}`);
  return [
    `| ${h('location')} | ${h('severity')} | ${h('code')} | ${h('message')} |`,
    '| --- | --- | --- | --- |',
    ...list.map(
      (d) =>
        `| ${location(d) || '—'} | ${severityLabel(d.severity, opts.lang)} | ${escapeMd(d.code)} | ${escapeMd(messageOf(d, opts.lang))} |`,
    ),
  ];
}

/** Score and verdict per file (for a review report without its batch summary), read defensively. */
function overview(files: readonly FileResult[], opts: FormatOptions): string[] {
  const lang = opts.lang;
  const h = (k: KeysUnder<'fmt.md.col.'>): string => t(lang, `fmt.md.col.${k}`);
  const rows = files.map((f) => {
    const r = 'review' in f && isRecord(f.review) ? f.review : {};
    const score = typeof r.score === 'number' && Number.isFinite(r.score) ? String(r.score) : '—';
    const verdict =
      typeof r.verdict === 'string'
        ? hasMessage(`fmt.verdict.${r.verdict}`)
          ? message(lang, `fmt.verdict.${r.verdict}`)
          : escapeMd(r.verdict)
        : '—';
    const errors = f.diagnostics.filter((d) => d.severity === 'error').length;
    const warnings = f.diagnostics.filter((d) => d.severity === 'warning').length;
    return `| ${escapeMd(f.file)} | ${score} | ${verdict} | ${dimensions(r.dimensions)} | ${errors} | ${warnings} |`;
  });
  return [
    `| ${h('file')} | ${h('score')} | ${h('verdict')} | ${h('dimensions')} | ${h('errors')} | ${h('warnings')} |`,
    '| --- | ---: | --- | --- | ---: | ---: |',
    ...rows,
  ];
}

/** `clarity 18 · relevance 20`: each dimension with a numeric score (plain or `{score}`). */
function dimensions(value: unknown): string {
  if (!isRecord(value)) return '—';
  const parts: string[] = [];
  for (const [name, dim] of Object.entries(value)) {
    const score = typeof dim === 'number' ? dim : isRecord(dim) && typeof dim.score === 'number' ? dim.score : undefined;
    if (score !== undefined && Number.isFinite(score)) parts.push(`${escapeMd(name)} ${score}`);
  }
  return parts.length > 0 ? parts.join(' · ') : '—';
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Text safe inside a table cell, a heading or a list item: markup characters backslash-escaped,
 * `<` `>` `&` as entities (GitHub would drop unknown tags), line breaks as `<br>`.
 */
export function escapeMd(s: string): string {
  return showControls(normalizeNewlines(s))
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_[\]|#~]/g, (c) => `\\${c}`)
    .replace(/\t/g, ' ')
    .replace(/\n/g, '<br>');
}
