import { QUAL_ZH } from '../model/aliases.js';
import { text } from '../decimal.js';
import type { EvaluationRule, Finding } from './types.js';

const CODES = ['actual-kind-mismatch', 'qualitative-score-out-of-band', 'survey-inconsistent'] as const;
type Code = (typeof CODES)[number];

/**
 * Each actual has the form its indicator needs: a qualitative level for a qualitative indicator
 * (with a score inside its level's band, 财预〔2020〕10号: 80-100% / 60-80% / 0-60% of the
 * weight), a number or a survey for a numeric one; a survey cannot count more satisfied people
 * than respondents.
 */
export const evaluationActuals: EvaluationRule<Code> = {
  id: 'evaluation-actuals',
  severity: 'error',
  scope: 'evaluation',
  codes: CODES,
  check(e, ctx) {
    const d = ctx.dossierByCode.get(e.project);
    if (!d) return [];
    const policy = ctx.policyFor(d);
    const out: Finding<Code>[] = [];
    const file = e.origin.file;
    for (const ind of d.indicators) {
      const a = e.actuals[ind.code];
      if (!a) continue;
      const path = a.origin.path;
      if (a.kind === 'survey' && a.satisfied > a.respondents) {
        out.push({ file, path: `${path}/survey/satisfied`, code: 'survey-inconsistent', args: { indicator: ind.code, satisfied: a.satisfied, respondents: a.respondents } });
      }
      const qualitative = ind.operator === 'qualitative';
      if (qualitative !== (a.kind === 'qualitative')) {
        // `form` is YAML, the same in every language: what to write instead.
        const form = qualitative ? '{level: achieved | partial | failed, score: …}' : ind.level1 === 'satisfaction' ? '{survey: {respondents: …, satisfied: …}}' : '{value: …, note: …}';
        out.push({ file, path, code: 'actual-kind-mismatch', args: { indicator: ind.code, expected: qualitative ? 'level' : 'number', actual: a.kind, form } });
        continue;
      }
      if (a.kind === 'qualitative' && a.score !== undefined) {
        const [lo, hi] = policy.qualitative[a.level].band;
        const low = lo.times(ind.weight);
        const high = hi.times(ind.weight);
        // Lower bound included; upper excluded except for a band that ends at 100%.
        const inside = a.score.greaterThanOrEqualTo(low) && (hi.equals(1) ? a.score.lessThanOrEqualTo(high) : a.score.lessThan(high));
        if (!inside) {
          out.push({ file, path: `${path}/score`, code: 'qualitative-score-out-of-band', args: { indicator: ind.code, score: text(a.score), level: a.level, levelZh: QUAL_ZH[a.level], low: text(low), high: text(high), upperIncluded: hi.equals(1), range: `[${text(low)}, ${text(high)}${hi.equals(1) ? ']' : ')'}` } });
        }
      }
    }
    return out;
  },
};
