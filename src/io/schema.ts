// JSON Schema validation of bpm documents (schemas/ is the single source of structure) and
// the translation of ajv's errors into bpm diagnostics with stable codes.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Ajv2020, ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import type { Diagnostic } from '../core/diagnostics.js';
import type { SchemaCode } from './codes.js';
import type { EvaluationDoc, ProjectDossierDoc, ScoringPolicyDoc, StrategyPlanDoc } from '../core/model/schema-types.js';
import type { DocKind } from '../core/report.js';
import { suggest } from '../core/suggest.js';
import { packageUrl } from '../paths.js';
import { findInvisible } from './invisible.js';
import { pointerOf, scanScalars, type ScalarScan } from './scalars.js';

/**
 * A document that passed its schema (core/model/schema-types.ts is generated from the schemas);
 * its `kind` tells which.
 */
export type SchemaDoc = ProjectDossierDoc | EvaluationDoc | ScoringPolicyDoc | StrategyPlanDoc;

export const SCHEMA_FILES: Record<DocKind, string> = {
  ProjectDossier: 'project-dossier.schema.json',
  Evaluation: 'evaluation.schema.json',
  ScoringPolicy: 'scoring-policy.schema.json',
  StrategyPlan: 'strategy-plan.schema.json',
};

export const DOC_KINDS = Object.keys(SCHEMA_FILES) as DocKind[];

export function readSchema(kind: DocKind): Record<string, unknown> {
  return JSON.parse(readFileSync(packageUrl(`schemas/${SCHEMA_FILES[kind]}`), 'utf8')) as Record<string, unknown>;
}

let ajv: Ajv2020 | undefined;
const validators = new Map<DocKind, ValidateFunction<SchemaDoc>>();

/**
 * The validator of a kind, loaded on first use: the one precompiled at build time
 * (dist/validators/<kind>.cjs beside the bundle, written by scripts/build.mjs), which saves
 * compiling the schema on every run and loads nothing for the kinds a run does not meet. Without
 * it (the tests run src/) the schema is compiled with ajv.
 */
function validatorFor(kind: DocKind): ValidateFunction<SchemaDoc> {
  let v = validators.get(kind);
  if (!v) {
    // CommonJS, so that a validator loads synchronously when its kind first turns up.
    const require = createRequire(import.meta.url);
    try {
      v = require(`./validators/${kind}.cjs`) as ValidateFunction<SchemaDoc>;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'MODULE_NOT_FOUND') throw e;
      // ajv is required only when a schema has to be compiled: a run with the precompiled
      // validators never loads the compiler.
      if (!ajv) {
        const { Ajv2020: AjvClass } = require('ajv/dist/2020.js') as typeof import('ajv/dist/2020.js');
        const addFormats = require('ajv-formats') as { default: (a: Ajv2020, formats?: string[]) => Ajv2020 };
        ajv = addFormats.default(new AjvClass(AJV_OPTIONS), ['date']);
      }
      v = ajv.compile<SchemaDoc>(readSchema(kind));
    }
    validators.set(kind, v);
  }
  return v;
}

/** The ajv options; scripts/build-validators.js uses the same (plus code generation). */
const AJV_OPTIONS = { allErrors: true, strict: false, verbose: true } as const;

/**
 * `data` checked against the schema of `kind`: the typed document when it is valid, else its
 * errors as diagnostics with JSON pointers (positions are added by the caller) and no document.
 */
export function checkDocument(kind: DocKind, data: unknown, file: string, scan: Pick<ScalarScan, 'nonFinite' | 'placeholders'> = scanScalars(data)): { doc?: SchemaDoc; diagnostics: Diagnostic<SchemaCode>[] } {
  // JSON Schema's "number" admits what YAML calls .inf and .nan (and 1e400, which overflows to
  // Infinity): an amount or a score that is not a finite number is refused before anything
  // computes with it. A value still the placeholder of `bpm init --blank` says what to fill in
  // there, instead of the wrong type or format that the placeholder is for a number, a date or a
  // choice.
  const early: Diagnostic<SchemaCode>[] = [
    ...scan.nonFinite.map((x): Diagnostic<SchemaCode> => ({ code: 'non-finite-number', severity: 'error', file, path: x.pointer, args: { value: x.value } })),
    ...scan.placeholders.map((x): Diagnostic<SchemaCode> => ({ code: 'placeholder', severity: 'error', file, path: x.pointer, args: { value: x.value, field: x.field } })),
  ];
  const validate = validatorFor(kind);
  if (validate(data)) return early.length ? { diagnostics: early } : { doc: data, diagnostics: early };
  const placeholders = scan.placeholders;
  const filled = (d: Diagnostic<SchemaCode>) => !placeholders.some((p) => d.path === p.pointer || d.path?.startsWith(`${p.pointer}/`));
  return { diagnostics: [...early, ...translateErrors(validate.errors ?? [], file).filter(filled)] };
}


function translateErrors(errors: ErrorObject[], file: string): Diagnostic<SchemaCode>[] {
  const out: Diagnostic<SchemaCode>[] = [];
  // A date like 2025-7-1 fails both its pattern and its format: one problem, reported once.
  const patterned = new Set(errors.filter((e) => e.keyword === 'pattern').map((e) => e.instancePath));
  for (const e of pruneAlternatives(errors)) {
    if (e.keyword === 'format' && patterned.has(e.instancePath)) continue;
    const d = translate(e, file);
    if (d) out.push(pointAtInvisible(d));
  }
  return out;
}

/** Codes whose message names the text that failed (`value` or `key`), and may name an invisible character in it. */
const NAMED_TEXT: Readonly<Record<string, 'value' | 'key'>> = { 'invalid-value': 'value', 'invalid-format': 'value', 'unknown-key': 'key' };

/**
 * A value or key that fails because of a character the user cannot see (a full-width space
 * after 万元): the message names it (the `invisible` variant of the code's message).
 */
function pointAtInvisible<C extends string>(d: Diagnostic<C>): Diagnostic<C> {
  const arg = NAMED_TEXT[d.code];
  const text = arg && d.args?.[arg];
  const found = typeof text === 'string' ? findInvisible(text) : undefined;
  return found ? { ...d, args: { ...d.args, ...found, variant: 'invisible' } } : d;
}

/**
 * With allErrors, an `anyOf` that fails reports every branch's errors. Keep only the branch
 * that came closest (fewest errors other than a plain type mismatch); if every branch failed on
 * its type alone, keep the single `anyOf` error, reported as a wrong type.
 */
function pruneAlternatives(errors: ErrorObject[]): ErrorObject[] {
  const anyOfs = errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf');
  if (anyOfs.length === 0) return errors;
  const drop = new Set<ErrorObject>();
  for (const a of anyOfs) {
    const prefix = a.schemaPath + '/';
    const inner = errors.filter((e) => e.schemaPath.startsWith(prefix) && e.instancePath.startsWith(a.instancePath));
    const branches = new Map<string, ErrorObject[]>();
    for (const e of inner) {
      const branch = e.schemaPath.slice(prefix.length).split('/')[0];
      branches.set(branch, [...(branches.get(branch) ?? []), e]);
    }
    const typeOnly = (list: ErrorObject[]) => list.every((e) => e.keyword === 'type' && e.instancePath === a.instancePath);
    const candidates = [...branches.values()].filter((l) => !typeOnly(l));
    for (const e of inner) drop.add(e);
    if (candidates.length > 0) {
      candidates.sort((x, y) => x.length - y.length);
      for (const e of candidates[0]) drop.delete(e);
      drop.add(a);
    }
  }
  return errors.filter((e) => !drop.has(e));
}

function translate(e: ErrorObject, file: string): Diagnostic<SchemaCode> | undefined {
  const path = e.instancePath;
  const base = { severity: 'error' as const, file, path };
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'additionalProperties': {
      const key = String(p.additionalProperty);
      const known = Object.keys((e.parentSchema?.properties as Record<string, unknown> | undefined) ?? {});
      const hint = suggest(key, known);
      return { ...base, code: 'unknown-key', path: `${path}${pointerOf([key])}`, args: { key, suggestion: hint ?? null, known: known.join(', ') } };
    }
    case 'propertyNames':
      return undefined; // reported by the nested enum error on the name itself
    case 'if':
      return undefined; // reported by the failing `then`/`else` branch's own error
    case 'required':
      return { ...base, code: 'missing-field', args: { field: String(p.missingProperty) } };
    case 'type': {
      const expected = String(p.type);
      // A hint for the two slips analysts make most: quoted or unit-laden numbers, a single
      // value where a list belongs.
      const variant = /number|integer/.test(expected) ? 'number' : expected === 'array' ? 'array' : undefined;
      const actual = typeName(e.data);
      return { ...base, code: 'wrong-type', args: { expected, actual, expectedZh: typeZh(expected), actualZh: typeZh(actual), ...(variant ? { variant } : {}) } };
    }
    case 'anyOf':
    case 'oneOf': {
      // The schema's bilingual description ("中文 / English") says which forms are allowed.
      const [zh, en] = String(e.parentSchema?.description ?? '').split(' / ');
      const forms = en ? { expected: en.charAt(0).toLowerCase() + en.slice(1), expectedZh: zh } : { expected: 'one of the documented forms', expectedZh: '文档规定的形式之一' };
      // "92.8%" or "53个" where a number is one of the forms: say to write the number alone.
      const alts = ((e.parentSchema?.anyOf ?? e.parentSchema?.oneOf) as { type?: string }[] | undefined) ?? [];
      const numberLike = typeof e.data === 'string' && /^\s*[+-]?\d[\d,]*(\.\d+)?\s*\S{0,4}\s*$/.test(e.data) && alts.some((a) => a.type === 'number' || a.type === 'integer');
      return { ...base, code: 'wrong-type', args: { ...forms, actual: typeName(e.data), actualZh: typeZh(typeName(e.data)), ...(numberLike ? { variant: 'number' } : {}) } };
    }
    case 'enum': {
      const allowed = (p.allowedValues as unknown[]).map(String);
      const value = String(e.data);
      if (e.propertyName !== undefined) {
        const name = String(e.propertyName);
        return { ...base, code: 'unknown-key', path: `${path}${pointerOf([name])}`, args: { key: name, suggestion: suggest(name, allowed) ?? null, known: allowed.join(', ') } };
      }
      return { ...base, code: 'invalid-value', args: { value, allowed: allowed.join(', '), suggestion: suggest(value, allowed) ?? null } };
    }
    case 'const':
      return { ...base, code: 'invalid-value', args: { value: String(e.data), allowed: String(p.allowedValue), suggestion: null } };
    case 'pattern':
    case 'format': {
      const format = String(p.format ?? p.pattern);
      const args = { value: String(e.data), format: FORMAT_NAMES[format] ?? format };
      // Written as YYYY-MM-DD but no such day (2026-02-30): say what is wrong with it.
      const day = FORMAT_NAMES[format] === 'YYYY-MM-DD' ? impossibleDate(String(e.data)) : undefined;
      return { ...base, code: 'invalid-format', args: day ? { ...args, ...day } : args };
    }
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return { ...base, code: 'out-of-range', args: { value: String(e.data), comparison: String(p.comparison), limit: String(p.limit) } };
    case 'minItems':
    case 'maxItems':
    case 'minLength':
    case 'maxLength': {
      const bound = `${e.keyword.startsWith('min') ? '≥' : '≤'} ${String(p.limit)}`;
      return { ...base, code: e.keyword === 'minLength' && e.data === '' ? 'empty-value' : 'wrong-size', args: { limit: String(p.limit), keyword: e.keyword, bound } };
    }
    default:
      return { ...base, code: 'schema-violation', args: { detail: e.message ?? e.keyword } };
  }
}

/** For a YYYY-MM-DD text that names no real day: which part is impossible (message arguments). */
export function impossibleDate(value: string): Record<string, string | number> | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12) return { variant: 'month', month };
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > days) return { variant: 'day', year, month, day, days };
  return undefined;
}

/** Schema formats and patterns as a person writes them (the same in every language). */
const FORMAT_NAMES: Record<string, string> = {
  date: 'YYYY-MM-DD',
  '^\\d{4}-\\d{2}-\\d{2}$': 'YYYY-MM-DD',
  '^[A-Za-z0-9._-]+$': 'A-Z a-z 0-9 . _ -',
};


const TYPE_ZH: Record<string, string> = { string: '文本', number: '数值', integer: '整数', object: '键值映射', array: '列表', boolean: '布尔值', null: '空值' };

/** Chinese names of JSON types ("number,string" → "数值或文本"). */
function typeZh(type: string): string {
  return type
    .split(',')
    .map((x) => TYPE_ZH[x.trim()] ?? x.trim())
    .join('或');
}

function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  return typeof v;
}
