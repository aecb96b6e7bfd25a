import { sum, sumIs, text } from '../decimal.js';
import { LEVEL1, type Level1 } from '../model/model.js';
import { sectionOf } from '../model/policy.js';
import { LEVEL1_ZH } from '../model/aliases.js';
import type { DossierRule, Finding } from './types.js';
import { mapped } from '../shapes.js';

const CODES = ['weights-sum', 'section-not-in-policy'] as const;
type Code = (typeof CODES)[number];

/**
 * Indicator weights per level-1 section add up to the policy's section weight (财预〔2020〕10号:
 * output 50, effect 30, satisfaction 10 under `self`). An indicator whose section the policy
 * does not score is reported too. Informational rows (其中…) are never scored and not counted.
 */
export const weightsSum: DossierRule<Code> = {
  id: 'weights-sum',
  severity: 'error',
  scope: 'dossier',
  codes: CODES,
  check(d, ctx) {
    // A 申报表 without 分值: the weights come with the 自评表 (an info line says so at loading).
    if (d.weightless) return [];
    const policy = ctx.policyFor(d);
    const out: Finding<Code>[] = [];
    const bySection = new Map<Level1, number[]>();
    d.indicators.forEach((ind, i) => {
      if (ind.informational) return;
      const s = sectionOf(policy, ind.level1);
      if (policy.sections[s] === undefined) {
        out.push({ file: d.origin.file, path: `/indicators/${i}/level1`, code: 'section-not-in-policy', args: { level1: ind.level1, level1Zh: LEVEL1_ZH[ind.level1], policy: policy.name, sections: Object.keys(policy.sections).join(', ') } });
        return;
      }
      const list = bySection.get(s);
      if (list) list.push(i);
      else bySection.set(s, [i]);
    });
    for (const s of LEVEL1) {
      const expected = policy.sections[s];
      if (expected === undefined) continue;
      const idx = bySection.get(s) ?? [];
      const weights = mapped(idx, (i) => d.indicators[i].weight);
      if (!sumIs(weights, expected)) {
        const actual = sum(weights);
        out.push({
          code: 'weights-sum',
          file: d.origin.file,
          // Point at the first indicator of the section, or the indicator list when there is none.
          path: idx.length ? `/indicators/${idx[0]}/weight` : '/indicators',
          args: { section: s, sectionZh: LEVEL1_ZH[s], actual: text(actual), expected: text(expected), policy: policy.name, count: idx.length, ...(idx.length === 0 ? { variant: 'none' } : {}) },
        });
      }
    }
    return out;
  },
};
