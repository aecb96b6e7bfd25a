// The small readers behind the review: units, goal clauses and their numbers, deadlines, tokens.
import { expect } from 'chai';
import { dec, text } from '../../../src/core/decimal.js';
import { dateZh, vagueObject } from '../../../src/core/review/measurability.js';
import { median, medianWithout } from '../../../src/core/review/feasibility.js';
import { clauses, commitments, hasTimePhrase, overlap, tokens } from '../../../src/core/text.js';
import { costUnit, moneyFactor, quantityUnit } from '../../../src/core/review/units.js';
import { commonProblems } from '../../../src/core/review/index.js';

const texts = (xs: { toFixed(): string }[]) => xs.map((x) => x.toFixed());

describe('review: units', () => {
  it('reduces money, quantity and cost units', () => {
    expect(text(moneyFactor('万元')!)).to.equal('10000');
    expect(text(moneyFactor(' 元 ')!)).to.equal('1');
    expect(moneyFactor('场')).to.equal(undefined);
    expect(quantityUnit('万平方米')).to.deep.include({ base: '平方米' });
    expect(text(quantityUnit('万平方米')!.factor)).to.equal('10000');
    expect(text(quantityUnit('场')!.factor)).to.equal('1');
    expect(quantityUnit('%')).to.equal(undefined);
    expect(quantityUnit('万元')).to.equal(undefined);
    const c = costUnit('元/平方米')!;
    expect([text(c.money), c.per.base, text(c.per.factor)]).to.deep.equal(['1', '平方米', '1']);
    expect(text(costUnit('万元／场')!.money)).to.equal('10000');
    expect(costUnit('课时/间·周')).to.equal(undefined);
  });
});

describe('review: goal text', () => {
  it('splits clauses and reads the numbers they commit to, not years or dates', () => {
    expect(clauses('2025年内举办不少于50场,参与市民5万人次以上;满意度90%。')).to.deep.equal(['2025年内举办不少于50场', '参与市民5万人次以上', '满意度90%']);
    expect(texts(commitments('2025年内举办不少于50场'))).to.deep.equal(['50']);
    expect(texts(commitments('参与市民5万人次以上'))).to.deep.equal(['5', '50000']);
    expect(texts(commitments('9月1日秋季开学前全部投入使用'))).to.deep.equal([]);
    expect(texts(commitments('改造建筑面积7.2万平方米,2000年底前建成'))).to.deep.equal(['7.2', '72000']);
    expect(texts(commitments('服务需求24小时内响应'))).to.deep.equal(['24']);
  });

  it('finds deadlines', () => {
    expect(hasTimePhrase('2025年内举办50场')).to.equal(true);
    expect(hasTimePhrase('11月15日前全部完工')).to.equal(true);
    expect(hasTimePhrase('by 2025, hold 50 events')).to.equal(true);
    expect(hasTimePhrase('举办社区文化活动不少于50场')).to.equal(false);
  });

  it('ties names to goals by content character pairs, ignoring generic words', () => {
    const goal = tokens('举办社区文化活动不少于50场');
    expect(overlap(tokens('举办社区文化活动场次'), goal)).to.be.at.least(2);
    expect(overlap(tokens('道路绿化养护质量'), goal)).to.equal(0);
    expect(tokens('完成数量')).to.deep.equal(new Set(['成数']));
  });

  it('names the object of a vague phrase and writes dates the Chinese way', () => {
    expect(vagueObject('进一步提高市民文化素养')).to.equal('市民文化素养');
    expect(vagueObject('提高')).to.equal('提高');
    expect(dateZh('2025-09-01')).to.equal('2025年9月1日');
  });
});

describe('review: batch helpers', () => {
  it('takes the median of an odd and an even number of values', () => {
    expect(text(median([dec(3), dec(1), dec(2)]))).to.equal('2');
    expect(text(median([dec(4), dec(1), dec(2), dec(3)]))).to.equal('2.5');
  });

  it('takes the median of the others without re-sorting', () => {
    const sorted = [dec(1), dec(2), dec(3), dec(10)];
    expect(text(medianWithout(sorted, 3))).to.equal('2');
    expect(text(medianWithout(sorted, 0))).to.equal('3');
    expect(text(medianWithout(sorted, 1))).to.equal('3');
    expect(text(medianWithout([dec(1), dec(2), dec(3)], 1))).to.equal('2');
    for (let skip = 0; skip < sorted.length; skip++) {
      expect(text(medianWithout(sorted, skip))).to.equal(text(median(sorted.filter((_, i) => i !== skip))));
    }
  });

  it('ranks common problems by dossiers, then findings, then code', () => {
    const out = commonProblems([
      [{ code: 'b' }, { code: 'b' }, { code: 'a' }],
      [{ code: 'a' }],
      [{ code: 'c' }, { code: 'c' }, { code: 'c' }],
    ]);
    expect(out).to.deep.equal([
      { code: 'a', count: 2, dossiers: 2 },
      { code: 'c', count: 3, dossiers: 1 },
      { code: 'b', count: 2, dossiers: 1 },
    ]);
  });
});

describe('review: messages', () => {
  it('every review code has a message and a title in both languages', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const { review: catalog } = await import('../../../src/i18n/catalog/review.js');
    const dir = new URL('../../../src/core/review/', import.meta.url);
    const codes = new Set<string>();
    for (const f of readdirSync(dir)) {
      for (const m of readFileSync(new URL(f, dir), 'utf8').matchAll(/'(review-[a-z-]+)'/g)) codes.add(m[1]);
    }
    expect(codes.size).to.be.at.least(20);
    for (const code of codes) {
      for (const lang of ['en', 'zh'] as const) {
        const messages: Record<string, string> = catalog[lang];
        expect(messages[code], `${lang} ${code}`).to.be.a('string');
        expect(messages[`title.${code}`], `${lang} title.${code}`).to.be.a('string');
      }
    }
    expect(Object.keys(catalog.en).sort()).to.deep.equal(Object.keys(catalog.zh).sort());
  });
});
