// Message catalogs: every user-facing sentence lives here, keyed by a stable key, in Chinese
// and English. Code and tests use keys and arguments; changing a sentence never breaks a test.
//
// One key scheme for every catalog (src/i18n/catalog/*.ts):
//
//   <code>              The message of a code: an input problem, a validate rule's finding, a
//                       monitoring data problem, a review finding, a score finding, a variance
//                       flag or a usage error. A code is a kebab-case word without dots, the very
//                       string the JSON outputs carry (`weights-sum`, `shortfall`).
//   <code>.<variant>    Another sentence for the same code, picked when it is rendered: by the
//                       argument `variant` (`grade-bands.order`), by a flag's `direction`
//                       (`dual-monitoring-gap.money-ahead`), or `<code>.suggested` when a
//                       did-you-mean hint follows (`unknown-key.suggested`).
//   title.<code>        The short title of a code (SARIF rules, the table of codes, review's most
//                       common problems). Every diagnostic and review code has one.
//   hint.<name>         A clause appended to a message (`hint.did-you-mean`).
//   <area>.<part>…      The words of an output, by area: `fmt` (shared by the formats, with
//                       `fmt.desc.<command>.<format>` describing each --format for --help) or a
//                       command (`import`, `init`, `review`, `score`, `variance`), then what it
//                       is: `col` a column heading, `h` a section heading, `line` a sentence, …
//   <key>.one           The English singular of a message that counts (plural.ts); Chinese
//                       repeats the sentence.
//
// The compiler keeps the scheme: `t()` takes only keys that both languages define (and both
// define the same keys), and the catalogs are checked against the code lists of the core below
// (a code without its message, or a title where one is required, fails the type check). Input
// and usage-error codes are checked where they are declared (src/io/codes.ts, src/errors.ts),
// because those modules sit above this one.
import type { Args } from '../core/diagnostics.js';
import type { DataProblemCode } from '../core/monitoring/collector.js';
import type { FlagMessageKey } from '../core/monitoring/flags.js';
import type { ReviewCode } from '../core/review/index.js';
import type { RuleCode } from '../core/rules/index.js';
import type { ScoreFindingCode } from '../core/scoring/types.js';
import type { ApplicationCode } from '../core/application/evaluate.js';
import { common } from './catalog/common.js';
import { validate } from './catalog/validate.js';
import { variance } from './catalog/variance.js';
import { score } from './catalog/score.js';
import { review } from './catalog/review.js';
import { formats } from './catalog/formats.js';
import { io } from './catalog/io.js';
import { workbook } from './catalog/workbook.js';

import type { Lang } from './lang.js';
import { countedKey } from './plural.js';

export { resolveLang, type Lang } from './lang.js';

/** What each catalog file exports: its messages in both languages. */
export interface CatalogPair {
  en: Record<string, string>;
  zh: Record<string, string>;
}

/** Every key the core's codes need: a message per code, and a title per rule and review code. */
type CoreKey = RuleCode | `title.${RuleCode}` | ReviewCode | `title.${ReviewCode}` | DataProblemCode | FlagMessageKey | ScoreFindingCode | ApplicationCode;

const en = { ...common.en, ...io.en, ...validate.en, ...formats.en, ...variance.en, ...score.en, ...review.en, ...workbook.en } satisfies Record<CoreKey, string>;
const zh = { ...common.zh, ...io.zh, ...validate.zh, ...formats.zh, ...variance.zh, ...score.zh, ...review.zh, ...workbook.zh } satisfies Record<CoreKey | keyof typeof en, string>;
// …and English has every Chinese key.
en satisfies Record<keyof typeof zh, string>;

/** A key of the catalogs (in both languages). */
export type MessageKey = keyof typeof en;

/** Codes that have a message and a short title (`title.<code>`) in both languages. */
export type TitledCode = { [K in MessageKey]: `title.${K}` extends MessageKey ? K : never }[MessageKey];

/** The keys under a prefix, without it: `KeysUnder<'score.col.'>` is `'rank' | 'code' | …`. */
export type KeysUnder<P extends string> = MessageKey extends infer K ? (K extends `${P}${infer Rest}` ? Rest : never) : never;

const catalogs: Record<Lang, Record<string, string>> = { en, zh };

export function hasMessage(key: string): boolean {
  return key in catalogs.en;
}

/** The `{name}` placeholders of a template (a string literal type). */
type Placeholders<S> = S extends `${string}{${infer P}}${infer Rest}` ? P | Placeholders<Rest> : never;

/** The placeholders of a key's message in either language. */
type PlaceholdersOf<K extends MessageKey> = Placeholders<(typeof en)[K] | (typeof zh)[K]>;

/** The arguments of a key's message: a value for every placeholder of both languages, and any others. */
export type MessageArgs<K extends MessageKey> = Args & { [P in PlaceholdersOf<K>]: string | number | boolean };

/**
 * Renders `key` with `{name}` placeholders replaced from `args`. A key that counts something
 * renders its `.one` form when the count is 1 (see plural.ts). The compiler checks the key and
 * that `args` fills every placeholder of its message (the arguments are optional for a message
 * without any).
 */
export function t<K extends MessageKey>(lang: Lang, key: K, ...rest: [PlaceholdersOf<K>] extends [never] ? [args?: Args] : [args: MessageArgs<K>]): string {
  const args = rest[0] ?? {};
  return message(lang, key, args);
}

/**
 * `t()` for a key known only at run time: a code carried by a diagnostic, a finding or a flag
 * (possibly read back from the cache), or a word taken from a report. An unknown key renders as
 * the key itself followed by its arguments, so a missing translation is visible but never fatal.
 */
export function message(lang: Lang, key: string, args: Args = {}): string {
  const parts = compiled(lang, countedKey(key, args));
  if (parts === undefined) {
    const extra = Object.entries(args)
      .map(([k, v]) => `${k}=${String(v)}`)
      .join(', ');
    return extra ? `${key} (${extra})` : key;
  }
  // parts: literal, name, literal, name, …, literal. A placeholder without a value stays as written.
  let out = parts[0];
  for (let i = 1; i < parts.length; i += 2) {
    let v = args[parts[i]];
    if ((v === undefined || v === null) && parts[i] === 'unitSuffix') v = unitSuffix(args.unit);
    const text = v === undefined || v === null ? `{${parts[i]}}` : String(v);
    out += (lang === 'zh' && LIST_ARGS.has(parts[i]) ? zhList(text) : text) + parts[i + 1];
  }
  return out;
}

/** Arguments that are lists, joined with ", " where they are made (the core knows no language). */
const LIST_ARGS = new Set(['allowed', 'known', 'kinds', 'sections', 'indicators', 'codes', 'missing', 'scores', 'files', 'periods', 'choices']);

/** A list as Chinese writes it: items apart by 、, an item's note in full-width brackets (economic（经济效益指标）). */
function zhList(text: string): string {
  return text.replace(/, /g, '、').replace(/ \(([^()]*)\)/g, '（$1）');
}

/**
 * The unit after a number, as the tables print it: `%` glued to it (94%), another unit after a
 * space (53 场), nothing without one. A message writes `{actual}{unitSuffix}`; the value comes
 * from the argument `unit` unless given.
 */
export function unitSuffix(unit: unknown): string {
  if (typeof unit !== 'string' || unit === '') return '';
  return unit === '%' ? '%' : ` ${unit}`;
}

// A report of a million monitoring rows renders a message per flag: each template is split into
// its literal parts and placeholder names once.
const COMPILED: Record<Lang, Map<string, string[] | undefined>> = { en: new Map(), zh: new Map() };

function compiled(lang: Lang, key: string): string[] | undefined {
  const cache = COMPILED[lang];
  let parts = cache.get(key);
  if (parts === undefined && !cache.has(key)) {
    const template = catalogs[lang][key] ?? catalogs.en[key];
    parts = template === undefined ? undefined : template.split(/\{(\w+)\}/);
    cache.set(key, parts);
  }
  return parts;
}

/** All keys of one language (used by the catalog completeness test). */
export function catalogKeys(lang: Lang): string[] {
  return Object.keys(catalogs[lang]).sort();
}
