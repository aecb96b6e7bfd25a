import { inForce } from '../model/adjust.js';
import { sum, sumIs, text } from '../decimal.js';
import { LEVEL1_ZH } from '../model/aliases.js';
import { LEVEL1, type Level1 } from '../model/model.js';
import { escapePointer } from '../model/normalise.js';
import { sectionOf } from '../model/policy.js';
import type { DossierRule, Finding } from './types.js';
import { mapped } from '../shapes.js';

const CODES = ['adjusted-weights-sum'] as const;
type Code = (typeof CODES)[number];

/**
 * An adjustment that changes indicator weights keeps each section's weights adding up to the
 * policy's section weight (scoring after the adjustment uses the new weights). Reported at the
 * first weight the adjustment changes in the section, once per adjustment and section.
 */
export const adjustedWeights: DossierRule<Code> = {
  id: 'adjusted-weights-sum',
  severity: 'error',
  scope: 'dossier',
  codes: CODES,
  check(d, ctx) {
    if (d.weightless) return [];
    const policy = ctx.policyFor(d);
    const out: Finding<Code>[] = [];
    d.adjustments.forEach((a, i) => {
      const changed = Object.entries(a.indicators).filter(([, p]) => p.weight !== undefined).map(([code]) => code);
      if (changed.length === 0) return;
      const after = inForce(d, a.date).indicators;
      for (const s of LEVEL1) {
        const expected = policy.sections[s];
        if (expected === undefined) continue;
        const inSection = after.filter((ind) => !ind.informational && sectionOf(policy, ind.level1) === s);
        const touched = changed.find((code) => inSection.some((ind) => ind.code === code));
        if (touched === undefined) continue;
        const weights = mapped(inSection, (ind) => ind.weight);
        if (sumIs(weights, expected)) continue;
        const actual = sum(weights);
        out.push({
          code: 'adjusted-weights-sum',
          file: d.origin.file,
          path: `/adjustments/${i}/indicators/${escapePointer(touched)}/weight`,
          args: { date: a.date, section: s, sectionZh: LEVEL1_ZH[s as Level1], actual: text(actual), expected: text(expected), policy: policy.name },
        });
      }
    });
    return out;
  },
};
