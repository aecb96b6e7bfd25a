// Completeness (完整性): every part of a performance goal is there — the overall goal, the
// level-1 sections the policy requires (output, effect and satisfaction for 单位自评; cost
// where a bureau adds it), and a quantity output that the budget buys (the denominator of the
// unit cost). fraction = 0.8 × covered required sections / required sections
//                      + 0.2 × (has an output quantity indicator).
import { D } from '../decimal.js';
import { LEVEL1_ZH } from '../model/aliases.js';
import type { Dossier, Indicator, Level1 } from '../model/model.js';
import { blend, finder, isNumeric, share } from './shared.js';
import type { Dimension, ReviewFinding } from './types.js';

/** Does the dossier cover a level-1 section? A cost section is also covered by an output/cost indicator. */
function covers(inds: readonly Indicator[], level1: Level1): boolean {
  if (inds.some((i) => i.level1 === level1)) return true;
  return level1 === 'cost' && inds.some((i) => i.level1 === 'output' && i.level2 === 'cost');
}

/** The main output quantity: the first numeric output/quantity indicator that is not a percentage. */
export function mainOutput(d: Dossier): Indicator | undefined {
  return d.indicators.find((i) => i.level1 === 'output' && i.level2 === 'quantity' && isNumeric(i) && i.operator !== '<=' && i.unit?.trim() !== '%');
}

const CODES = ['review-missing-section', 'review-no-output-quantity'] as const;
type Code = (typeof CODES)[number];

export const completeness: Dimension<Code> = {
  name: 'completeness',
  codes: CODES,
  review(d, ctx) {
    const findings: ReviewFinding<Code>[] = [];
    const add = finder(d, 'completeness', findings);
    const required = ctx.policy.review.requiredSections;
    const missing = required.filter((l) => !covers(d.indicators, l));
    // Same arguments as validate's required-levels, which this finding replaces when both fire.
    for (const level1 of missing) add('required', 'review-missing-section', '/indicators', { level1, level1Zh: LEVEL1_ZH[level1] }, 'required-levels');
    const output = mainOutput(d);
    if (!output) add('suggestion', 'review-no-output-quantity', '/indicators', {});
    const present = Object.fromEntries(required.map((l) => [l, d.indicators.filter((i) => covers([i], l)).length]));
    return {
      fraction: blend([
        [0.8, share(required.length - missing.length, required.length)],
        [0.2, new D(output ? 1 : 0)],
      ]),
      facts: { requiredSections: [...required], missingSections: missing, indicatorsBySection: present, mainOutput: output?.code ?? null },
      findings,
    };
  },
};
