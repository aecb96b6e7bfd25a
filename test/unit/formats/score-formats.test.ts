// The score formats on hostile text: CSV quoting and formula guard, markdown escaping, colour.
import { expect } from 'chai';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { score } from '../../../src/commands/score/run.js';
import { scoreFormats } from '../../../src/formats/score/index.js';
import { t } from '../../../src/i18n/index.js';
import { ROOT } from '../../helpers/run.js';

describe('score formats', () => {
  async function hostile() {
    const dir = mkdtempSync(join(tmpdir(), 'bpm-score-fmt-'));
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
    expect(text.split('\r\n').length).to.equal(4); // header, two projects, final empty
  });

  it('markdown escapes table-breaking characters and draws a mermaid pie', async () => {
    const text = scoreFormats.markdown(await hostile(), opts);
    expect(text).to.include('=SUM(A1), "惠民" \\| \\*工程\\*');
    expect(text).to.match(/```mermaid\npie showData title 等级分布\n {4}"优" : 2\n/);
  });

  it('markdown leaves the pie out when no project was graded (all incomplete)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bpm-score-pie-'));
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

  it('table has colour only when asked', async () => {
    const report = await hostile();
    expect(scoreFormats.table(report, opts)).to.not.match(/\x1b\[/);
    expect(scoreFormats.table(report, { ...opts, color: true })).to.match(/\x1b\[/);
  });
});
