// Output formats of `bpm score`: one pure function per format, `(report, options) => string`,
// looked up by the names of the command's table of formats (../names.ts). The
// streaming variants give the same text in pieces (project by project, or row by row), for
// writeOutput to write a large batch without holding its report as one string.
import type { FormatOptions } from '../../core/report.js';
import type { ScoreReport } from '../../core/scoring/types.js';
import { csv, csvChunks } from './csv.js';
import { json, jsonChunks } from './json.js';
import { markdown, markdownChunks } from './markdown.js';
import type { ScoreFormatName } from '../names.js';
import { table } from './table.js';
import { xlsx } from './xlsx.js';

/** Text, or the bytes of a binary format (xlsx). */
export type ScoreFormatter = (report: ScoreReport, opts: FormatOptions) => string | Buffer;
export type ScoreStreamFormatter = (report: ScoreReport, opts: FormatOptions) => Iterable<string | Buffer>;

export const scoreFormats = { table, markdown, json, csv, xlsx } satisfies Record<ScoreFormatName, ScoreFormatter>;

/** The same formats as sequences of chunks; joined, each gives exactly its scoreFormats text. */
export const scoreStreams = {
  // A terminal table aligns every column over the whole ranking: one piece (it is small).
  table: (report, opts) => [table(report, opts)],
  markdown: markdownChunks,
  json: jsonChunks,
  csv: csvChunks,
  xlsx: (report, opts) => [xlsx(report, opts)],
} satisfies Record<ScoreFormatName, ScoreStreamFormatter>;

export { csv, csvChunks, json, jsonChunks, markdown, markdownChunks, table, xlsx };
