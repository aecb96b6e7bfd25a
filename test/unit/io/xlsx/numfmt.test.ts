import { expect } from 'chai';
import { analyse, numberFormat, roundShown, serialToIsoDate, shownDecimal, timesHundred } from '../../../../src/io/xlsx/numfmt.js';

describe('io/xlsx/numfmt', () => {
  it('shows a stored double as the decimal Excel shows: 15 significant digits, no binary noise', () => {
    expect(shownDecimal('0.87270000000000003')).to.equal('0.8727');
    expect(shownDecimal('0.1')).to.equal('0.1');
    expect(shownDecimal('0.30000000000000004')).to.equal('0.3');
    expect(shownDecimal('2253.1399999999999')).to.equal('2253.14');
    expect(shownDecimal('0.849985853060456')).to.equal('0.849985853060456');
    expect(shownDecimal('1E+21')).to.equal('1000000000000000000000');
    expect(shownDecimal('-1.5E-7')).to.equal('-0.00000015');
    expect(shownDecimal('0')).to.equal('0');
    expect(shownDecimal('-0')).to.equal('0');
    expect(shownDecimal('')).to.equal(null);
    expect(shownDecimal('abc')).to.equal(null);
    expect(shownDecimal('1e400')).to.equal(null);
  });

  it('turns a percentage into its percent figure exactly and rounds as printed', () => {
    expect(timesHundred('0.95')).to.equal('95');
    expect(timesHundred('0.0123')).to.equal('1.23');
    expect(roundShown('8.49985853060456', 2)).to.equal('8.5');
    expect(roundShown('84.9985853060456', 2)).to.equal('85');
    expect(roundShown('0.125', 2)).to.equal('0.13');
  });

  it('reads percent, date and decimals from format codes', () => {
    expect(analyse('0.00%')).to.deep.equal({ percent: true, date: false, decimals: 2 });
    expect(analyse('#,##0.00;[Red]-#,##0.00')).to.deep.equal({ percent: false, date: false, decimals: 2 });
    expect(analyse('yyyy"年"m"月"d"日"')).to.deep.equal({ percent: false, date: true, decimals: undefined });
    expect(analyse('[$-804]yyyy-mm')).to.deep.equal({ percent: false, date: true, decimals: undefined });
    expect(analyse('0"%"')).to.deep.equal({ percent: false, date: false, decimals: 0 });
    expect(analyse('"得分："0.0')).to.deep.equal({ percent: false, date: false, decimals: 1 });
    expect(analyse('General')).to.deep.equal({ percent: false, date: false });
    expect(analyse('@')).to.deep.equal({ percent: false, date: false });
    expect(analyse('0.00E+00')).to.deep.equal({ percent: false, date: false, decimals: 2 });
    expect(numberFormat(10, new Map())).to.deep.equal({ percent: true, date: false, decimals: 2 });
    expect(numberFormat(14, new Map()).date).to.equal(true);
    expect(numberFormat(31, new Map()).date).to.equal(true); // zh-CN built-in 年月日
    expect(numberFormat(0, new Map())).to.deep.equal({ percent: false, date: false });
    expect(numberFormat(164, new Map([[164, '0.0%']]))).to.deep.equal({ percent: true, date: false, decimals: 1 });
  });

  it('converts serial day numbers in both date systems', () => {
    expect(serialToIsoDate(45717, false)).to.equal('2025-03-01');
    expect(serialToIsoDate(1, false)).to.equal('1900-01-01');
    expect(serialToIsoDate(61, false)).to.equal('1900-03-01');
    expect(serialToIsoDate(45717 - 1462, true)).to.equal('2025-03-01');
    expect(serialToIsoDate(-1, false)).to.equal(null);
  });
});
