// Every score message exists in both languages, and every finding the fixtures produce has one.
import { expect } from 'chai';
import { score } from '../../../../src/commands/score/run.js';
import { catalogKeys, hasMessage } from '../../../../src/i18n/index.js';
import { fixture, ROOT } from '../../../helpers/run.js';

describe('score: messages', () => {
  it('has the same score keys in Chinese and English', () => {
    const en = catalogKeys('en').filter((k) => k.startsWith('score.'));
    const zh = catalogKeys('zh').filter((k) => k.startsWith('score.'));
    expect(zh).to.deep.equal(en);
    expect(en.length).to.be.greaterThan(100);
  });

  it('has a message for every finding produced by the examples and fixtures', async () => {
    const codes = new Set<string>();
    for (const allowMissing of [false, true]) {
      for (const paths of [['examples'], [fixture('score')]]) {
        const { report } = await score({ paths, cwd: ROOT, lang: 'zh', allowMissing });
        for (const p of report.projects) for (const f of p.findings) codes.add(f.code);
      }
    }
    expect(codes.size).to.be.greaterThan(15);
    for (const c of codes) expect(hasMessage(c), c).to.equal(true);
  });
});
