import { sum, text, type Dec } from '../decimal.js';
import { GRADE_ALIASES, GRADE_ZH, QUAL_ZH } from '../model/aliases.js';
import type { Finding, PolicyDocument, PolicyRule } from './types.js';

const CODES = ['policy-weights-total', 'grade-bands', 'qualitative-band'] as const;
type Code = (typeof CODES)[number];

/**
 * A policy adds up and its grades make sense: section weights + execution weight = 100; grade
 * bands in descending order of their minimum, each grade once, the lowest starting at 0, all
 * within 0-100; qualitative bands inside [0, 1] with each default inside its band.
 */
export const policyConsistency: PolicyRule<Code> = {
  id: 'policy-consistency',
  severity: 'error',
  scope: 'policy',
  codes: CODES,
  check: policyProblems,
};

/** The problems of a policy (also used to refuse a policy file named by --policy or `extends`). */
export function policyProblems({ file, doc, policy }: PolicyDocument): Finding<Code>[] {
  const out: Finding<Code>[] = [];
  const total = sum(Object.values(policy.sections) as Dec[]).plus(policy.executionWeight);
  if (!total.equals(100)) {
    out.push({ file, path: doc.sections ? '/sections' : doc.execution ? '/execution' : '', code: 'policy-weights-total', args: { total: text(total), sections: text(sum(Object.values(policy.sections) as Dec[])), execution: text(policy.executionWeight) } });
  }
  if (doc.grades) {
    const seen = new Set<string>();
    doc.grades.forEach((g, i) => {
      const grade = GRADE_ALIASES[g.grade];
      if (seen.has(grade)) out.push({ file, path: `/grades/${i}/grade`, code: 'grade-bands', args: { variant: 'duplicate', problem: 'duplicate', grade, gradeZh: GRADE_ZH[grade], min: g.min } });
      seen.add(grade);
      if (i > 0 && g.min >= doc.grades![i - 1].min) out.push({ file, path: `/grades/${i}/min`, code: 'grade-bands', args: { variant: 'order', problem: 'order', grade, gradeZh: GRADE_ZH[grade], min: g.min, previousMin: doc.grades![i - 1].min } });
    });
    const lowest = doc.grades.reduce((a, b) => (b.min < a.min ? b : a));
    // A score below the lowest minimum would get no grade at all.
    if (lowest.min !== 0) out.push({ file, path: '/grades', code: 'grade-bands', args: { variant: 'no-zero', problem: 'no-zero', grade: GRADE_ALIASES[lowest.grade], gradeZh: GRADE_ZH[GRADE_ALIASES[lowest.grade]], min: lowest.min } });
  }
  for (const level of ['achieved', 'partial', 'failed'] as const) {
    const q = policy.qualitative[level];
    const [lo, hi] = q.band;
    if (lo.greaterThan(hi) || q.default.lessThan(lo) || q.default.greaterThan(hi)) {
      out.push({ file, path: doc.qualitative?.[level] ? `/qualitative/${level}` : '', code: 'qualitative-band', args: { level, levelZh: QUAL_ZH[level], low: text(lo), high: text(hi), default: text(q.default) } });
    }
  }
  return out;
}
