// End-to-end: `bpm review` through the real binary — exit codes, the review letter a
// department receives, the batch summary, and every output format on a review report.
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnBpm } from '../helpers/run.js';
import { tempDir } from '../helpers/temp.js';

const WEAK = 'test/fixtures/review/vague-goal';

describe('e2e: bpm review', () => {
  it('passes the bundled examples with exit code 0', () => {
    const r = spawnBpm(['review', 'examples', '--strategy', 'examples/strategy.yaml']);
    expect(r.stderr).to.equal('');
    expect(r.code).to.equal(0);
    expect(r.stdout).to.contain('6 dossiers reviewed: 6 pass, 0 to revise');
    expect(r.stdout.match(/^  pass \(score [\d.]+\/100, pass mark 80[;)]/gm)).to.have.length(6);
  });

  it('exits 1 when a dossier must be revised, and writes a review letter in Chinese', () => {
    const r = spawnBpm(['review', WEAK, '--format', 'markdown', '--lang', 'zh']);
    expect(r.code).to.equal(1);
    const md = r.stdout;
    expect(md).to.contain('## 审核意见 — 社区文化活动项目 (RV-VAGUE)');
    expect(md).to.contain('请按以下意见修改完善后重新报送');
    expect(md).to.contain('### 必须修改');
    expect(md).to.contain('### 建议');
    // Required changes come before suggestions, each with its line.
    expect(md.indexOf('### 必须修改')).to.be.lessThan(md.indexOf('### 建议'));
    expect(md).to.match(/1\. \*\*第 16 行 \(\/goal\)\*\*: 总体目标中没有任何数值/);
    // The vague phrase is quoted, with a concrete rewrite.
    expect(md).to.contain('“进一步提高市民文化素养”没有数值');
    expect(md).to.contain('改写为“2025年12月31日前，举办社区文化活动场次 ≥ 50 场');
    expect(md).to.contain('| 可衡量性 | 15 | 25 |');
    expect(md).to.contain('| **合计** | **85.5** | 100 |');
  });

  it('writes the review letter in English', () => {
    const r = spawnBpm(['review', WEAK, '--format', 'markdown', '--lang', 'en']);
    expect(r.code).to.equal(1);
    expect(r.stdout).to.contain('## Review opinion — 社区文化活动项目 (RV-VAGUE)');
    expect(r.stdout).to.contain('### Required changes');
    expect(r.stdout).to.contain('### Suggestions');
    expect(r.stdout).to.contain('**line 16 (/goal)**');
  });

  it('summarises a folder: scores, verdicts and the most common problems, in json and markdown', () => {
    const j = spawnBpm(['review', 'test/fixtures/review', '--format', 'json']);
    expect(j.code).to.equal(1);
    const json = JSON.parse(j.stdout);
    expect(json).to.include({ tool: 'bpm', command: 'review' });
    // Only dossiers: the strategy plan and the policy are context, not reviewed.
    expect(json.files.map((f: { kind: string }) => f.kind)).to.satisfy((ks: string[]) => ks.every((k) => k === 'ProjectDossier'));
    expect(json.review.dossiers).to.equal(json.files.length);
    expect(json.review.pass + json.review.revise).to.equal(json.review.dossiers);
    const verdicts = Object.fromEntries(json.files.map((f: { file: string; review: { verdict: string } }) => [f.file, f.review.verdict]));
    expect(verdicts['test/fixtures/review/good/dossier.yaml']).to.equal('pass');
    expect(verdicts['test/fixtures/review/unit-cost/d/dossier.yaml']).to.equal('revise');
    const top = json.review.commonProblems[0];
    expect(top).to.have.keys(['code', 'count', 'dossiers']);
    expect(json.review.commonProblems.find((p: { code: string }) => p.code === 'review-indicator-unrelated')).to.deep.equal({ code: 'review-indicator-unrelated', count: 5, dossiers: 2 });
    const m = spawnBpm(['review', 'test/fixtures/review', '--format', 'markdown']);
    expect(m.stdout).to.contain('## Review results');
    expect(m.stdout).to.contain('## Most common problems (training topics)');
    expect(m.stdout).to.contain('| review-indicator-unrelated | Indicator unrelated to the goal | 2 | 5 |');
  });

  it('stylish shows a score line per dossier and a batch table', () => {
    const r = spawnBpm(['review', 'test/fixtures/review/unit-cost', '--lang', 'zh']);
    expect(r.code).to.equal(1);
    expect(r.stdout).to.contain('需修改（得分 94/100，通过分数线 80；');
    expect(r.stdout).to.match(/12:10 +错误 +按预算测算/);
    expect(r.stdout).to.contain('审核结果一览');
    expect(r.stdout).to.contain('共审核 4 个项目：3 个通过，1 个需修改');
  });

  it('renders junit, sarif and github for a review report', () => {
    const junit = spawnBpm(['review', WEAK, '--format', 'junit']);
    expect(junit.code).to.equal(1);
    expect(junit.stdout).to.contain('<testsuites name="bpm review"');
    expect(junit.stdout).to.contain('type="review-vague-goal"');
    const sarif = JSON.parse(spawnBpm(['review', WEAK, '--format', 'sarif']).stdout);
    const rules = sarif.runs[0].tool.driver.rules.map((x: { id: string; shortDescription: { text: string } }) => [x.id, x.shortDescription.text]);
    expect(rules).to.deep.include(['review-vague-goal', 'Vague goal']);
    const gh = spawnBpm(['review', WEAK, '--format', 'github']);
    expect(gh.stdout).to.match(/^::error file=test\/fixtures\/review\/vague-goal\/dossier\.yaml,line=16,col=7,title=bpm review-vague-goal::/m);
  });

  it('--min-score sets the bar; a bad value is a usage error (exit 2)', () => {
    expect(spawnBpm(['review', 'examples', '--min-score', '99']).code).to.equal(1);
    expect(spawnBpm(['review', 'examples', '--min-score', '90']).code).to.equal(0);
    const bad = spawnBpm(['review', 'examples', '--min-score', '101']);
    expect(bad.code).to.equal(2);
    expect(bad.stderr).to.contain('--min-score');
    expect(spawnBpm(['review', 'examples', '--min-score', 'abc']).code).to.equal(2);
    expect(spawnBpm(['review', 'no-such-dir']).code).to.equal(2);
  });

  it('writes the report to a file with -o', () => {
    const dir = tempDir('bpm-review-');
    const out = join(dir, 'review.md');
    const r = spawnBpm(['review', WEAK, '--format', 'markdown', '-o', out]);
    expect(r.code).to.equal(1);
    expect(r.stdout).to.equal('');
    expect(readFileSync(out, 'utf8')).to.contain('## Review opinion');
  });
});
