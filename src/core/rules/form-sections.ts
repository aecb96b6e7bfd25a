import { LEVEL1_ZH } from '../model/aliases.js';
import { sectionOf } from '../model/policy.js';
import type { DossierRule, Finding } from './types.js';

const CODES = ['form-section-points'] as const;
type Code = (typeof CODES)[number];

/**
 * Section points printed in a form's 一级指标 cells (产出指标(50分), docs/formats.md#excel-workbooks) are the
 * policy's section weights: a form printed for another policy (or with a typing slip) says one
 * thing while the project is scored by another. Reported at the section's 一级指标 cell.
 */
export const formSections: DossierRule<Code> = {
  id: 'form-section-points',
  severity: 'warning',
  scope: 'dossier',
  codes: CODES,
  check(d, ctx) {
    if (!d.printedSections) return [];
    const policy = ctx.policyFor(d);
    const out: Finding<Code>[] = [];
    for (const s of d.printedSections) {
      const expected = policy.sections[sectionOf(policy, s.level1)];
      // A section the policy does not score is section-not-in-policy's to report.
      if (expected === undefined || s.points.equals(expected)) continue;
      out.push({ code: 'form-section-points', file: d.origin.file, path: s.path, args: { level1: s.level1, level1Zh: LEVEL1_ZH[s.level1], points: s.points.toFixed(), expected: expected.toFixed(), policy: policy.name } });
    }
    return out;
  },
};
