// Output formats of `bpm validate` and `bpm review`: one pure function per format,
// `(report, options) => string`, collected here so that the --format choices, their --help
// text and the dispatch all come from one table.
//
// --quiet (only errors) is honoured by the formats a person reads: stylish, markdown and
// github. json, junit and sarif are complete records for machines and always carry everything,
// so that their counts and lists agree; filter them downstream if need be.
import type { FormatOptions, ValidateReport } from '../../core/report.js';
import type { Lang } from '../../i18n/index.js';
import { formats as catalog } from '../../i18n/catalog/formats.js';
import { github } from './github.js';
import { json } from './json.js';
import { junit } from './junit.js';
import { markdown } from './markdown.js';
import { sarif } from './sarif.js';
import { stylish } from './stylish.js';

export type ValidateFormatName = 'stylish' | 'json' | 'junit' | 'sarif' | 'github' | 'markdown';
export type ValidateFormatter = (report: ValidateReport, opts: FormatOptions) => string;

export const validateFormats: Record<ValidateFormatName, ValidateFormatter> = {
  stylish,
  json,
  junit,
  sarif,
  github,
  markdown,
};

/** The format used when --format is not given. */
export const defaultValidateFormat: ValidateFormatName = 'stylish';

/** The format names in --help order (the default first). */
export const validateFormatNames = Object.keys(validateFormats) as ValidateFormatName[];

export function isValidateFormatName(name: string): name is ValidateFormatName {
  return Object.hasOwn(validateFormats, name);
}

/** One line of --help per format, in both languages (i18n keys `fmt.desc.<name>`). */
export const validateFormatDescriptions: Record<ValidateFormatName, Record<Lang, string>> = Object.fromEntries(
  validateFormatNames.map((name) => [name, { en: catalog.en[`fmt.desc.${name}`], zh: catalog.zh[`fmt.desc.${name}`] }]),
) as Record<ValidateFormatName, Record<Lang, string>>;

export { github, json, junit, markdown, sarif, stylish };
