// Output formats of `bpm variance`, one per file, looked up by the names of the command's table
// of formats (../names.ts). Each formatter yields the report in chunks (a project
// at a time) so that a big report is written as it is computed.
import type { FormatOptions, VarianceReport } from '../../core/report.js';
import { csv } from './csv.js';
import { json } from './json.js';
import { markdown } from './markdown.js';
import type { VarianceFormatName } from '../names.js';
import { table } from './table.js';
import { xlsx } from './xlsx.js';

/** Chunks of text; text held back to be written after something else may come as UTF-8 (see Deferred). */
export type VarianceFormatter = (report: VarianceReport, opts: FormatOptions) => Iterable<string | Buffer>;

export const varianceFormats = { table, markdown, json, csv, xlsx } satisfies Record<VarianceFormatName, VarianceFormatter>;
