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
 */
export function t(lang: Lang, key: string, args: Args = {}): string {
  const template = catalogs[lang][key] ?? catalogs.en[key];
  if (template === undefined) {
    const extra = Object.entries(args)
      .map(([k, v]) => `${k}=${String(v)}`)
      .join(', ');
    return extra ? `${key} (${extra})` : key;
  }
  return template.replace(/\{(\w+)\}/g, (m, name: string) => {
    const v = args[name];
    return v === undefined || v === null ? m : String(v);
  });
}

/** All keys of one language (used by the catalog completeness test). */
export function catalogKeys(lang: Lang): string[] {
  return Object.keys(catalogs[lang]).sort();
}
