// Output formats of `bpm score`: one pure function per format, `(report, options) => string`,
// collected here so that the --format choices and the dispatch come from one table.
import type { FormatOptions } from '../../core/report.js';
import type { ScoreReport } from '../../core/score-types.js';
import { csv } from './csv.js';
import { json } from './json.js';
import { markdown } from './markdown.js';
import { table } from './table.js';

export type ScoreFormatName = 'table' | 'markdown' | 'json' | 'csv';
export type ScoreFormatter = (report: ScoreReport, opts: FormatOptions) => string;

export const scoreFormats: Record<ScoreFormatName, ScoreFormatter> = { table, markdown, json, csv };

export { csv, json, markdown, table };
