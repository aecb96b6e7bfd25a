// An Evaluation from a 自评表 (docs/formats.md#evaluation, #excel-workbooks): actuals from 实际完成值 (notes from 偏差原因
// …, the printed text kept), outcome from 实际完成情况, the budget executed, and what the table
// claims — 得分 per indicator, the budget row's 得分 and figures, 总分 and the grade — as printed.
import { GRADE_ALIASES, QUAL_ZH } from '../../../core/model/aliases.js';
import { dec } from '../../../core/decimal.js';
import type { Grade } from '../../../core/model/model.js';
import { builtinPolicy } from '../../../core/model/policy.js';
import { printed, seg, type At, type FormContext, type FormNumber, type Positions } from './context.js';
import type { Budget } from './budget.js';
import type { BuiltIndicator } from './dossier.js';
import type { Header, Located } from './header.js';
import type { IndicatorGrid } from './indicators.js';
import { qualitativeLevel } from './target.js';
import { readFigure } from './values.js';

const GRADE_LABEL = /^(自评等级|评价等级|自评结论|评价结论|绩效等级|等级)(\(.*\))?:?$/;
const GRADE_WORDS: Record<string, Grade> = { 优秀: 'excellent', 良好: 'good', 中等: 'fair', 合格: 'fair', 及格: 'fair', 较差: 'poor', 不合格: 'poor' };

export interface BuiltEvaluation {
  data: Record<string, unknown>;
  positions: Positions;
}

export function buildEvaluation(
  ctx: FormContext,
  code: string,
  h: Header,
  budget: Budget | undefined,
  grid: IndicatorGrid,
  indicators: BuiltIndicator[],
  root: At,
): BuiltEvaluation {
  const positions: Positions = { '': ctx.pos(root) };
  const put = (pointer: string, at: At) => (positions[pointer] = ctx.pos(at));
  const data: Record<string, unknown> = { apiVersion: 'bpm/v1', kind: 'Evaluation', project: code };
  put('/project', root);
  const main = budget?.main;
  if (main?.executed || main?.reason) {
    const b: Record<string, unknown> = {};
    if (main.executed) {
      b.executed = Number(main.executed.value.value);
      put('/budget/executed', main.executed.at);
    }
    if (main.reason) {
      b.note = main.reason.value;
      put('/budget/note', main.reason.at);
    }
    data.budget = b;
    put('/budget', (main.executed ?? main.reason)!.at);
  }
  if (h.outcome) {
    data.outcome = h.outcome.value;
    put('/outcome', h.outcome.at);
  }
  const actuals: Record<string, unknown> = {};
  for (const ind of indicators) {
    const a = actual(ctx, ind, `/actuals/${seg(ind.code)}`, put);
    if (a !== undefined) actuals[ind.code] = a;
  }
  if (Object.keys(actuals).length) {
    data.actuals = actuals;
    put('/actuals', { row: grid.header.row, col: grid.header.columns.actual ?? grid.header.columns.level1! });
  }
  const claimed = claims(ctx, budget, grid, indicators, put);
  if (Object.keys(claimed).length) data.claimed = claimed;
  return { data, positions };
}

/** An indicator's actual, as the Evaluation writes it; undefined when the table gives none. */
function actual(ctx: FormContext, ind: BuiltIndicator, p: string, put: (p: string, at: At) => void): unknown {
  const at = ind.row.at.actual;
  if (!at) return undefined;
  const note = ind.row.at.note ? ctx.str(ind.row.at.note) : '';
  const withNote = (o: Record<string, unknown>) => {
    if (note !== '') {
      o.note = note;
      put(`${p}/note`, ind.row.at.note!);
    }
    return o;
  };
  if (ind.target?.operator === 'qualitative') {
    const text = ctx.str(at);
    if (text === '') return undefined;
    const level = qualitativeLevel(text);
    if (!level) {
      ctx.diag('qualitative-actual-unread', 'warning', at, { indicator: ind.code, value: text }, p);
      return undefined;
    }
    const o: Record<string, unknown> = { level };
    put(p, at);
    put(`${p}/level`, at);
    const score = bandScore(ctx, ind, level, p);
    if (score !== undefined) {
      o.score = score;
      put(`${p}/score`, ind.row.at.score!);
    }
    if (text !== QUAL_ZH[level]) o.text = text;
    return withNote(o);
  }
  const f = readFigure(ctx, at);
  if (f === undefined) return undefined;
  if (f === null) {
    ctx.diag('actual-not-number', 'warning', at, { indicator: ind.code, value: ctx.str(at) }, p);
    return undefined;
  }
  put(p, at);
  const value = Number(f.value);
  if (f.text === undefined && note === '') return value;
  put(`${p}/value`, at);
  const o: Record<string, unknown> = { value };
  if (f.text !== undefined) o.text = f.text;
  return withNote(o);
}

/**
 * The printed 得分 of a qualitative indicator is its score when it lies in the level's band of
 * the default policy; otherwise the level's default applies, with a warning.
 */
function bandScore(ctx: FormContext, ind: BuiltIndicator, level: keyof typeof QUAL_ZH, p: string): number | undefined {
  const at = ind.row.at.score;
  const n = at ? ctx.num(at) : undefined;
  if (!n || ind.weight === undefined) return undefined;
  const score = dec(printed(n));
  const weight = dec(ind.weight);
  const [lo, hi] = builtinPolicy('self')!.qualitative[level].band;
  const low = lo.times(weight);
  const high = hi.times(weight);
  if (score.greaterThanOrEqualTo(low) && (hi.equals(1) ? score.lessThanOrEqualTo(high) : score.lessThan(high))) return score.toNumber();
  ctx.diag('form-score-out-of-band', 'warning', at!, { indicator: ind.code, score: score.toString(), level, levelZh: QUAL_ZH[level], low: low.toString(), high: high.toString() }, `${p}/score`);
  return undefined;
}

function claims(
  ctx: FormContext,
  budget: Budget | undefined,
  grid: IndicatorGrid,
  indicators: BuiltIndicator[],
  put: (p: string, at: At) => void,
): Record<string, unknown> {
  const claimed: Record<string, unknown> = {};
  const main = budget?.main;
  if (main?.score) {
    claimed.execution = printed(main.score.value);
    put('/claimed/execution', main.score.at);
  }
  const scores: Record<string, number> = {};
  for (const ind of indicators) {
    if (ind.row.informational || !ind.row.at.score) continue;
    const n = ctx.num(ind.row.at.score, `/claimed/indicators/${seg(ind.code)}`);
    if (!n) continue;
    scores[ind.code] = printed(n);
    put(`/claimed/indicators/${seg(ind.code)}`, ind.row.at.score);
  }
  if (Object.keys(scores).length) claimed.indicators = scores;
  if (main) {
    const b: Record<string, number> = {};
    for (const key of ['initial', 'total', 'executed'] as const) {
      const v = main[key];
      if (!v) continue;
      b[key] = Number(v.value.value);
      put(`/claimed/budget/${key}`, v.at);
    }
    if (main.rate) {
      b.rate = rateFigure(main.rate, main);
      put('/claimed/budget/rate', main.rate.at);
    }
    if (Object.keys(b).length) claimed.budget = b;
  }
  if (grid.total?.score) {
    const n = ctx.num(grid.total.score, '/claimed/total');
    if (n) {
      claimed.total = printed(n);
      put('/claimed/total', grid.total.score);
    }
  }
  const grade = readGrade(ctx, grid.end);
  if (grade) {
    claimed.grade = grade.value;
    put('/claimed/grade', grade.at);
  }
  return claimed;
}

/**
 * 执行率 as a percent figure. A rate typed as a plain fraction (0.85 without a percent format)
 * is read as 85 when it is the executed amount over the total.
 */
function rateFigure(rate: Located<FormNumber>, main: NonNullable<Budget['main']>): number {
  const r = printed(rate.value);
  if (rate.value.percent || r > 1 || !main.executed || !main.total || Number(main.total.value.value) === 0) return r;
  const fraction = Number(main.executed.value.value) / Number(main.total.value.value);
  return Math.abs(fraction - r) < 0.01 ? Number(dec(r).times(100).toString()) : r;
}

/** 自评等级 below the grid: 优 良 中 差 (or 优秀, 良好 …). */
function readGrade(ctx: FormContext, from: number): Located<Grade> | undefined {
  const label = ctx.grid.find(GRADE_LABEL, { top: Math.max(1, from - 1) });
  if (!label) return undefined;
  for (const c of ctx.grid.rowCells(label.row, label.range.right + 1)) {
    const grade = GRADE_ALIASES[c.text] ?? GRADE_WORDS[c.text];
    if (grade) return { value: grade, at: c };
  }
  return undefined;
}
