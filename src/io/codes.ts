// Every diagnostic code the input layer can report, by where it comes from. Semantic rules list
// their own codes (ruleCodes() in core/rules/run.ts). Each list is checked by the compiler
// against the catalogs (`satisfies readonly TitledCode[]`: a message and a title in both
// languages), and the modules that report them take only these codes (InputCode); docs/rules.md
// must have a section for each (test/unit/docs/rules.test.ts).
import type { TitledCode } from '../i18n/index.js';

/** YAML text and document-level problems (io/encoding.ts, io/yaml.ts, io/workspace.ts). */
export const YAML_CODES = [
  'invalid-utf8',
  'empty-file',
  'yaml-syntax',
  'duplicate-key',
  'yaml-warning',
  'yaml-alias-bomb',
  'yaml-alias-cycle',
  'yaml-too-deep',
  'not-a-mapping',
  'multiple-documents',
  'file-too-large',
  'not-bpm-document',
  'unknown-kind',
  'is-a-directory',
  'invisible-character',
] as const satisfies readonly TitledCode[];
export type YamlCode = (typeof YAML_CODES)[number];

/** JSON Schema error classes (io/schema.ts). */
export const SCHEMA_CODES = [
  'unknown-key',
  'missing-field',
  'wrong-type',
  'invalid-value',
  'invalid-format',
  'out-of-range',
  'wrong-size',
  'empty-value',
  'schema-violation',
  'non-finite-number',
  'placeholder',
] as const satisfies readonly TitledCode[];
export type SchemaCode = (typeof SCHEMA_CODES)[number];

/** A policy named by an Evaluation or extended by a ScoringPolicy that cannot be used (io/policy-files.ts). */
export const POLICY_FILE_CODES = ['policy-unreadable', 'policy-invalid', 'policy-not-a-policy', 'policy-cycle'] as const satisfies readonly TitledCode[];
export type PolicyFileCode = (typeof POLICY_FILE_CODES)[number];

/** Text encoding and monitoring CSV syntax (io/encoding.ts, io/csv.ts, io/csv-tokenizer.ts). */
export const CSV_CODES = [
  'encoding-mismatch',
  'binary-content',
  'csv-empty',
  'csv-missing-column',
  'csv-duplicate-column',
  'csv-unknown-column',
  'csv-column-count',
  'csv-unbalanced-quote',
  'csv-stray-quote',
  'csv-record-too-long',
  'csv-empty-cell',
  'csv-too-many-problems',
  'value-empty',
  'value-not-number',
  'csv-is-bpm-report',
  'full-width-normalised',
] as const satisfies readonly TitledCode[];
export type CsvCode = (typeof CSV_CODES)[number];

/** Excel workbooks: the file itself, and the official forms read from its sheets (io/xlsx/). */
export const XLSX_CODES = [
  'xlsx-corrupt',
  'xlsx-encrypted',
  'xlsx-legacy',
  'xlsx-too-large',
  'xlsx-no-form',
  'xlsx-sheet-skipped',
  'xlsx-formula-no-value',
  'target-placeholder',
  'operator-inferred',
  'qualitative-actual-unread',
  'actual-not-number',
  'form-score-out-of-band',
  'form-no-objectives',
  'form-no-weights',
  'form-target-changed',
  'xlsx-is-bpm-report',
  'xlsx-legacy-skipped',
  'weights-missing',
] as const satisfies readonly TitledCode[];
export type XlsxCode = (typeof XLSX_CODES)[number];

export type InputCode = YamlCode | SchemaCode | PolicyFileCode | CsvCode | XlsxCode;

export const INPUT_CODES: readonly InputCode[] = [...YAML_CODES, ...SCHEMA_CODES, ...POLICY_FILE_CODES, ...CSV_CODES, ...XLSX_CODES];
