// Pieces of the validate formatters that only `bpm review` reports have: the per-file review,
// the batch table of dossiers and the most common problems across a folder. A review report put
// together elsewhere than by `bpm review` (a test, another tool) may lack a review or hold a
// partial one: the formatters check its shape and leave out what is not there.
import type { CheckReport, FileResult, FileReview, FormatOptions, ReviewBatchSummary, ReviewedFile, ReviewItem } from '../../core/report.js';
import { hasMessage, message, t } from '../../i18n/index.js';

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isFileReview(r: unknown): r is FileReview {
  return isRecord(r) && typeof r.score === 'number' && (r.verdict === 'pass' || r.verdict === 'revise') && Array.isArray(r.required) && Array.isArray(r.suggestions);
}

/** The file's review, when it has one of the shape `bpm review` writes. */
export function fileReview(f: FileResult | ReviewedFile): FileReview | undefined {
  if (!('review' in f)) return undefined;
  const r: unknown = f.review;
  return isFileReview(r) ? r : undefined;
}

export function verdictLabel(verdict: string, lang: FormatOptions['lang']): string {
  return hasMessage(`fmt.verdict.${verdict}`) ? message(lang, `fmt.verdict.${verdict}`) : verdict;
}

export function dimensionLabel(name: string, lang: FormatOptions['lang']): string {
  return hasMessage(`review.dimension.${name}`) ? message(lang, `review.dimension.${name}`) : name;
}

/** `completeness 25/25 · measurability 18.5/25 …` in the chosen language. */
export function dimensionSummary(r: FileReview, lang: FormatOptions['lang']): string {
  const parts = Object.entries(r.dimensions)
    .filter(([, d]) => isRecord(d) && typeof d.score === 'number')
    .map(([name, d]) => `${dimensionLabel(name, lang)} ${d.score}/${d.weight}`);
  return parts.join(' · ');
}

export interface BatchRow {
  file: string;
  project: string;
  department: string;
  score: string;
  verdict: string;
  required: number;
  suggestions: number;
  review: FileReview;
}

export function batchRows(files: readonly FileResult[], lang: FormatOptions['lang']): BatchRow[] {
  const rows: BatchRow[] = [];
  for (const f of files) {
    const r = fileReview(f);
    if (!r) continue;
    rows.push({
      file: f.file,
      project: r.project ? `${r.project.name} (${r.project.code})` : '—',
      department: r.project?.department ?? '—',
      score: String(r.score),
      verdict: verdictLabel(r.verdict, lang),
      required: r.required.length,
      suggestions: r.suggestions.length,
      review: r,
    });
  }
  return rows;
}

function isBatchSummary(v: unknown): v is ReviewBatchSummary {
  return isRecord(v) && typeof v.dossiers === 'number' && Array.isArray(v.commonProblems);
}

/** The batch summary of a review report, when it has one. */
export function batchSummary(report: CheckReport): ReviewBatchSummary | undefined {
  if (report.command !== 'review') return undefined;
  const v: unknown = report.review;
  return isBatchSummary(v) ? v : undefined;
}

/** Short title of a code (`title.<code>`), else the code. */
export function codeTitle(code: string, lang: FormatOptions['lang']): string {
  return hasMessage(`title.${code}`) ? message(lang, `title.${code}`) : code;
}

/** `line 23` / `第 23 行`, `cell 申报表!E14` / `单元格 申报表!E14` in a workbook, or '' when unknown. */
export function lineLabel(item: ReviewItem, lang: FormatOptions['lang']): string {
  if (item.sheet !== undefined) return t(lang, 'review.letter.cell', { cell: `${item.sheet}!${item.cell ?? ''}` });
  return typeof item.line === 'number' && item.line >= 1 ? t(lang, 'review.letter.line', { line: item.line }) : '';
}

/** How many common problems a report shows. */
export const COMMON_LIMIT = 10;
