// bpm review over fixture folders: each dimension catches what it should, with codes, lines,
// verdicts and scores; a good dossier passes; thresholds come from the policy file.
import { expect } from 'chai';
import { review, reviewExitCode } from '../../../../src/commands/review/run.js';
import type { ReviewReport } from '../../../../src/core/report.js';
import { fixture, ROOT } from '../../../helpers/run.js';

const STRATEGY = fixture('review', 'strategy.yaml');

async function run(paths: string[], extra: { strategy?: string; policy?: string; minScore?: number; lang?: 'zh' | 'en' } = {}): Promise<ReviewReport> {
  const { report } = await review({ paths, cwd: ROOT, lang: extra.lang ?? 'en', strategy: extra.strategy, policy: extra.policy, minScore: extra.minScore });
  return report;
}

const rev = (report: ReviewReport, i = 0) => report.files[i].review;
const found = (report: ReviewReport, i = 0) => report.files[i].diagnostics.map((d) => [d.code, d.line]);

interface Case {
  dir: string;
  verdict: 'pass' | 'revise';
  score: number;
  dimensions: Record<string, number>;
  /** [code, line] of every diagnostic, in output order. */
  codes: [string, number][];
}

const FULL = { completeness: 25, measurability: 25, relevance: 15, feasibility: 20, budget: 15 };

const CASES: Case[] = [
  { dir: 'good', verdict: 'pass', score: 100, dimensions: FULL, codes: [] },
  {
    dir: 'vague-goal',
    verdict: 'revise',
    // measurability 25 × (0.4 + 0 clarity + 0 deadline + 0.2) = 15; relevance 15 × (0.4 + 0.4 × 1/4 + 0.2) = 10.5
    score: 85.5,
    dimensions: { ...FULL, measurability: 15, relevance: 10.5 },
    codes: [
      ['review-goal-no-deadline', 16],
      ['review-goal-no-number', 16],
      ['review-vague-goal', 16],
      ['review-vague-goal', 16],
      ['review-indicator-unrelated', 19],
      ['review-indicator-unrelated', 20],
      ['review-indicator-unrelated', 21],
    ],
  },
  {
    dir: 'below-baseline',
    verdict: 'revise',
    // feasibility 20 × (0.7 × (0 + 0 + 0.5 + 1)/4 + 0.3) = 11.25
    score: 91.25,
    dimensions: { ...FULL, feasibility: 11.25 },
    codes: [
      ['review-target-below-baseline', 18],
      ['review-target-above-baseline', 19],
      ['review-target-unrealistic', 20],
    ],
  },
  {
    dir: 'missing-effect',
    verdict: 'revise',
    // completeness 25 × (0.8 × 2/3 + 0.2) = 18.33
    score: 93.33,
    dimensions: { ...FULL, completeness: 18.33 },
    codes: [
      ['review-missing-section', 18],
      ['weights-sum', 18],
    ],
  },
  {
    dir: 'unknown-objective',
    verdict: 'revise',
    // relevance 15 × (0.4 × 1/2 + 0.4 + 0.2) = 12
    score: 97,
    dimensions: { ...FULL, relevance: 12 },
    codes: [['review-unknown-objective', 8]],
  },
  {
    dir: 'budget',
    verdict: 'revise',
    // budget 15 × (0.2 schedule given + 0 + 0 + 0 + 0) = 3
    score: 88,
    dimensions: { ...FULL, budget: 3 },
    codes: [
      ['review-sources-sum', 14],
      ['review-schedule-sum', 15],
      ['review-schedule-back-loaded', 15],
      ['review-cost-budget-mismatch', 19],
    ],
  },
  {
    dir: 'unrelated',
    verdict: 'revise',
    // measurability 25 × (0.4 × 0.5/0.6 + 0.3 + 0.1 + 0.2 × 2/4) = 20.83
    // relevance 15 × (0.4 + 0.4 × 2/4 + 0.2 × 1/2) = 10.5 … plus commitments: 2 of 3 covered
    score: 91.83,
    dimensions: { ...FULL, measurability: 20.83, relevance: 11 },
    codes: [
      ['review-goal-clause-uncovered', 16],
      ['review-quantitative-share', 18],
      ['review-indicator-unrelated', 19],
      ['review-vague-target', 19],
      ['review-indicator-unrelated', 20],
      ['review-vague-target', 20],
    ],
  },
];

describe('bpm review: dimensions on fixtures', () => {
  for (const c of CASES) {
    it(`${c.dir}: ${c.verdict} with ${c.score}`, async () => {
      const report = await run([fixture('review', c.dir)], { strategy: STRATEGY });
      expect(report.command).to.equal('review');
      expect(report.files).to.have.length(1);
      const r = rev(report);
      expect(found(report)).to.deep.equal(c.codes);
      expect(r.verdict).to.equal(c.verdict);
      expect(r.score).to.equal(c.score);
      expect(Object.fromEntries(Object.entries(r.dimensions).map(([k, v]) => [k, v.score]))).to.deep.equal(c.dimensions);
      // The total is the sum of the rounded dimension scores.
      const sum = Object.values(r.dimensions).reduce((a, d) => a + d.score * 100, 0) / 100;
      expect(sum).to.equal(c.score);
      // Required changes are the errors, suggestions the rest.
      expect(r.required.every((x) => x.severity === 'error')).to.equal(true);
      expect(r.suggestions.every((x) => x.severity !== 'error')).to.equal(true);
      expect(r.required.length + r.suggestions.length).to.equal(c.codes.length);
      expect(reviewExitCode(report)).to.equal(c.verdict === 'pass' ? 0 : 1);
    });
  }

  it('replaces validate diagnostics that a review finding covers (no duplicates)', async () => {
    const vague = await run([fixture('review', 'vague-goal')]);
    const codes = vague.files[0].diagnostics.map((d) => d.code);
    expect(codes).to.not.include('vague-goal');
    expect(codes).to.not.include('goal-no-number');
    const missing = await run([fixture('review', 'missing-effect')]);
    expect(missing.files[0].diagnostics.map((d) => d.code)).to.not.include('required-levels');
    const objective = await run([fixture('review', 'unknown-objective')], { strategy: STRATEGY });
    expect(objective.files[0].diagnostics.map((d) => d.code)).to.deep.equal(['review-unknown-objective']);
  });

  it('quotes the vague phrase and gives a rewrite from the dossier\'s own targets', async () => {
    const report = await run([fixture('review', 'vague-goal')], { lang: 'zh' });
    const vague = rev(report).required.filter((x) => x.code === 'review-vague-goal');
    expect(vague.map((x) => x.dimension)).to.deep.equal(['measurability', 'measurability']);
    const d = report.files[0].diagnostics.find((x) => x.code === 'review-vague-goal' && x.args?.phrase === '进一步提高市民文化素养');
    expect(d?.args).to.include({ object: '市民文化素养', deadline: '2025-12-31', deadlineZh: '2025年12月31日' });
    expect(d?.args?.targets).to.equal('举办社区文化活动场次 ≥ 50 场、参与活动市民人次 ≥ 10000 人次、单场活动平均成本 ≤ 2 万元/场');
    expect(d?.message).to.contain('进一步提高市民文化素养').and.to.contain('2025年12月31日前，举办社区文化活动场次 ≥ 50 场');
  });

  it('without a strategy plan, objectives are not checked', async () => {
    const report = await run([fixture('review', 'unknown-objective')]);
    expect(rev(report).verdict).to.equal('pass');
    expect(rev(report).dimensions.relevance).to.include({ score: 15, strategyChecked: false });
  });

  it('a dossier that fails its schema cannot pass', async () => {
    const report = await run([fixture('review', 'malformed')]);
    const r = rev(report);
    expect(r).to.include({ verdict: 'revise', score: 0, project: null });
    expect(r.required.map((x) => [x.code, x.line])).to.deep.equal([['missing-field', 1]]);
    expect(reviewExitCode(report)).to.equal(1);
  });
});

describe('bpm review: unit cost against peers of the same category', () => {
  it('flags the one project whose budget per event is six times the median of its three peers', async () => {
    const report = await run([fixture('review', 'unit-cost')]);
    expect(report.files.map((f) => [f.file.split('/').slice(-2).join('/'), rev(report, report.files.indexOf(f)).verdict])).to.deep.equal([
      ['a/dossier.yaml', 'pass'],
      ['b/dossier.yaml', 'pass'],
      ['c/dossier.yaml', 'pass'],
      ['d/dossier.yaml', 'revise'],
    ]);
    const d = report.files[3];
    expect(d.diagnostics.map((x) => [x.code, x.line, x.column, x.path])).to.deep.equal([['review-unit-cost-outlier', 12, 10, '/budget/total']]);
    // 600 万元 / 50 场 = 120000 元 per 场; peers 20000, 22000, 20000 元 → median 20000.
    expect(d.diagnostics[0].args).to.include({ direction: 'high', unitCost: '120000', median: '20000', ratio: '6', peers: 3, base: '场' });
    expect(rev(report, 3).dimensions.feasibility).to.deep.include({ score: 14, unitCost: { value: 120000, per: '场', indicator: 'OUT-1', median: 20000, peers: 3, status: 'high' } });
    expect(report.review).to.deep.equal({ dossiers: 4, pass: 3, revise: 1, commonProblems: [{ code: 'review-unit-cost-outlier', count: 1, dossiers: 1 }] });
  });

  it('flags a unit cost far below its peers too (an under-funded or mis-stated output)', async () => {
    const report = await run([fixture('review', 'unit-cost-low')]);
    expect(report.files.map((_, i) => rev(report, i).verdict)).to.deep.equal(['pass', 'pass', 'pass', 'revise']);
    // 100 万元 / 500 场 = 2000 元 per 场 against a median of 20000.
    expect(report.files[3].diagnostics.map((x) => [x.code, x.line, x.args?.direction, x.args?.unitCost, x.args?.ratio])).to.deep.equal([
      ['review-unit-cost-outlier', 12, 'low', '2000', '0.1'],
    ]);
  });

  it('needs at least three peers', async () => {
    const dir = fixture('review', 'unit-cost');
    const report = await run([`${dir}/a`, `${dir}/b`, `${dir}/d`]);
    expect(report.files.map((_, i) => rev(report, i).verdict)).to.deep.equal(['pass', 'pass', 'pass']);
    expect((rev(report, 2).dimensions.feasibility.unitCost as { status: string }).status).to.equal('not-compared');
  });
});

describe('bpm review: thresholds', () => {
  it('--min-score sets the bar: a score below it is a required change', async () => {
    const report = await run([fixture('review', 'below-baseline'), fixture('review', 'good')], { minScore: 95 });
    const low = report.files.find((f) => f.file.includes('below-baseline'));
    const r = low!.review;
    expect(r.minScore).to.equal(95);
    const item = r.required.find((x) => x.code === 'review-score-low');
    expect(item).to.include({ dimension: 'overall', line: 1 });
    expect(report.files.find((f) => f.file.includes('good'))?.diagnostics).to.deep.equal([]);
  });

  it('reads the review section of a policy file (pass mark, required sections, dimension weights)', async () => {
    const report = await run([fixture('review', 'good'), fixture('review', 'missing-effect')], { policy: fixture('review', 'policy', 'policy.yaml') });
    const good = rev(report, 0);
    expect(good.minScore).to.equal(95);
    expect(good.dimensions.completeness).to.include({ score: 30, weight: 30 });
    expect(good.dimensions.measurability).to.include({ score: 20, weight: 20 });
    expect(good.verdict).to.equal('pass');
    const missing = rev(report, 1);
    // Effect missing of four required sections (cost is covered by an output/cost indicator):
    // completeness 30 × (0.8 × 3/4 + 0.2) = 24.
    expect(missing.dimensions.completeness.score).to.equal(24);
    expect(missing.required.map((x) => x.code)).to.include.members(['review-missing-section', 'review-score-low']);
  });

  it('reviews the bundled examples: all pass', async () => {
    const report = await run([`${ROOT}examples`], { strategy: `${ROOT}examples/strategy.yaml` });
    expect(report.files).to.have.length(6);
    for (const [i, f] of report.files.entries()) {
      expect(f.kind).to.equal('ProjectDossier');
      expect(rev(report, i).verdict, f.file).to.equal('pass');
      expect(rev(report, i).score, f.file).to.be.at.least(95);
    }
    expect(report.review).to.include({ dossiers: 6, pass: 6, revise: 0 });
    expect(reviewExitCode(report)).to.equal(0);
  });
});
