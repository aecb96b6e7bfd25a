// Message catalogs: every user-facing sentence lives here, keyed by a stable code, in Chinese
// and English. Code and tests use keys and arguments; changing a sentence never breaks a test.
import type { Args } from '../core/diagnostics.js';
import { common } from './catalog/common.js';
import { validate } from './catalog/validate.js';
import { variance } from './catalog/variance.js';
import { score } from './catalog/score.js';
import { review } from './catalog/review.js';
import { formats } from './catalog/formats.js';
import { io } from './catalog/io.js';

import type { Lang } from './lang.js';
import { countedKey } from './plural.js';

export { resolveLang, type Lang } from './lang.js';
export type Catalog = Record<string, string>;
export interface CatalogPair {
  en: Catalog;
  zh: Catalog;
}

const parts: CatalogPair[] = [common, io, validate, formats, variance, score, review];
const catalogs: Record<Lang, Catalog> = { en: {}, zh: {} };
for (const p of parts) {
  Object.assign(catalogs.en, p.en);
  Object.assign(catalogs.zh, p.zh);
}

export function hasMessage(key: string): boolean {
  return key in catalogs.en;
}

/**
 * Renders `key` with `{name}` placeholders replaced from `args`. An unknown key renders as the
 * key itself followed by its arguments, so a missing translation is visible but never fatal.
 * A key that counts something renders its `.one` form when the count is 1 (see plural.ts).
 */
export function t(lang: Lang, key: string, args: Args = {}): string {
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
    const v = args[parts[i]];
    out += (v === undefined || v === null ? `{${parts[i]}}` : String(v)) + parts[i + 1];
  }
  return out;
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
