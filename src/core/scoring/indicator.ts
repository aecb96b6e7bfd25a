// One indicator's points (财预〔2020〕10号 and docs/scoring.md#numeric-indicators):
//   ">=" and "=": ratio = actual / target;  "<=": ratio = target / actual (reverse: ratio) or
//   1 − (actual − target) / target floored at 0 (reverse: linear);  score = weight × min(ratio, 1).
//   "=" keeps FORMATS' actual / target: below the value loses points proportionally, above it
//   is capped at full points (and flagged as over-achievement from the policy threshold on).
//   Qualitative: the evaluator's score inside the level's band, else the panel's combined score,
//   else the policy's default fraction of the weight (a warning unless the level is achieved).
//   Satisfaction surveys: rate = satisfied / respondents × 100, then scored like a number.
// The score is rounded here, once, half-up to policy.decimals; the ratio stays exact.
import type { Args } from '../diagnostics.js';
import { D, type Dec, ONE, HUNDRED, ZERO, min, max, round, text } from '../decimal.js';
import type { Actual, Indicator } from '../model/model.js';
import { combinePanel } from './panel.js';
import { sectionOf, type Policy } from '../model/policy.js';
import type { IndicatorScore, PanelResult, ScoreFinding, SurveyResult } from './types.js';

export type IndicatorCode =
  | 'missing-actual'
  | 'missing-actual-zero'
  | 'target-met'
  | 'over-achievement'
  | 'shortfall'
  | 'shortfall-no-reason'
  | 'qualitative-achieved'
  | 'qualitative-shortfall'
  | 'qualitative-shortfall-no-reason'
  | 'qualitative-default'
  | 'survey-small-sample'
  | 'panel-disagreement'
  | 'panel-outside-band'
  | 'panel-ignored'
  | 'recommend-raise-target'
  | 'recommend-explain-shortfall';

/** z for a 95% confidence level. */
const Z95 = new D('1.96');
/** The precision a satisfaction survey should reach: ±5 percentage points. */
const MAX_MARGIN = new D('0.05');
/** Sample size for ±5 points at 95% in the worst case p = 0.5: ceil(1.96² × 0.25 / 0.05²) = 385. */
export const MIN_SURVEY_SAMPLE = Z95.pow(2).times('0.25').dividedBy(MAX_MARGIN.pow(2)).ceil().toNumber();

/**
 * Whether a survey is too small to trust: its margin at 95% (at the rate it found) is wider than
 * ±5 points. A survey of 240 with 91 % satisfied has ±3.62 points and is fine; one of 100 with
 * 70 % satisfied has ±8.98 and is not. `required` is the sample that reaches ±5 points at the rate
 * found: ceil(1.96² × p(1 − p) / 0.05²), at most the worst case 385.
 */
export function surveyTooSmall(s: SurveyResult): { required: number } | undefined {
  if (!s.margin.greaterThan(MAX_MARGIN.times(HUNDRED))) return undefined;
  const p = s.satisfied / s.respondents;
  // All or none satisfied: the rule of three reaches ±5 points at 3 / 0.05 = 60 respondents.
  const needed = p === 0 || p === 1 ? 60 : Math.ceil((1.96 * 1.96 * p * (1 - p)) / 0.0025);
  return { required: Math.max(Math.min(needed, MIN_SURVEY_SAMPLE), s.respondents + 1) };
}

export interface IndicatorInput {
  indicator: Indicator;
  /** The indicator as first approved (to tell an adjusted target). */
  original?: Indicator;
  actual?: Actual;
  panel?: Dec[];
  policy: Policy;
  allowMissing: boolean;
}

export interface IndicatorOutcome {
  score: IndicatorScore;
  findings: ScoreFinding<IndicatorCode>[];
  /** No actual value (the project is incomplete unless --allow-missing). */
  missing: boolean;
}

export function scoreIndicator(input: IndicatorInput): IndicatorOutcome {
  const { indicator: ind, actual, policy } = input;
  const findings: ScoreFinding<IndicatorCode>[] = [];
  const base: IndicatorScore = {
    code: ind.code,
    name: ind.name,
    level1: ind.level1,
    level2: ind.level2,
    section: sectionOf(policy, ind.level1),
    operator: ind.operator,
    unit: ind.unit,
    weight: ind.weight,
    target: ind.operator === 'qualitative' ? null : ind.target,
    targetText: ind.targetText,
    actual: null,
    note: actual?.note,
    actualText: actual?.text,
    informational: ind.informational,
    ratio: null,
    score: null,
    method: 'missing',
    adjusted: input.original !== undefined && !sameTarget(input.original, ind),
  };
  let weightText: string | undefined; // the same in every finding of the indicator: once
  const common = (): Args => ({ indicator: ind.code, name: ind.name, weight: (weightText ??= text(ind.weight)) });
  const find = (code: IndicatorCode, severity: ScoreFinding['severity'], kind: ScoreFinding['kind'], args: Args = {}) =>
    // Object.assign, not object spread: the same keys in the same order, without V8's slow
    // generic spread path (this ran 200,000 times in a 10,000-project batch).
    findings.push({ code, severity, kind, indicator: ind.code, args: Object.assign(common(), args) });

  if (!actual || (ind.operator === 'qualitative') !== (actual.kind === 'qualitative')) {
    // A kind mismatch is reported by validation (and makes the project invalid); here it is missing.
    if (input.allowMissing) {
      base.score = round(ZERO, policy.decimals);
      find('missing-actual-zero', 'warning', 'data');
    } else {
      find('missing-actual', 'error', 'data', { operator: ind.operator });
    }
    return { score: base, findings, missing: true };
  }

  if (actual.kind === 'qualitative') {
    base.level = actual.level;
    const band = policy.qualitative[actual.level];
    const panelScores = input.panel;
    let points: Dec;
    if (actual.score !== undefined) {
      points = actual.score;
      base.method = 'level';
    } else if (panelScores && panelScores.length) {
      const p = combinePanel(panelScores, policy.panel);
      base.panel = p;
      points = min(p.combined, ind.weight);
      base.method = 'panel';
      panelFindings(p, band.band, ind, policy, actual.level, find);
    } else {
      points = band.default.times(ind.weight);
      base.method = 'default';
      find('qualitative-default', actual.level === 'achieved' ? 'info' : 'warning', 'data', { level: actual.level, fraction: pct(band.default), points: text(round(points, policy.decimals)) });
    }
    if (actual.score !== undefined && panelScores && panelScores.length) {
      // The evaluator's score wins; the panel is still shown so that a reader can compare.
      const p = combinePanel(panelScores, policy.panel);
      base.panel = p;
      panelFindings(p, band.band, ind, policy, actual.level, find);
    }
    base.score = round(points, policy.decimals);
    base.ratio = ind.weight.isZero() ? null : points.dividedBy(ind.weight);
    if (actual.level === 'achieved') find('qualitative-achieved', 'info', 'achievement', { target: ind.targetText });
    else if (actual.note !== undefined) find('qualitative-shortfall', 'warning', 'problem', { level: actual.level, note: actual.note });
    else find('qualitative-shortfall-no-reason', 'warning', 'problem', { level: actual.level });
    return { score: base, findings, missing: false };
  }

  let value: Dec;
  if (actual.kind === 'survey') {
    const s = survey(actual.respondents, actual.satisfied);
    base.survey = s;
    value = s.rate;
    const small = surveyTooSmall(s);
    if (small) find('survey-small-sample', 'warning', 'data', { respondents: actual.respondents, required: small.required, margin: text(round(s.margin, 2)) });
  } else {
    value = actual.value;
  }
  base.actual = value;
  if (input.panel && input.panel.length) find('panel-ignored', 'warning', 'data');

  const target = ind.target;
  if (target === null) {
    // A numeric indicator without a numeric target is a dossier error (reported by validation).
    find('missing-actual', 'error', 'data', { operator: ind.operator });
    return { score: base, findings, missing: true };
  }
  const { ratio, method } = numericRatio(ind.operator, value, target, policy.reverse);
  base.ratio = ratio;
  base.method = method;
  const fraction = ratio === null ? (meets(ind.operator, value, target) ? ONE : ZERO) : max(min(ratio, ONE), ZERO);
  base.score = round(ind.weight.times(fraction), policy.decimals);

  const args: Args = {
    operator: ind.operator,
    target: text(target),
    actual: text(round(value, 4)),
    unit: ind.unit ?? '',
    ratioPct: ratio === null ? '—' : text(round(ratio.times(HUNDRED), 2)),
    score: text(base.score),
  };
  if (meets(ind.operator, value, target)) {
    find('target-met', 'info', 'achievement', args);
    if (ratio !== null && ratio.greaterThanOrEqualTo(policy.overAchievement)) {
      find('over-achievement', 'info', 'problem', Object.assign({}, args, { threshold: pct(policy.overAchievement), noteGiven: actual.note !== undefined }));
      find('recommend-raise-target', 'info', 'recommendation', args);
    }
  } else {
    const deviation = value.minus(target);
    const dev: Args = Object.assign({}, args, { deviation: text(round(deviation, 4)), deviationPct: target.isZero() ? '—' : text(round(deviation.dividedBy(target).times(HUNDRED), 2)) });
    if (actual.note !== undefined) find('shortfall', 'warning', 'problem', Object.assign({}, dev, { note: actual.note }));
    else {
      find('shortfall-no-reason', 'warning', 'problem', dev);
      find('recommend-explain-shortfall', 'info', 'recommendation', args);
    }
  }
  return { score: base, findings, missing: false };
}

/** Ratio for a numeric indicator; null when it does not exist (a zero denominator). */
export function numericRatio(op: Indicator['operator'], actual: Dec, target: Dec, reverse: Policy['reverse']): { ratio: Dec | null; method: 'ratio' | 'linear' } {
  if (op === '<=') {
    if (reverse === 'linear') {
      if (target.isZero()) return { ratio: null, method: 'linear' };
      return { ratio: ONE.minus(actual.minus(target).dividedBy(target)), method: 'linear' };
    }
    return { ratio: actual.isZero() ? null : target.dividedBy(actual), method: 'ratio' };
  }
  return { ratio: target.isZero() ? null : actual.dividedBy(target), method: 'ratio' };
}

/** Whether the actual value meets the target (">=", "<=") or reaches it ("="). */
function meets(op: Indicator['operator'], actual: Dec, target: Dec): boolean {
  if (op === '<=') return actual.lessThanOrEqualTo(target);
  return actual.greaterThanOrEqualTo(target);
}

export function survey(respondents: number, satisfied: number): SurveyResult {
  const n = new D(respondents);
  const p = new D(satisfied).dividedBy(n);
  // A statistic shown to two decimals, not money: computed in binary floating point (an exact
  // 40-digit square root per survey made large batches slow) and kept to 10 decimals.
  const pf = satisfied / respondents;
  // Everyone (or no one) satisfied gives the normal approximation a margin of 0; the "rule of
  // three" (3 / n) bounds the rate at 95% instead, so ten out of ten is not taken as certain.
  const wald = 1.96 * Math.sqrt((pf * (1 - pf)) / respondents);
  const margin = new D(((satisfied === 0 || satisfied === respondents ? 3 / respondents : wald) * 100).toFixed(10));
  return { respondents, satisfied, rate: p.times(HUNDRED), margin };
}

function panelFindings(
  p: PanelResult,
  band: [Dec, Dec],
  ind: Indicator,
  policy: Policy,
  level: string,
  find: (code: IndicatorCode, severity: ScoreFinding['severity'], kind: ScoreFinding['kind'], args?: Args) => void,
): void {
  const limit = policy.panel.spread.times(ind.weight);
  if (p.spread.greaterThan(limit)) {
    find('panel-disagreement', 'warning', 'data', { spread: text(p.spread), limit: text(limit), raters: p.scores.length, scores: p.scores.map(text).join(', ') });
  }
  const low = band[0].times(ind.weight);
  const high = band[1].times(ind.weight);
  const upperIncluded = band[1].equals(1);
  const inside = p.combined.greaterThanOrEqualTo(low) && (upperIncluded ? p.combined.lessThanOrEqualTo(high) : p.combined.lessThan(high));
  if (!inside) find('panel-outside-band', 'warning', 'data', { combined: text(round(p.combined, policy.decimals)), level, low: text(low), high: text(high) });
}

function sameTarget(a: Indicator, b: Indicator): boolean {
  if (a.target === null || b.target === null) return a.target === b.target && a.targetText === b.targetText;
  return a.target.equals(b.target);
}

function pct(fraction: Dec): string {
  return text(fraction.times(HUNDRED));
}
