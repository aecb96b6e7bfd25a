// Chinese text uses full-width punctuation (，；：（）“”？) inside its sentences. What stays
// half-width is what the user types or reads as code: a span in backticks, `kind: ProjectDossier`,
// `apiVersion: bpm/v1`, a file:line place, `[a, b]`, the thousands comma of 1,234.5.
import { expect } from 'chai';
import { common } from '../../../src/i18n/catalog/common.js';
import { formats } from '../../../src/i18n/catalog/formats.js';
import { io } from '../../../src/i18n/catalog/io.js';
import { review } from '../../../src/i18n/catalog/review.js';
import { score } from '../../../src/i18n/catalog/score.js';
import { validate } from '../../../src/i18n/catalog/validate.js';
import { variance } from '../../../src/i18n/catalog/variance.js';
import { workbook } from '../../../src/i18n/catalog/workbook.js';
import { catalogKeys } from '../../../src/i18n/index.js';

const CJK = '\\u3000-\\u303f\\u4e00-\\u9fff\\uff00-\\uffef“”';
/** Half-width punctuation touching a Chinese character, or any ASCII bracket or double quote. */
const HALF_WIDTH = new RegExp(`[${CJK}][,;:?!]|[,;:?!][${CJK}]|[()"]`);
/** What code looks like inside a Chinese sentence and keeps its ASCII punctuation. */
const CODE = /`[^`]*`|\b(?:kind|apiVersion): [\w/…]+|\[a, b\]|\{firstFile\}:\{firstLine\}/g;

export function halfWidthIn(text: string): string | null {
  if (!/[\u4e00-\u9fff]/.test(text)) return null;
  return HALF_WIDTH.exec(text.replace(CODE, ''))?.[0] ?? null;
}

describe('i18n: full-width punctuation in Chinese', () => {
  const catalogs = { common, formats, io, review, score, validate, variance, workbook };

  it('recognises half-width punctuation in a Chinese sentence and leaves code alone', () => {
    expect(halfWidthIn('内部错误:{message}')).to.equal('误:');
    expect(halfWidthIn('已跳过(引号未闭合?)')).to.equal('(');
    expect(halfWidthIn('键"{key}"出现了两次')).to.equal('"');
    expect(halfWidthIn('请写 `target: {percent}`')).to.equal(null);
    expect(halfWidthIn('如 1234.5、1,234.5 或 85%')).to.equal(null);
    expect(halfWidthIn('申报表（kind: ProjectDossier）')).to.equal(null);
    expect(halfWidthIn('the file (UTF-8): "x"')).to.equal(null);
  });

  it('every Chinese message of every catalog', () => {
    const keys = Object.values(catalogs).flatMap((c) => Object.keys(c.zh));
    expect(keys.length).to.equal(catalogKeys('zh').length);
    const offending = Object.values(catalogs)
      .flatMap((c) => Object.entries(c.zh as Record<string, string>))
      .filter(([, text]) => halfWidthIn(text) !== null)
      .map(([key, text]) => `${key}: ${text}`);
    expect(offending).to.deep.equal([]);
  });
});

describe('i18n: lists in Chinese messages', () => {
  it('a list argument is written with 、 and its notes in full-width brackets; English keeps ", "', async () => {
    const { message } = await import('../../../src/i18n/index.js');
    const args = { indicator: 'OUT-1', level1: 'output', level1Zh: '产出指标', level2: 'quantty', allowed: 'quantity (数量指标), quality (质量指标)', suggestion: null };
    expect(message('zh', 'level2-unknown', args)).to.equal('指标 OUT-1 的二级指标“quantty”不属于产出指标；可选：quantity（数量指标）、quality（质量指标）');
    expect(message('en', 'level2-unknown', args)).to.equal('level2 "quantty" is not valid under output (OUT-1); allowed: quantity (数量指标), quality (质量指标)');
    // Other arguments are left as written (a goal's text, a value with a comma).
    expect(message('zh', 'invalid-option', { option: '--period', value: 'Q1, Q2' })).to.equal('--period 的取值无效：“Q1, Q2”');
  });
});
