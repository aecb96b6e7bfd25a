import { LEVEL1_ZH } from '../model/aliases.js';
import type { DossierRule, Finding } from './types.js';

/** A goal needs at least one output (产出) and one effect (效益) indicator. */
export const requiredLevels: DossierRule = {
  id: 'required-levels',
  severity: 'error',
  scope: 'dossier',
  check(d) {
    const out: Finding[] = [];
    for (const level1 of ['output', 'effect'] as const) {
      if (!d.indicators.some((i) => i.level1 === level1)) out.push({ file: d.origin.file, path: '/indicators', args: { level1, level1Zh: LEVEL1_ZH[level1] } });
    }
    return out;
  },
};
