import type { CatalogPair } from '../index.js';

// Messages of `bpm review` (findings, flags, table headings), in English and Chinese.
export const review: CatalogPair = {
  en: {},
  zh: {},
};
