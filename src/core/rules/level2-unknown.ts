import { LEVEL1_ZH, LEVEL2 } from '../model/aliases.js';
import { suggest } from '../suggest.js';
import type { DossierRule, Finding } from './types.js';

const CODES = ['level2-unknown'] as const;
type Code = (typeof CODES)[number];

/** level2 is one of the values its level1 allows (docs/formats.md#level-1-and-level-2-indicators; Chinese names accepted). */
export const level2Known: DossierRule<Code> = {
  id: 'level2-unknown',
  severity: 'error',
  scope: 'dossier',
  codes: CODES,
  check(d) {
    const out: Finding<Code>[] = [];
    d.indicators.forEach((ind, i) => {
      const table = LEVEL2[ind.level1];
      if (!table || ind.level2 in table) return;
      const allowed = Object.entries(table).map(([en, zh]) => `${en} (${zh})`);
      out.push({ code: 'level2-unknown', file: d.origin.file, path: `/indicators/${i}/level2`, args: { indicator: ind.code, level1: ind.level1, level1Zh: LEVEL1_ZH[ind.level1], level2: ind.level2, allowed: allowed.join(', '), suggestion: suggest(ind.level2, Object.keys(table)) ?? null } });
    });
    return out;
  },
};
