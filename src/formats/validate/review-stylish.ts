// The parts of the stylish output that only `bpm review` reports have: a score line under each
// dossier's heading, and after the dossiers a table of all of them with scores and verdicts and
// the most common problems across the batch.
import type { ChalkInstance } from 'chalk';
import type { CheckReport, FileReview, FormatOptions } from '../../core/report.js';
import { type KeysUnder, t } from '../../i18n/index.js';
import { batchRows, batchSummary, codeTitle, COMMON_LIMIT, verdictLabel } from './review-parts.js';
import { hanging, padEndWidth, padStartWidth, stringWidth, truncateWidth } from './width.js';

/**
 * The reviewer's verdict with its reasons: `pass (score 100/100, pass mark 80; 1 suggestion)`,
 * `revise (score 72/100, below the pass mark 80; 2 required changes)`. The verdict comes first
 * because it is what the dossier's author acts on; the score alone never decides it (a required
 * change means revise even at 100).
 */
export function scoreLine(r: FileReview, opts: FormatOptions, c: ChalkInstance): string {
  const lang = opts.lang;
  const counts: string[] = [];
  if (r.required.length) counts.push(t(lang, 'review.count.required', { n: r.required.length }));
  if (r.suggestions.length) counts.push(t(lang, 'review.count.suggestion', { n: r.suggestions.length }));
  const key = r.score < r.minScore ? 'review.stylish.score.below' : counts.length ? 'review.stylish.score.findings' : 'review.stylish.score';
  const findings = counts.join(t(lang, 'review.stylish.sep'));
  const text = t(lang, key, { score: r.score, minimum: r.minScore, verdict: verdictLabel(r.verdict, lang), findings });
  return '  ' + (r.verdict === 'pass' ? c.green : c.red)(text);
}

/** Batch table and common problems (only for two or more dossiers); '' otherwise. */
export function batchBlock(report: CheckReport, opts: FormatOptions, c: ChalkInstance): string {
  const lang = opts.lang;
  const batch = batchSummary(report);
  const rows = batchRows(report.files, lang);
  if (!batch || rows.length < 2) return '';
  const h = (k: KeysUnder<'review.col.'>): string => t(lang, `review.col.${k}`);
  const table: string[][] = [
    [h('project'), h('score'), h('verdict'), h('required'), h('suggestions')],
    ...rows.map((r) => [r.project, r.score, r.verdict, String(r.required), String(r.suggestions)]),
  ];
  const widths = table[0].map((_, i) => Math.max(...table.map((row) => stringWidth(row[i]))));
  // On a narrow terminal the project names are shortened (…), never the numbers.
  const over = opts.width === undefined ? 0 : 2 + widths.reduce((a, b) => a + b, 0) + 2 * (widths.length - 1) - opts.width;
  if (over > 0) {
    widths[0] = Math.max(stringWidth(table[0][0]), 8, widths[0] - over);
    for (const row of table) row[0] = truncateWidth(row[0], widths[0]);
  }
  const right = [false, true, false, true, true];
  const fmt = (row: string[]): string => '  ' + row.map((cell, i) => (right[i] ? padStartWidth(cell, widths[i]) : padEndWidth(cell, widths[i]))).join('  ').trimEnd();
  const lines = [c.underline(t(lang, 'review.batch.title')), c.dim(fmt(table[0]))];
  rows.forEach((r, i) => {
    const line = fmt(table[i + 1]);
    lines.push(r.review.verdict === 'pass' ? line : c.red(line));
  });
  const common = batch.commonProblems.slice(0, COMMON_LIMIT);
  if (common.length > 0) {
    lines.push('', c.underline(t(lang, 'review.common.title')));
    const cw = Math.max(...common.map((p) => stringWidth(p.code)));
    const tw = Math.max(...common.map((p) => stringWidth(codeTitle(p.code, lang))));
    for (const p of common) {
      lines.push(hanging(`  ${padEndWidth(p.code, cw)}  `, `${padEndWidth(codeTitle(p.code, lang), tw)}  ${h('dossiers')} ${p.dossiers} · ${h('count')} ${p.count}`, opts.width));
    }
  }
  lines.push('', t(lang, 'review.batch.summary', { dossiers: batch.dossiers, pass: batch.pass, revise: batch.revise }));
  return lines.join('\n');
}
