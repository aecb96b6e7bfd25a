import { LEVEL1_ZH } from '../model/aliases.js';
import type { DossierRule, Finding } from './types.js';

const CODES = ['required-levels'] as const;
type Code = (typeof CODES)[number];

/** A goal needs at least one output (产出) and one effect (效益) indicator. */
export const requiredLevels: DossierRule<Code> = {
  id: 'required-levels',
  severity: 'error',
  scope: 'dossier',
  codes: CODES,
  check(d) {
    const out: Finding<Code>[] = [];
    for (const level1 of ['output', 'effect'] as const) {
      if (!d.indicators.some((i) => i.level1 === level1)) out.push({ code: 'required-levels', file: d.origin.file, path: '/indicators', args: { level1, level1Zh: LEVEL1_ZH[level1] } });
    }
    return out;
  },
};
