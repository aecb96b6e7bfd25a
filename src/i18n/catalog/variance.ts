import type { CatalogPair } from '../index.js';

// Messages of `bpm variance` (findings, flags, table headings), in English and Chinese.
export const variance: CatalogPair = {
  en: {},
  zh: {},
};
