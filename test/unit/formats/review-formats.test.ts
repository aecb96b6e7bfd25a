// The validate formatters on real `bpm review` reports: what review adds and what it leaves alone.
import { expect } from 'chai';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { review } from '../../../src/commands/review/run.js';
import { validate } from '../../../src/commands/validate/run.js';
import type { FormatOptions } from '../../../src/core/report.js';
import { validateFormats } from '../../../src/formats/validate/index.js';
import { fixture, ROOT } from '../../helpers/run.js';
import { tempDir } from '../../helpers/temp.js';

const en: FormatOptions = { lang: 'en', color: false, version: '1.2.3' };

async function reportOf(...dirs: string[]) {
  return (await review({ paths: dirs.map((d) => fixture('review', d)), cwd: ROOT, lang: 'en' })).report;
}

describe('validate formats on review reports', () => {
  it('markdown --quiet keeps the required changes and drops the suggestions', async () => {
    const report = await reportOf('vague-goal');
    const full = validateFormats.markdown(report, en);
    const quiet = validateFormats.markdown(report, { ...en, quiet: true });
    expect(full).to.contain('### Suggestions');
    expect(quiet).to.not.contain('### Suggestions');
    expect(quiet).to.contain('### Required changes');
    // The letter replaces the plain per-file table.
    expect(full).to.not.contain('| Line:Col | Severity | Code | Message |');
  });

  it('stylish shows a passing dossier with its score even without problems, and no batch table for one dossier', async () => {
    const report = await reportOf('good');
    const out = validateFormats.stylish(report, en);
    expect(out).to.contain('test/fixtures/review/good/dossier.yaml\n  pass (score 100/100, pass mark 80)\n');
    expect(out).to.not.contain('Review results');
  });

  it('stylish reads as a verdict with its reasons: findings counted, "below the pass mark" only when it is', async () => {
    const example = (await review({ paths: [join(ROOT, 'examples', 'culture-community-events')], cwd: ROOT, lang: 'en' })).report;
    expect(validateFormats.stylish(example, en)).to.contain('\n  pass (score 100/100, pass mark 80; 1 suggestion)\n');
    expect(validateFormats.stylish(example, { ...en, lang: 'zh' })).to.contain('\n  通过（得分 100/100，通过分数线 80；1 条建议）\n');
    const above = await reportOf('budget');
    expect(validateFormats.stylish(above, en)).to.contain('\n  revise (score 88/100, pass mark 80; 3 required changes, 1 suggestion)\n');
    const below = (await review({ paths: [fixture('review', 'budget')], cwd: ROOT, lang: 'en', minScore: 95 })).report;
    expect(validateFormats.stylish(below, en)).to.contain('\n  revise (score 88/100, below the pass mark 95; 4 required changes, 1 suggestion)\n');
    expect(validateFormats.stylish(below, { ...en, lang: 'zh' })).to.contain('\n  需修改（得分 88/100，低于通过分数线 95；4 项必须修改、1 条建议）\n');
    // The markdown letter's opening sentence agrees with the verdict and what follows it.
    expect(validateFormats.markdown(await reportOf('good'), en)).to.match(/They are approved\.\n/);
    expect(validateFormats.markdown(example, en)).to.contain('They are approved; the suggestions below would make them better.');
    expect(validateFormats.markdown(example, { ...en, quiet: true })).to.match(/They are approved\.\n/);
    expect(validateFormats.markdown(above, en)).to.contain('(pass mark 80), but some changes are required before they can be approved.');
    expect(validateFormats.markdown(below, en)).to.contain('score 88 of 100, below the pass mark 95.');
    expect(validateFormats.markdown(below, { ...en, lang: 'zh' })).to.contain('得分 88 分，低于通过分数线 95 分');
    const one = await reportOf('unrelated');
    expect(validateFormats.stylish(one, en)).to.contain('; 1 required change, 5 suggestions)\n');
  });

  it('json carries the per-file review and the batch summary, with every number a plain JSON number', async () => {
    const report = await reportOf('good', 'budget');
    const json = JSON.parse(validateFormats.json(report, en));
    expect(Object.keys(json)).to.deep.equal(['tool', 'version', 'command', 'files', 'diagnostics', 'summary', 'review']);
    expect(json.review).to.deep.include({ dossiers: 2, pass: 1, revise: 1 });
    const budget = json.files.find((f: { file: string }) => f.file.includes('budget')).review;
    expect(budget.dimensions.budget).to.deep.include({ score: 3, weight: 15, schedule: { Q1: 9.1, Q2: 9.1, Q3: 18.2, Q4: 63.6 } });
    expect(budget.dimensions.budget.costChecks).to.deep.equal([{ indicator: 'OUT-2', output: 'OUT-1', implied: 50, ratio: 0.5, consistent: false }]);
    expect(budget.required.map((x: { code: string; dimension: string }) => [x.code, x.dimension])).to.deep.equal([
      ['review-sources-sum', 'budget'],
      ['review-schedule-sum', 'budget'],
      ['review-cost-budget-mismatch', 'budget'],
    ]);
  });

  it('validate output is unchanged: no review objects, no batch summary', async () => {
    const { report } = await validate({ paths: [fixture('review', 'good')], cwd: ROOT, lang: 'en' });
    const json = JSON.parse(validateFormats.json(report, en));
    expect(json).to.not.have.property('review');
    expect(json.files[0]).to.not.have.property('review');
  });

  it('the policy schema rejects unknown keys in the review section', async () => {
    const dir = tempDir('bpm-review-policy-');
    writeFileSync(join(dir, 'p.yaml'), 'apiVersion: bpm/v1\nkind: ScoringPolicy\nname: x\nreview:\n  minScor: 90\n  weights: {clarity: 3}\n');
    const { report } = await validate({ paths: [join(dir, 'p.yaml')], cwd: dir, lang: 'en' });
    expect(report.files[0].diagnostics.map((d) => [d.code, d.line])).to.deep.equal([
      ['unknown-key', 5],
      ['unknown-key', 6],
    ]);
  });
});
