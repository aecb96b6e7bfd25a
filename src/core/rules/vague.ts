import { hasNumber, vaguePhrases } from '../text.js';
import type { DossierRule, Finding } from './types.js';

const CODES = ['vague-goal', 'goal-no-number', 'vague-target'] as const;
type Code = (typeof CODES)[number];

/**
 * Vague goals and qualitative targets (warnings that quote the vague phrase and say how to fix
 * it), and a goal with no number at all.
 */
export const vague: DossierRule<Code> = {
  id: 'vague',
  severity: 'warning',
  scope: 'dossier',
  codes: CODES,
  check(d) {
    const out: Finding<Code>[] = [];
    for (const phrase of vaguePhrases(d.goal)) out.push({ file: d.origin.file, path: '/goal', code: 'vague-goal', args: { phrase } });
    if (!hasNumber(d.goal)) out.push({ file: d.origin.file, path: '/goal', code: 'goal-no-number', args: {} });
    d.indicators.forEach((ind, i) => {
      if (ind.operator !== 'qualitative') return;
      for (const phrase of vaguePhrases(ind.targetText)) {
        out.push({ file: d.origin.file, path: `/indicators/${i}/target`, code: 'vague-target', args: { indicator: ind.code, phrase } });
      }
    });
    return out;
  },
};
