import type { CatalogPair } from '../index.js';

// Messages of `bpm score` (findings, flags, table headings), in English and Chinese.
export const score: CatalogPair = {
  en: {},
  zh: {},
};
