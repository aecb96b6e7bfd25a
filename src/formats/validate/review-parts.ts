// Pieces of the validate formatters that only `bpm review` reports have: the per-file review
// object read defensively (formatters accept any report), the batch table of dossiers and the
// most common problems across a folder.
import type { FileResult, FileReview, FormatOptions, ReviewBatchSummary, ReviewItem } from '../../core/report.js';
import { hasMessage, message, t } from '../../i18n/index.js';

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The file's review as `bpm review` writes it, or undefined for anything else. */
export function fileReview(f: FileResult): FileReview | undefined {
  const r = f.review;
  if (!isRecord(r)) return undefined;
  if (typeof r.score !== 'number' || (r.verdict !== 'pass' && r.verdict !== 'revise')) return undefined;
  if (!Array.isArray(r.required) || !Array.isArray(r.suggestions)) return undefined;
  return r as unknown as FileReview;
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

/** The batch summary, when the report has one. */
export function batchSummary(v: unknown): ReviewBatchSummary | undefined {
  if (!isRecord(v) || typeof v.dossiers !== 'number' || !Array.isArray(v.commonProblems)) return undefined;
  return v as unknown as ReviewBatchSummary;
}

/** Short title of a code (`title.<code>`), else the code. */
export function codeTitle(code: string, lang: FormatOptions['lang']): string {
  return hasMessage(`title.${code}`) ? message(lang, `title.${code}`) : code;
}

/** `line 23` / `第 23 行`, or '' when unknown. */
export function lineLabel(item: ReviewItem, lang: FormatOptions['lang']): string {
  return typeof item.line === 'number' && item.line >= 1 ? t(lang, 'review.letter.line', { line: item.line }) : '';
}

/** How many common problems a report shows. */
export const COMMON_LIMIT = 10;
