// Output formats of `bpm variance`, one per file, collected here so that the --format choices
// and the dispatch come from one table. Each formatter yields the report in chunks (a project
// at a time) so that a big report is written as it is computed.
import type { FormatOptions } from '../../core/report.js';
import type { VarianceReport } from '../../core/report.js';
import { csv } from './csv.js';
import { json } from './json.js';
import { markdown } from './markdown.js';
import { table } from './table.js';

export type VarianceFormatName = 'table' | 'markdown' | 'json' | 'csv';
export type VarianceFormatter = (report: VarianceReport, opts: FormatOptions) => Iterable<string>;

export const varianceFormats: Record<VarianceFormatName, VarianceFormatter> = { table, markdown, json, csv };
