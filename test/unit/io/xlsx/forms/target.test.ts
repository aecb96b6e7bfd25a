import { expect } from 'chai';
import { parseActual, parseOperatorCell, parseTarget, qualitativeLevel } from '../../../../../src/io/xlsx/forms/target.js';

const num = (operator: string, value: string, unit: string, inferred = false) => ({ kind: 'number', operator, value, unit, inferred });

describe('io/xlsx/forms/target: 指标值 texts', () => {
  it('reads operator, number and unit after NFKC (full-width forms, spaces)', () => {
    expect(parseTarget('≥50场')).to.deep.equal(num('>=', '50', '场'));
    expect(parseTarget(' ≥ 50 场 ')).to.deep.equal(num('>=', '50', '场'));
    expect(parseTarget('＞＝９５％')).to.deep.equal(num('>=', '95', '%'));
    expect(parseTarget('≤350元/平方米')).to.deep.equal(num('<=', '350', '元/平方米'));
    expect(parseTarget('＝100%')).to.deep.equal(num('=', '100', '%'));
    expect(parseTarget('≧1,380户')).to.deep.equal(num('>=', '1380', '户'));
    expect(parseTarget('>30支')).to.deep.equal(num('>=', '30', '支'));
    expect(parseTarget('<5%')).to.deep.equal(num('<=', '5', '%'));
    expect(parseTarget('≥120台（套）')).to.deep.equal(num('>=', '120', '台(套)'));
    expect(parseTarget('≤5/10万')).to.deep.equal(num('<=', '5', '/10万'));
    expect(parseTarget('≥100百分比')).to.deep.equal(num('>=', '100', '%'));
  });

  it('reads operator words in front and behind', () => {
    expect(parseTarget('不低于90%')).to.deep.equal(num('>=', '90', '%'));
    expect(parseTarget('不少于50场')).to.deep.equal(num('>=', '50', '场'));
    expect(parseTarget('至少3个')).to.deep.equal(num('>=', '3', '个'));
    expect(parseTarget('不高于6.5万元')).to.deep.equal(num('<=', '6.5', '万元'));
    expect(parseTarget('不超过350元/平方米')).to.deep.equal(num('<=', '350', '元/平方米'));
    expect(parseTarget('5万人次以上')).to.deep.equal(num('>=', '5', '万人次'));
    expect(parseTarget('6.5万元/场以内')).to.deep.equal(num('<=', '6.5', '万元/场'));
    expect(parseTarget('控制在6.5万元以内')).to.deep.equal(num('<=', '6.5', '万元'));
  });

  it('reads a number without an operator as "=", inferred', () => {
    expect(parseTarget('100%')).to.deep.equal(num('=', '100', '%', true));
    expect(parseTarget('12')).to.deep.equal(num('=', '12', '', true));
  });

  it('knows a placeholder and a qualitative text', () => {
    expect(parseTarget('≥**人次')).to.deep.equal({ kind: 'placeholder' });
    expect(parseTarget('＊＊元/人·月')).to.deep.equal({ kind: 'placeholder' });
    expect(parseTarget('按月足额发放')).to.deep.equal({ kind: 'text', text: '按月足额发放' });
    expect(parseTarget('2025年12月底前完成')).to.deep.equal({ kind: 'text', text: '2025年12月底前完成' });
    expect(parseTarget('≥95%，且无安全事故')).to.deep.equal({ kind: 'text', text: '≥95%，且无安全事故' });
    expect(parseTarget('100%成立业主委员会或物业管理委员会')).to.deep.equal({ kind: 'text', text: '100%成立业主委员会或物业管理委员会' });
  });

  it('reads actuals and the Sichuan 指标性质 column', () => {
    expect(parseActual('53个')).to.deep.equal({ value: '53', unit: '个' });
    expect(parseActual('≥100%')).to.deep.equal({ value: '100', unit: '%' });
    expect(parseActual('达成预期')).to.equal(null);
    expect(['≥', '≤', '=', '＝', '定性', '正向指标', '反向', '', '定量'].map(parseOperatorCell)).to.deep.equal(['>=', '<=', '=', '=', 'qualitative', '>=', '<=', undefined, undefined]);
  });

  it('maps qualitative actual words to levels (FORMATS.md §6)', () => {
    const words = ['达成', '完成', '已完成', '按期完成', '达成预期', '达成预期指标', '是', '基本达成', '基本完成', '部分达成', '部分完成', '未达成', '未完成', '否', '达成。', '良好', '100%'];
    expect(words.map(qualitativeLevel)).to.deep.equal([
      'achieved', 'achieved', 'achieved', 'achieved', 'achieved', 'achieved', 'achieved',
      'partial', 'partial', 'partial', 'partial',
      'failed', 'failed', 'failed',
      'achieved', undefined, undefined,
    ]);
  });
});
