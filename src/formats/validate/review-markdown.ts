// The markdown of a `bpm review` report: a table of every dossier with its score and verdict,
// the most common problems across the batch (what to train departments on), and per dossier a
// review opinion (审核意见) written as a reviewer would send it back: the verdict in a sentence,
// the required changes (必须修改) and the suggestions (建议), each with its line in the file.
import type { CheckReport, FileResult, FileReview, FormatOptions, ReviewItem } from '../../core/report.js';
import { type KeysUnder, t } from '../../i18n/index.js';
import { escapeMd } from './markdown.js';
import { batchRows, batchSummary, codeTitle, COMMON_LIMIT, dimensionLabel, dimensionSummary, lineLabel } from './review-parts.js';

/** The batch table and common problems; [] when the report carries no batch summary. */
export function reviewOverview(report: CheckReport, opts: FormatOptions): string[] {
  const lang = opts.lang;
  const batch = batchSummary(report);
  if (!batch) return [];
  const h = (k: KeysUnder<'review.col.'>): string => t(lang, `review.col.${k}`);
  const out = ['', `## ${t(lang, 'review.batch.title')}`, '', escapeMd(t(lang, 'review.batch.summary', { dossiers: batch.dossiers, pass: batch.pass, revise: batch.revise }))];
  const rows = batchRows(report.files, lang);
  if (rows.length > 0) {
    out.push(
      '',
      `| ${t(lang, 'fmt.md.col.file')} | ${h('project')} | ${h('department')} | ${h('score')} | ${h('verdict')} | ${t(lang, 'fmt.md.col.dimensions')} | ${h('required')} | ${h('suggestions')} |`,
      '| --- | --- | --- | ---: | --- | --- | ---: | ---: |',
      ...rows.map(
        (r) =>
          `| ${escapeMd(r.file)} | ${escapeMd(r.project)} | ${escapeMd(r.department)} | ${r.score} | ${escapeMd(r.verdict)} | ${escapeMd(dimensionSummary(r.review, lang)) || '—'} | ${r.required} | ${r.suggestions} |`,
      ),
    );
  }
  const common = batch.commonProblems.slice(0, COMMON_LIMIT);
  if (common.length > 0) {
    out.push(
      '',
      `## ${t(lang, 'review.common.title')}`,
      '',
      `| ${h('code')} | ${h('description')} | ${h('dossiers')} | ${h('count')} |`,
      '| --- | --- | ---: | ---: |',
      ...common.map((c) => `| ${escapeMd(c.code)} | ${escapeMd(codeTitle(c.code, lang))} | ${c.dossiers} | ${c.count} |`),
    );
  }
  return out;
}

/** The review opinion of one dossier file. */
export function reviewLetter(f: FileResult, r: FileReview, opts: FormatOptions): string[] {
  const lang = opts.lang;
  const p = r.project;
  const heading = p ? `${p.name} (${p.code})` : f.file;
  const out = ['', `## ${t(lang, 'review.letter.title')} — ${escapeMd(heading)}`, '', escapeMd(f.file), ''];
  // The opening sentence fits the case: approved with or without suggestions shown below;
  // revise because the score is below the pass mark, or despite a passing score.
  const suggestionsShown = !opts.quiet && r.suggestions.length > 0;
  const variant = r.verdict === 'pass' ? (suggestionsShown ? 'pass' : 'pass.clean') : r.score < r.minScore ? 'revise.below' : 'revise';
  const intro = p
    ? t(lang, `review.letter.intro.${variant}`, { project: p.name, code: p.code, department: p.department, score: r.score, minimum: r.minScore })
    : t(lang, 'review.letter.intro.unread', { file: f.file });
  out.push(escapeMd(intro));
  const list = (title: string, items: readonly ReviewItem[]) => {
    if (items.length === 0) return;
    out.push('', `### ${title}`, '');
    items.forEach((item, i) => {
      const where = [lineLabel(item, lang), item.path ? `(${item.path})` : ''].filter((s) => s !== '').join(' ');
      out.push(`${i + 1}. ${where ? `**${escapeMd(where)}**: ` : ''}${escapeMd(item.message)} \\[${escapeMd(item.code)}\\]`);
    });
  };
  list(t(lang, 'review.letter.required'), r.required);
  if (!opts.quiet) list(t(lang, 'review.letter.suggestions'), r.suggestions);
  const dims = Object.entries(r.dimensions);
  if (dims.length > 0) {
    out.push(
      '',
      `### ${t(lang, 'review.letter.scores')}`,
      '',
      `| ${t(lang, 'review.col.dimension')} | ${t(lang, 'review.col.score')} | ${t(lang, 'review.col.weight')} |`,
      '| --- | ---: | ---: |',
      ...dims.map(([name, d]) => `| ${escapeMd(dimensionLabel(name, lang))} | ${d.score} | ${d.weight} |`),
      `| **${t(lang, 'review.col.total')}** | **${r.score}** | 100 |`,
    );
  }
  return out;
}
