// The scoring formulas one by one (DOMAIN.md §3, FORMATS.md §3), each against a figure worked
// out by hand in the comment beside it: budget execution, ">=", "<=" (reverse ratio and linear),
// "=", qualitative bands and defaults, expert panels, half-up rounding, and a total that is the
// sum of the rounded parts.
import { expect } from 'chai';
import { D, type Dec } from '../../../../src/core/decimal.js';
import type { Actual, Dossier, Evaluation, Indicator } from '../../../../src/core/model/model.js';
import { normaliseDossier, normaliseEvaluation, structuredClonePolicy } from '../../../../src/core/model/normalise.js';
import { builtinPolicy, type Policy } from '../../../../src/core/model/policy.js';
import type { EvaluationDoc, ProjectDossierDoc } from '../../../../src/core/model/schema-types.js';
import { scoreExecution } from '../../../../src/core/scoring/execution.js';
import { scoreIndicator } from '../../../../src/core/scoring/indicator.js';
import { scoreProject } from '../../../../src/core/scoring/project.js';
import type { ScoreFinding } from '../../../../src/core/scoring/types.js';

const SELF = builtinPolicy('self')!;
const str = (x: Dec | null | undefined) => (x === null || x === undefined ? null : x.toString());

function policyWith(change: (p: Policy) => void): Policy {
  const p = structuredClonePolicy(SELF);
  change(p);
  return p;
}

type IndicatorDoc = ProjectDossierDoc['indicators'][number];

function dossier(indicators: Partial<IndicatorDoc>[], budget: Partial<ProjectDossierDoc['budget']> = {}): Dossier {
  const doc = {
    apiVersion: 'bpm/v1',
    kind: 'ProjectDossier',
    project: { code: 'T-1', name: '测试项目', department: '测试局', year: 2025, objectives: ['S1'] },
    budget: { unit: '万元', total: 500, ...budget },
    goal: '全年完成50场活动',
    indicators: indicators.map((ind, i) => ({ code: `I-${i + 1}`, level1: 'output', level2: 'quantity', name: `指标${i + 1}`, operator: '>=', target: 50, unit: '场', weight: 10, ...ind })),
  } as ProjectDossierDoc;
  return normaliseDossier(doc, 'd.yaml');
}

function evaluation(actuals: Record<string, unknown>, extra: Partial<EvaluationDoc> = {}): Evaluation {
  return normaliseEvaluation({ apiVersion: 'bpm/v1', kind: 'Evaluation', project: 'T-1', actuals, ...extra } as EvaluationDoc, 'e.yaml');
}

/** Score one indicator written as YAML would write it, with its actual. */
function one(ind: Partial<IndicatorDoc>, actual: unknown, policy = SELF, panel?: number[]) {
  const d = dossier([ind]);
  const e = evaluation({ 'I-1': actual }, panel ? { panels: { 'I-1': panel } } : {});
  const indicator: Indicator = d.indicators[0];
  const a: Actual = e.actuals['I-1'];
  return scoreIndicator({ indicator, actual: a, panel: e.panels['I-1']?.scores, policy, allowMissing: false });
}

function execution(total: number, executed: number | undefined, policy = SELF, note?: string) {
  const d = dossier([{}], { total });
  const e = evaluation({ 'I-1': 50 }, executed === undefined ? {} : { budget: { executed, ...(note ? { note } : {}) } } as Partial<EvaluationDoc>);
  const findings: ScoreFinding[] = [];
  const ex = scoreExecution(d.budget.total, d, e, undefined, policy, false, findings);
  return { ex, codes: findings.map((f) => f.code) };
}

describe('scoring formulas, each against a hand-computed figure', () => {
  describe('budget execution: weight × min(executed / budget in force, 1)', () => {
    it('480 of 500 at weight 10: rate 96 %, score 10 × 0.96 = 9.6', () => {
      const { ex, codes } = execution(500, 480);
      expect(str(ex.rate)).to.equal('96');
      expect(str(ex.score)).to.equal('9.6');
      expect(codes).to.deep.equal(['execution-good']);
    });
    it('above the budget is capped at the weight (520 of 500 → 10) and warned about', () => {
      const { ex, codes } = execution(500, 520);
      expect(str(ex.rate)).to.equal('104');
      expect(str(ex.score)).to.equal('10');
      expect(codes).to.deep.equal(['execution-over-budget']);
    });
    it('below 90 % without a reason: 300 of 500 → 6, a warning and a recommendation', () => {
      const { ex, codes } = execution(500, 300);
      expect(str(ex.score)).to.equal('6');
      expect(codes).to.deep.equal(['execution-low-no-reason', 'recommend-explain-execution']);
      expect(execution(500, 300, SELF, '项目延期').codes).to.deep.equal(['execution-low']);
    });
    it('rounds once, half-up: 1 of 8 at weight 10 is 1.25, to one place 1.3 (not the banker’s 1.2)', () => {
      expect(str(execution(8, 1).ex.score)).to.equal('1.25');
      expect(str(execution(8, 1, policyWith((p) => (p.decimals = 1))).ex.score)).to.equal('1.3');
    });
    it('no executed amount and no monitoring spend: no score (the project is incomplete)', () => {
      const { ex, codes } = execution(500, undefined);
      expect(ex.score).to.equal(null);
      expect(codes).to.deep.equal(['missing-executed']);
    });
  });

  describe('">=": weight × min(actual / target, 1)', () => {
    it('45 of 50 at weight 20 → 20 × 0.9 = 18', () => {
      const r = one({ target: 50, weight: 20 }, 45);
      expect([str(r.score.ratio), str(r.score.score), r.score.method]).to.deep.equal(['0.9', '18', 'ratio']);
    });
    it('over the target is capped at the weight: 52 of 50 → 20', () => {
      expect(str(one({ target: 50, weight: 20 }, 52).score.score)).to.equal('20');
    });
    it('2 of 3 at weight 10 → 6.666… → 6.67 (half-up at two places)', () => {
      expect(str(one({ target: 3, weight: 10 }, 2).score.score)).to.equal('6.67');
    });
    it('a tie rounds up: 1 of 8 at weight 5 → 0.625 → 0.63', () => {
      expect(str(one({ target: 8, weight: 5 }, 1).score.score)).to.equal('0.63');
    });
  });

  describe('"<=": reverse ratio target / actual, or linear 1 − (actual − target) / target floored at 0', () => {
    const cost = { level2: 'cost', operator: '<=', target: 10, unit: '万元', weight: 10 } as Partial<IndicatorDoc>;
    const linear = policyWith((p) => (p.reverse = 'linear'));
    it('ratio: 12.5 against ≤ 10 → 10 / 12.5 = 0.8 → 8', () => {
      const r = one(cost, 12.5);
      expect([str(r.score.ratio), str(r.score.score), r.score.method]).to.deep.equal(['0.8', '8', 'ratio']);
    });
    it('linear: 12.5 against ≤ 10 → 1 − 2.5 / 10 = 0.75 → 7.5', () => {
      const r = one(cost, 12.5, linear);
      expect([str(r.score.ratio), str(r.score.score), r.score.method]).to.deep.equal(['0.75', '7.5', 'linear']);
    });
    it('linear floors at 0: 25 against ≤ 10 → 1 − 15 / 10 = −0.5 → 0', () => {
      expect(str(one(cost, 25, linear).score.score)).to.equal('0');
    });
    it('under the ceiling is full points: 8 against ≤ 10 → 10 (both rules)', () => {
      expect(str(one(cost, 8).score.score)).to.equal('10');
      expect(str(one(cost, 8, linear).score.score)).to.equal('10');
    });
  });

  describe('"=": actual / target, capped at full points', () => {
    const rate = { level2: 'quality', operator: '=', target: 100, unit: '%', weight: 10 } as Partial<IndicatorDoc>;
    it('95 against = 100 % → 10 × 0.95 = 9.5', () => {
      expect(str(one(rate, 95).score.score)).to.equal('9.5');
    });
    it('105 against = 100 % → 10 (never above the weight)', () => {
      expect(str(one(rate, 105).score.score)).to.equal('10');
    });
  });

  describe('qualitative: bands of the weight (achieved 80–100 %, partial 60–80 %, failed 0–60 %)', () => {
    const qual = { level1: 'effect', level2: 'social', operator: 'qualitative', target: '群众满意度明显提升', unit: undefined, weight: 10 } as Partial<IndicatorDoc>;
    it('a level without a score gets its default fraction: achieved 1.0 → 10, partial 0.7 → 7, failed 0.3 → 3', () => {
      const got = (['achieved', 'partial', 'failed'] as const).map((level) => {
        const r = one(qual, { level });
        return [str(r.score.score), r.score.method];
      });
      expect(got).to.deep.equal([
        ['10', 'default'],
        ['7', 'default'],
        ['3', 'default'],
      ]);
    });
    it('the evaluator’s score inside the band is used as given: partial 7.5 → 7.5 (method level)', () => {
      const r = one(qual, { level: 'partial', score: 7.5 });
      expect([str(r.score.score), r.score.method]).to.deep.equal(['7.5', 'level']);
    });
    it('an expert panel of five is trimmed: [7, 6.5, 7.5, 6, 7.8] drops 7.8 and 6 → (7 + 6.5 + 7.5) / 3 = 7', () => {
      const r = one(qual, { level: 'partial' }, SELF, [7, 6.5, 7.5, 6, 7.8]);
      expect([str(r.score.score), r.score.method, str(r.score.panel?.combined)]).to.deep.equal(['7', 'panel', '7']);
    });
    it('a panel of four is not trimmed (minRaters 5): [6, 7, 7, 8] → 7', () => {
      const r = one(qual, { level: 'partial' }, SELF, [6, 7, 7, 8]);
      expect(str(r.score.score)).to.equal('7');
    });
  });

  describe('satisfaction survey: satisfied / respondents × 100, then scored as a number', () => {
    it('1092 of 1200 → 91 %; against ≥ 90 % at weight 10 → full points', () => {
      const r = one({ level1: 'satisfaction', level2: 'satisfaction', target: 90, unit: '%', weight: 10 }, { survey: { respondents: 1200, satisfied: 1092 } });
      expect([str(r.score.actual), str(r.score.score)]).to.deep.equal(['91', '10']);
    });
    it('855 of 1000 → 85.5 % against ≥ 90 % at weight 10 → 10 × 0.95 = 9.5', () => {
      const r = one({ level1: 'satisfaction', level2: 'satisfaction', target: 90, unit: '%', weight: 10 }, { survey: { respondents: 1000, satisfied: 855 } });
      expect([str(r.score.actual), str(r.score.score)]).to.deep.equal(['85.5', '9.5']);
    });
  });

  describe('the total is the sum of the rounded parts', () => {
    it('three indicators of 2/3 at weight 10 (6.67 each) and execution 10: 10 + 3 × 6.67 = 30.01, not round(30.00)', () => {
      const d = dossier([
        { target: 3, weight: 10 },
        { target: 3, weight: 10 },
        { target: 3, weight: 10 },
      ]);
      const e = evaluation({ 'I-1': 2, 'I-2': 2, 'I-3': 2 }, { budget: { executed: 500 } } as Partial<EvaluationDoc>);
      const s = scoreProject({ dossier: d, evaluation: e, policy: SELF });
      expect(s.indicators.map((i) => str(i.score))).to.deep.equal(['6.67', '6.67', '6.67']);
      expect(str(s.execution.score)).to.equal('10');
      expect(str(s.total)).to.equal('30.01');
      expect(str(s.sections.find((x) => x.section === 'output')?.score)).to.equal('20.01');
      // What rounding the exact sum would have printed instead:
      expect(new D(10).plus(new D(20).dividedBy(3).times(3)).toDecimalPlaces(2).toString()).to.equal('30');
    });
    it('grades by the lower bound included: 90 is excellent, 89.99 good, 60 fair, 59.99 poor', () => {
      const grade = (x: string) => SELF.grades.find((g) => new D(x).greaterThanOrEqualTo(g.min))?.grade;
      expect(['90', '89.99', '80', '60', '59.99'].map(grade)).to.deep.equal(['excellent', 'good', 'good', 'fair', 'poor']);
    });
  });
});
