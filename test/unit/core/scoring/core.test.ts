// Unit checks of the scoring building blocks: panels, surveys, ratios, ranking.
import { expect } from 'chai';
import { rank } from '../../../../src/core/application/batch.js';
import { D } from '../../../../src/core/decimal.js';
import { combinePanel } from '../../../../src/core/scoring/panel.js';
import { builtinPolicy } from '../../../../src/core/model/policy.js';
import type { ProjectScore } from '../../../../src/core/scoring/types.js';
import { MIN_SURVEY_SAMPLE, numericRatio, survey, surveyTooSmall } from '../../../../src/core/scoring/indicator.js';

const d = (x: number | string) => new D(x);
const panel = (method: 'trimmed-mean' | 'mean' | 'median', minRaters = 5) => ({ method, minRaters, spread: d(0.3) });

describe('score core: panels', () => {
  it('trims one highest and one lowest from five raters', () => {
    const r = combinePanel([9, 8.6, 9.4, 8.2, 8.8].map(d), panel('trimmed-mean'));
    expect(r.combined.toString()).to.equal('8.8');
    expect(r.used.map(String)).to.deep.equal(['8.6', '8.8', '9']);
    expect(r.spread.toString()).to.equal('1.2');
  });
  it('does not trim below minRaters, and knows mean and median', () => {
    expect(combinePanel([6, 7, 9].map(d), panel('trimmed-mean')).combined.toString()).to.equal(d(22).dividedBy(3).toString());
    expect(combinePanel([6, 7, 9, 10].map(d), panel('median')).combined.toString()).to.equal('8');
    expect(combinePanel([6, 7, 9].map(d), panel('median')).combined.toString()).to.equal('7');
    expect(combinePanel([6, 7, 9, 10].map(d), panel('mean')).combined.toString()).to.equal('8');
  });
});

describe('score core: surveys and ratios', () => {
  it('needs 385 respondents for ±5 points at 95% (p = 0.5)', () => {
    expect(MIN_SURVEY_SAMPLE).to.equal(385);
  });
  it('computes the rate and the margin of error exactly', () => {
    const s = survey(1200, 1128);
    expect(s.rate.toString()).to.equal('94');
    // 1.96 × sqrt(0.94 × 0.06 / 1200) × 100 = 1.96 × 0.0068556546 × 100 = 1.34370830…
    expect(s.margin.toDecimalPlaces(4).toString()).to.equal('1.3437');
  });
  it('flags a survey by its own margin, not by a fixed sample size', () => {
    // 218 of 240 satisfied: p = 0.9083, 1.96 × sqrt(0.9083 × 0.0917 / 240) × 100 = 3.65 points: fine.
    const s240 = survey(240, 218);
    expect(s240.margin.toDecimalPlaces(2).toString()).to.equal('3.65');
    expect(surveyTooSmall(s240)).to.equal(undefined);
    // 70 of 100: 1.96 × sqrt(0.7 × 0.3 / 100) × 100 = 8.98 points; ±5 needs ceil(3.8416 × 0.21 / 0.0025) = 323.
    const s100 = survey(100, 70);
    expect(s100.margin.toDecimalPlaces(2).toString()).to.equal('8.98');
    expect(surveyTooSmall(s100)).to.deep.equal({ required: 323 });
    // 10 of 10: the rule of three bounds it at 3 / 10 = 30 points, not a margin of 0; ±5 at 3 / 0.05 = 60.
    const s10 = survey(10, 10);
    expect(s10.margin.toString()).to.equal('30');
    expect(surveyTooSmall(s10)).to.deep.equal({ required: 60 });
  });
  it('inverts "<=" and applies the linear rule, never dividing by zero', () => {
    expect(numericRatio('<=', d(10), d(8), 'ratio').ratio!.toString()).to.equal('0.8');
    expect(numericRatio('<=', d(10), d(8), 'linear').ratio!.toString()).to.equal('0.75');
    expect(numericRatio('<=', d(0), d(8), 'ratio').ratio).to.equal(null);
    expect(numericRatio('>=', d(5), d(0), 'ratio').ratio).to.equal(null);
    expect(numericRatio('=', d(98.6), d(100), 'ratio').ratio!.toString()).to.equal('0.986');
  });
  it('the built-in policies carry the documented defaults', () => {
    const self = builtinPolicy('self')!;
    expect(self.executionWeight.toString()).to.equal('10');
    expect(self.grades.map((g) => `${g.grade}:${g.min}`)).to.deep.equal(['excellent:90', 'good:80', 'fair:60', 'poor:0']);
    expect(builtinPolicy('key')!.executionWeight.toString()).to.equal('0');
  });
});

describe('score core: ranking', () => {
  const p = (code: string, total: string | null, status: ProjectScore['status'] = 'scored') => ({ code, total: total === null ? null : d(total), status }) as unknown as ProjectScore;
  it('shares a rank between equal totals and lists unscored projects last', () => {
    const rows = rank([p('C', '80'), p('A', '90'), p('B', '80'), p('D', null, 'incomplete'), p('E', '70')]);
    expect(rows.map((r) => `${r.rank}:${r.project.code}`)).to.deep.equal(['1:A', '2:B', '2:C', '4:E', 'null:D']);
  });
});

describe('score core: recheck of a table that prints section subtotals only', () => {
  it('checks the claimed total against the claimed sections and execution', async () => {
    const { recheck } = await import('../../../../src/core/scoring/recheck.js');
    const policy = builtinPolicy('self')!;
    const section = (s: 'output' | 'effect' | 'satisfaction', w: number, score: string) => ({ section: s, weight: d(w), score: d(score) });
    const r = recheck({
      claimed: { execution: d(9), indicators: {}, sections: { output: d(45), effect: d(28), satisfaction: d(9) }, total: d(92), origin: { file: 'e.yaml', path: '/claimed' } },
      execution: { budget: d(100), initial: d(100), executed: d(90), source: 'evaluation', rate: d(90), weight: d(10), score: d(9) },
      indicators: [],
      sections: [section('output', 50, '45'), section('effect', 30, '28'), section('satisfaction', 10, '9')],
      total: d(91),
      grade: 'excellent',
      policy,
    });
    // 9 + 45 + 28 + 9 = 91, not the 92 printed; and 92 is 1 point (> 0.5) above the computed 91.
    expect(r.discrepancies.map((x) => `${x.item}:${String(x.claimed)}:${String(x.computed)}`)).to.deep.equal(['total-arithmetic:92:91', 'total:92:91']);
  });
});

describe('score core: the tolerance of an item is min(tolerance, relativeTolerance × its weight)', () => {
  const claimedOf = (indicators: Record<string, string>) => ({ indicators: Object.fromEntries(Object.entries(indicators).map(([k, v]) => [k, d(v)])), sections: {}, origin: { file: 'e.yaml', path: '/claimed' } });
  const ind = (code: string, weight: number, score: string) => ({ code, weight: d(weight), score: d(score), method: 'ratio' }) as never;
  const run = async (policyOver: (p: ReturnType<typeof builtinPolicy> & object) => void) => {
    const { recheck } = await import('../../../../src/core/scoring/recheck.js');
    const policy = builtinPolicy('self')!;
    policyOver(policy);
    return recheck({
      claimed: claimedOf({ A: '1.9', B: '19.6' }),
      execution: { budget: d(100), initial: d(100), executed: d(90), source: 'evaluation', rate: d(90), weight: d(10), score: d(9) },
      indicators: [ind('A', 3, '1.69'), ind('B', 20, '19.5')],
      sections: [],
      total: null,
      grade: null,
      policy,
    });
  };

  it('by default a 3-point row tolerates 0.15 and a 20-point row 0.5', async () => {
    // A: |1.9 − 1.69| = 0.21 > min(0.5, 0.15); B: |19.6 − 19.5| = 0.1 ≤ 0.5 and one unit of 19.6's last place: rounding.
    const r = await run(() => undefined);
    expect(r.discrepancies.map((x) => `${x.item}:${x.reason}`)).to.deep.equal(['indicator:A:score']);
    expect(r.findings.map((f) => `${f.code}:${String(f.args.item)}`)).to.deep.equal(['claimed-rounding:indicator:B', 'recommend-correct-table:undefined']);
  });

  it('a policy may set both: relativeTolerance 0.1 lets 0.21 on 3 points pass (0.3), relativeTolerance 0 lets nothing pass', async () => {
    const loose = await run((p) => (p.recheck.relativeTolerance = d('0.1')));
    expect(loose.discrepancies).to.deep.equal([]);
    expect(loose.findings.map((f) => f.code)).to.deep.equal(['claimed-within-tolerance', 'claimed-rounding']);
    const strict = await run((p) => (p.recheck.relativeTolerance = d(0)));
    expect(strict.discrepancies.map((x) => x.item)).to.deep.equal(['indicator:A', 'indicator:B']);
  });
});
