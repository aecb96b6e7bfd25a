// English singular forms: a message that counts something reads "1 dossier", not "1 dossiers";
// Chinese has no plural and prints the same sentence for every count.
import { expect } from 'chai';
import { catalogKeys, message, t } from '../../../src/i18n/index.js';
import { COUNTED } from '../../../src/i18n/plural.js';

describe('i18n: singular and plural', () => {
  it('"1 dossier reviewed", "2 dossiers reviewed"; the same Chinese sentence for both', () => {
    expect(t('en', 'review.batch.summary', { dossiers: 1, pass: 1, revise: 0 })).to.match(/^1 dossier reviewed:/);
    expect(t('en', 'review.batch.summary', { dossiers: 2, pass: 1, revise: 1 })).to.match(/^2 dossiers reviewed:/);
    expect(t('zh', 'review.batch.summary', { dossiers: 1, pass: 1, revise: 0 })).to.equal('共审核 1 个项目：1 个通过，0 个需修改');
  });

  it('score and review sentences that count: singular for 1, plural otherwise', () => {
    expect(t('en', 'score.title.batch', { count: 1 })).to.match(/: 1 project$/);
    expect(t('en', 'score.title.batch', { count: 3 })).to.match(/: 3 projects$/);
    expect(t('en', 'score.line.summary', { projects: 1, scored: 1, incomplete: 0, invalid: 0, mean: '90.00' })).to.match(/^1 project: /);
    expect(t('en', 'project-incomplete', { count: 1, missing: 'output', partial: '10' })).to.match(/1 part without/);
    expect(t('en', 'project-incomplete', { count: 2, missing: 'output, effect', partial: '10' })).to.match(/2 parts without/);
    expect(t('en', 'recommend-correct-table', { count: 1 })).to.match(/1 printed number does not/);
    expect(t('en', 'survey-small-sample', { indicator: 'E1', name: 'x', respondents: 1, margin: '98', required: 385 })).to.match(/: 1 respondent gives/);
    expect(t('en', 'review-quantitative-share', { quantitative: 1, indicators: 4, share: 25, minimum: 60 })).to.match(/only 1 of 4 indicators is quantitative/);
    expect(t('en', 'fmt.count.warning', { n: 1 })).to.equal('1 warning');
    expect(t('en', 'fmt.count.warning', { n: 0 })).to.equal('0 warnings');
  });

  it('every counted key has a .one form in both languages; English differs, Chinese does not', () => {
    const en = new Set(catalogKeys('en'));
    const zh = new Set(catalogKeys('zh'));
    for (const [key, arg] of COUNTED) {
      for (const keys of [en, zh]) expect(keys.has(key) && keys.has(`${key}.one`), key).to.equal(true);
      const args = { [arg]: 1 };
      expect(message('en', key, args), key).to.not.equal(message('en', key, { [arg]: 2 }).replace('2', '1'));
      expect(message('zh', key, args), key).to.equal(message('zh', key, { [arg]: 2 }).replace('2', '1'));
    }
  });

  it('no English sentence that counts writes a plural as "(s)"', () => {
    // score.line.adjusted lists dates ("adjustment(s) of 2025-06-30, 2025-09-15"), it counts nothing.
    const en = catalogKeys('en').filter((k) => k !== 'score.line.adjusted' && /\w\(s\)/.test(message('en', k)));
    expect(en).to.deep.equal([]);
  });
});
