// Output formats of `bpm validate` and `bpm review`: one pure function per format,
// `(report, options) => string`, looked up by the names of the command's table of formats
// (../names.ts), which also gives the --format choices and their --help text.
//
// --quiet (only errors) is honoured by the formats a person reads: stylish, markdown and
// github. json, junit and sarif are complete records for machines and always carry everything,
// so that their counts and lists agree; filter them downstream if need be.
import type { CheckReport, FormatOptions } from '../../core/report.js';
import { github } from './github.js';
import { json } from './json.js';
import { junit } from './junit.js';
import { markdown } from './markdown.js';
import type { ValidateFormatName } from '../names.js';
import { sarif } from './sarif.js';
import { stylish } from './stylish.js';

export type ValidateFormatter = (report: CheckReport, opts: FormatOptions) => string;

export const validateFormats = {
  stylish,
  json,
  junit,
  sarif,
  github,
  markdown,
} satisfies Record<ValidateFormatName, ValidateFormatter>;

export { github, json, junit, markdown, sarif, stylish };
