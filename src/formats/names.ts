// The output formats of each command: a table of names, in --help order with the default first,
// each with the catalog key of its one-line description (src/i18n/catalog/formats.ts). The table
// drives commander's --format choices, the formats listed by --help (src/cli/common.ts) and the
// dispatch: formats/<command>/index.ts checks its formatters with `satisfies Record<Name,
// Formatter>`, so a name without a formatter, or a formatter without a name, fails the type
// check. Kept apart from the formatters and the catalogs, so that --help and validate's --cache
// fast path load neither.
import type { formats } from '../i18n/catalog/formats.js';

type FormatsKey = keyof (typeof formats)['en'] & keyof (typeof formats)['zh'];

/** A description key of src/i18n/catalog/formats.ts (present in both languages). */
export type FormatDescriptionKey = Extract<FormatsKey, `fmt.desc.${string}`>;

/** Format name → the key of its description. */
export type FormatTable = Readonly<Record<string, FormatDescriptionKey>>;

/** Whether `name` is one of the table's formats (not an inherited property such as `toString`). */
export function isFormatName<T extends FormatTable>(table: T, name: string): name is Extract<keyof T, string> {
  return Object.hasOwn(table, name);
}

/** The table's names in --help order. */
export function formatNames<T extends FormatTable>(table: T): Extract<keyof T, string>[] {
  return Object.keys(table) as Extract<keyof T, string>[];
}

/** The formats of `bpm validate` and `bpm review`, and the one used when --format is not given. */
export const VALIDATE_FORMATS = {
  stylish: 'fmt.desc.validate.stylish',
  json: 'fmt.desc.validate.json',
  junit: 'fmt.desc.validate.junit',
  sarif: 'fmt.desc.validate.sarif',
  github: 'fmt.desc.validate.github',
  markdown: 'fmt.desc.validate.markdown',
} as const satisfies FormatTable;
export type ValidateFormatName = keyof typeof VALIDATE_FORMATS;
export const DEFAULT_VALIDATE_FORMAT: ValidateFormatName = 'stylish';

/** The formats of `bpm score`, and the one used when --format is not given. */
export const SCORE_FORMATS = {
  table: 'fmt.desc.score.table',
  markdown: 'fmt.desc.score.markdown',
  json: 'fmt.desc.score.json',
  csv: 'fmt.desc.score.csv',
  xlsx: 'fmt.desc.score.xlsx',
} as const satisfies FormatTable;
export type ScoreFormatName = keyof typeof SCORE_FORMATS;
export const DEFAULT_SCORE_FORMAT: ScoreFormatName = 'table';

/** The formats of `bpm variance`, and the one used when --format is not given. */
export const VARIANCE_FORMATS = {
  table: 'fmt.desc.variance.table',
  markdown: 'fmt.desc.variance.markdown',
  json: 'fmt.desc.variance.json',
  csv: 'fmt.desc.variance.csv',
  xlsx: 'fmt.desc.variance.xlsx',
} as const satisfies FormatTable;
export type VarianceFormatName = keyof typeof VARIANCE_FORMATS;
export const DEFAULT_VARIANCE_FORMAT: VarianceFormatName = 'table';

/** Formats whose output is binary (a workbook): written to a file, never to a terminal. */
export const BINARY_FORMATS: ReadonlySet<string> = new Set(['xlsx']);
