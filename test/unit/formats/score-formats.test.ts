// The score formats on hostile text: CSV quoting and formula guard, markdown escaping, colour.
import { expect } from 'chai';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { score } from '../../../src/commands/score/run.js';
import { scoreFormats } from '../../../src/formats/score/index.js';
import { t } from '../../../src/i18n/index.js';
import { ROOT } from '../../helpers/run.js';
import { tempDir } from '../../helpers/temp.js';

describe('score formats', () => {
  async function hostile() {
    const dir = tempDir('bpm-score-fmt-');
    for (const name of ['culture-community-events', 'health-elderly-care']) cpSync(join(ROOT, 'examples', name), join(dir, name), { recursive: true });
    const d = join(dir, 'culture-community-events/dossier.yaml');
    writeFileSync(d, readFileSync(d, 'utf8').replace('name: 社区文化惠民工程', `name: '=SUM(A1), "惠民" | *工程*'`));
    const { report } = await score({ paths: [dir], cwd: dir, lang: 'zh' });
    return report;
  }
  const opts = { lang: 'zh' as const, color: false, version: 'test' };

  it('csv quotes commas and quotes (RFC 4180) and defuses formulas', async () => {
    const text = scoreFormats.csv(await hostile(), opts);
    expect(text.startsWith('\uFEFF')).to.equal(true);
    expect(text).to.include(`,"'=SUM(A1), ""惠民"" | *工程*",`);
    const lines = text.split('\r\n');
    // header, two projects; an empty row, the result application's title and header, two departments, the total; final empty
    expect(lines.length).to.equal(10);
    // Rectangular: every row has the ranking's 14 columns (the formula guard and quoting aside).
    expect(lines.slice(3, -1).map((l) => l.split(',').length)).to.deep.equal([14, 14, 14, 14, 14, 14]);
    expect(lines[8]).to.equal('全部部门,2,0,1122.60,1122.60,0.00,,,,,,,,');
  });

  it('markdown escapes table-breaking characters and draws a mermaid pie', async () => {
    const text = scoreFormats.markdown(await hostile(), opts);
    expect(text).to.include('=SUM(A1), "惠民" \\| \\*工程\\*');
    expect(text).to.match(/```mermaid\npie showData title 等级分布\n {4}"优" : 2\n/);
  });

  it('markdown leaves the pie out when no project was graded (all incomplete)', async () => {
    const dir = tempDir('bpm-score-pie-');
    for (const name of ['culture-community-events', 'health-elderly-care']) {
      mkdirSync(join(dir, name));
      cpSync(join(ROOT, 'examples', name, 'dossier.yaml'), join(dir, name, 'dossier.yaml'));
    }
    const { report } = await score({ paths: [dir], cwd: dir, lang: 'zh' });
    expect(report.summary.incomplete).to.equal(2);
    for (const lang of ['zh', 'en'] as const) {
      const text = scoreFormats.markdown(report, { ...opts, lang });
      expect(text).to.not.include('```mermaid');
      expect(text).to.include(t(lang, 'score.md.noGrades'));
    }
  });

  it('table and markdown show the result application per department and overall', async () => {
    const report = await hostile();
    const md = scoreFormats.markdown(report, opts);
    expect(md).to.include('## 结果应用（万元）\n\n| 主管部门 | 项目数 | 未应用 | 全年预算数 | 下年度预算 | 增减 |\n| --- | ---: | ---: | ---: | ---: | ---: |\n| 大连市文化和旅游局 | 1 | 0 | 386.40 | 386.40 | 0.00 |\n| 大连市民政局 | 1 | 0 | 736.20 | 736.20 | 0.00 |\n');
    expect(md).to.include('| **全部部门** | **2** | **0** | **1122.60** | **1122.60** | **0.00** |');
    const table = scoreFormats.table(report, opts);
    expect(table).to.match(/结果应用（万元）\n {2}主管部门 +项目数 +未应用 +全年预算数 +下年度预算 +增减\n/);
    expect(table).to.match(/\n {2}全部部门 +2 +0 +1122\.60 +1122\.60 +0\.00\n/);
  });

  it('findings print a percentage as the tables do (94%, not 94 %), another unit after a space; the method note names no internal word', async () => {
    const { report } = await score({ paths: [join(ROOT, 'examples', 'culture-community-events')], cwd: ROOT, lang: 'en' });
    const table = scoreFormats.table(report, { ...opts, lang: 'en' });
    expect(table).to.include('✔ SAT-1 参与市民满意度: 94% against target ≥ 90%: met (10 of 10 points)');
    expect(table).to.include('✔ OUT-1 举办社区文化活动场次: 53 场 against target ≥ 50 场: met (15 of 15 points)');
    expect(table).to.include('│ SAT-1  │ Satisfaction │ Satisfaction   │ 参与市民满意度              │ ≥90%');
    expect(table).to.include('  SAT-1: 1128 of 1200 surveyed satisfied, ±1.34 points (95%)\n');
    expect(table).to.not.match(/ \d+(\.\d+)? %/);
    const zh = scoreFormats.table(report, opts);
    expect(zh).to.include('SAT-1 参与市民满意度：实际 94%，目标 ≥90%，已完成');
    expect(zh).to.include('  SAT-1: 满意 1128/1200');
  });

  it('table lists the input problems one a line under their heading, with no blank line between them', async () => {
    const dir = tempDir('bpm-score-problems-');
    cpSync(join(ROOT, 'examples', 'culture-community-events'), dir, { recursive: true });
    const file = join(dir, 'dossier.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^goal: .*$/m, 'goal: 提高群众满意度'));
    const { report } = await score({ paths: [dir], cwd: dir, lang: 'en' });
    const text = scoreFormats.table(report, { ...opts, lang: 'en' });
    const block = text.slice(text.indexOf('Input problems'));
    expect(block.split('\n')).to.deep.equal([
      'Input problems  0 errors, 2 warnings in the input files',
      '  ⚠ dossier.yaml:23:7 the goal contains no number at all; a measurable goal names a quantity, a unit and a deadline goal-no-number',
      '  ⚠ dossier.yaml:23:7 the goal is vague: "提高群众满意度" has no number; say how much, of what, by when (e.g. 一年内举办至少50场社区文化活动) vague-goal',
      '',
    ]);
  });

  it('table has colour only when asked', async () => {
    const report = await hostile();
    expect(scoreFormats.table(report, opts)).to.not.match(/\x1b\[/);
    expect(scoreFormats.table(report, { ...opts, color: true })).to.match(/\x1b\[/);
  });
});
