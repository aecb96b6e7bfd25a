// Measurability (明确性, seed §二(一)1): can anyone tell at year end whether the goal was met?
//   fraction = 0.4 × min(quantitative share / policy minimum, 1)
//            + 0.3 × goal clarity (0 without any number; else 1 − vague clauses / clauses)
//            + 0.1 × (the goal says by when)
//            + 0.2 × measurable targets / indicators (a number with a unit, or a concrete
//                    qualitative description)
// Vague wording is found by validate's `vaguePhrases` (提高, 加强, 进一步 … with no number).
import { D, min, round, text } from '../decimal.js';
import type { Dossier } from '../model/model.js';
import { blend, deadline, finder, isNumeric, pathOf, share } from './shared.js';
import { clauses, hasNumber, hasTimePhrase, vaguePhrases, VAGUE_WORDS } from '../text.js';
import type { Dimension, ReviewFinding } from './types.js';

/** The object of a vague phrase (the phrase without its vague words): 进一步提高市民文化素养 → 市民文化素养. */
export function vagueObject(phrase: string): string {
  let s = phrase;
  for (const w of VAGUE_WORDS) s = s.split(w).join('');
  s = s.trim();
  return s === '' ? phrase : s;
}

const OP: Record<string, string> = { '>=': '≥', '<=': '≤', '=': '=' };

/**
 * The dossier's own numeric targets as a sentence a vague goal could be rewritten into: output
 * quantities and effects first, at most three ("举办社区文化活动场次 ≥ 50 场、参与活动市民人次 ≥ 10000 人次").
 */
function targetSentence(d: Dossier): string {
  const rank = (l: string, l2: string) => (l === 'output' && l2 === 'quantity' ? 0 : l === 'effect' ? 1 : 2);
  const picked = d.indicators
    .filter(isNumeric)
    .map((ind, i) => ({ ind, i, r: rank(ind.level1, ind.level2) }))
    .sort((a, b) => a.r - b.r || a.i - b.i)
    .slice(0, 3);
  return picked.map(({ ind }) => `${ind.name} ${OP[ind.operator]} ${text(ind.target)}${ind.unit && ind.unit !== '%' ? ' ' : ''}${ind.unit ?? ''}`).join('、');
}

/** 2025-12-31 → 2025年12月31日. */
export function dateZh(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : iso;
}

const CODES = ['review-quantitative-share', 'review-vague-goal', 'review-goal-no-number', 'review-goal-no-deadline', 'review-target-no-unit', 'review-vague-target'] as const;
type Code = (typeof CODES)[number];

export const measurability: Dimension<Code> = {
  name: 'measurability',
  codes: CODES,
  review(d: Dossier, ctx) {
    const findings: ReviewFinding<Code>[] = [];
    const add = finder(d, 'measurability', findings);
    const inds = d.indicators;

    const quantitative = inds.filter(isNumeric).length;
    const shareQ = share(quantitative, inds.length);
    const minShare = ctx.policy.review.minQuantitativeShare;
    if (shareQ.lessThan(minShare)) {
      add('required', 'review-quantitative-share', '/indicators', {
        quantitative,
        indicators: inds.length,
        share: text(shareQ.times(100).toDecimalPlaces(1)),
        minimum: text(minShare.times(100)),
      });
    }

    const goalClauses = clauses(d.goal);
    const vague = vaguePhrases(d.goal);
    const numbered = hasNumber(d.goal);
    const example = targetSentence(d);
    for (const phrase of vague) {
      const args = { phrase, object: vagueObject(phrase), deadline: deadline(d), deadlineZh: dateZh(deadline(d)) };
      add('required', 'review-vague-goal', '/goal', example ? { ...args, targets: example, hint: 'use-targets' } : args, 'vague-goal');
    }
    if (!numbered) add('required', 'review-goal-no-number', '/goal', {}, 'goal-no-number');
    const clarity = numbered ? D.max(0, new D(1).minus(share(vague.length, Math.max(goalClauses.length, 1)))) : new D(0);

    const timed = hasTimePhrase(d.goal);
    if (!timed) add('suggestion', 'review-goal-no-deadline', '/goal', { deadline: deadline(d), deadlineZh: dateZh(deadline(d)) });

    let measurable = 0;
    inds.forEach((ind) => {
      if (isNumeric(ind)) {
        if (ind.unit && ind.unit.trim() !== '') measurable++;
        else add('required', 'review-target-no-unit', pathOf(ind), { indicator: ind.code, target: text(ind.target) }, 'target-unit-missing');
        return;
      }
      if (ind.operator !== 'qualitative') return; // a non-numeric quantitative target is a validation error
      const phrases = vaguePhrases(ind.targetText);
      if (phrases.length === 0) measurable++;
      for (const phrase of phrases) {
        add('suggestion', 'review-vague-target', `${pathOf(ind)}/target`, { indicator: ind.code, phrase }, 'vague-target');
      }
    });

    return {
      fraction: blend([
        [0.4, minShare.isZero() ? new D(1) : min(shareQ.dividedBy(minShare), new D(1))],
        [0.3, clarity],
        [0.1, new D(timed ? 1 : 0)],
        [0.2, share(measurable, inds.length)],
      ]),
      facts: {
        indicators: inds.length,
        quantitative,
        quantitativeShare: round(shareQ, 4),
        minQuantitativeShare: minShare,
        vaguePhrases: vague,
        goalHasDeadline: timed,
        measurableTargets: measurable,
      },
      findings,
    };
  },
};
