// The funding block of a form. A 自评表 has a table: a header row (年初预算数 | 全年预算数 |
// 全年执行数 | 分值 | 执行率 | 得分; Sichuan: 年初预算 | 调整后预算数 | 预算执行数 | 预算执行率 | 权重 |
// 得分 | 原因) and rows 年度资金总额 / 其中：… sources. A 申报表 has labelled amounts
// (年度资金总额, 其中：财政拨款, 其他资金) with the figure beside or below each label. The amount
// unit is read from the block's label: 项目资金（万元）, 项目资金（元）.
import type { At, FormContext, FormNumber } from './context.js';
import type { Found } from './grid.js';
import type { Located } from './header.js';

export interface BudgetRow {
  initial?: Located<FormNumber>;
  total?: Located<FormNumber>;
  executed?: Located<FormNumber>;
  rate?: Located<FormNumber>;
  weight?: Located<FormNumber>;
  score?: Located<FormNumber>;
  reason?: Located<string>;
}

export interface Budget {
  label: Found;
  unit?: '元' | '万元';
  /** The total row of a 自评表's table, or the 年度资金总额 of a 申报表 (in `total`). */
  main: BudgetRow;
  sources: { name: string; amount: Located<FormNumber>; at: At }[];
}

const LABEL = /^(项目资金|预算执行情况|资金情况|项目预算|年度资金|资金来源|预算资金)/;
const TOTAL = /^(年度资金总额|资金总额|总额|合计|总计|年度资金合计|项目资金总额)/;
const SUBROW = /^其中[:,]?/;
/** Rows of the form after the funding block. */
const NEXT_BLOCK = /^(年度总体目标|总体目标|年度目标|年度绩效目标|绩效目标|绩效指标|一级指标)/;

/** Table columns, tried in this order (执行率 before 执行数: 预算执行率 contains both). */
const COLUMNS: [keyof BudgetRow, RegExp][] = [
  ['initial', /^年初预算/],
  ['rate', /执行率/],
  ['executed', /^(全年|预算|实际)?执行数|^预算执行$|^实际支出/],
  ['total', /^(全年预算|调整后预算|预算数|全年预算数)/],
  ['weight', /^(分值|权重)/],
  ['score', /^得分/],
  ['reason', /原因/],
];

export function readBudget(ctx: FormContext, limitRow: number): Budget | undefined {
  const g = ctx.grid;
  const label = g.find(LABEL, { bottom: limitRow - 1 });
  if (!label) return undefined;
  const unit = /\(万元\)|万元/.test(label.text) ? '万元' : /\(元\)/.test(label.text) ? '元' : undefined;
  const budget: Budget = { label, main: {}, sources: [] };
  if (unit) budget.unit = unit;
  // The block spans the label's rows; a one-row label may have its figures in the row below.
  const bottom = Math.min(Math.max(label.range.bottom, label.row + 1), limitRow - 1);
  const header = findHeader(ctx, label, bottom);
  if (header) readTable(ctx, budget, header, limitRow);
  else readLabelled(ctx, budget, bottom);
  return budget;
}

interface TableHeader {
  row: number;
  columns: Partial<Record<keyof BudgetRow, number>>;
  firstCol: number;
}

function findHeader(ctx: FormContext, label: Found, bottom: number): TableHeader | undefined {
  for (let r = label.row; r <= bottom; r++) {
    const cells = ctx.grid.rowCells(r, label.range.right + 1);
    const columns: TableHeader['columns'] = {};
    for (const c of cells) {
      const key = COLUMNS.find(([k, re]) => columns[k] === undefined && re.test(c.text))?.[0];
      if (key) columns[key] = c.col;
    }
    if (columns.total !== undefined && (columns.initial !== undefined || columns.executed !== undefined)) {
      return { row: r, columns, firstCol: Math.min(...Object.values(columns)) };
    }
  }
  return undefined;
}

function readTable(ctx: FormContext, budget: Budget, h: TableHeader, limitRow: number): void {
  const g = ctx.grid;
  const labelCols = { from: budget.label.range.right + 1, to: h.firstCol - 1 };
  // Rows below the header: to the end of the label's range, or up to the next block.
  const last = budget.label.range.bottom > h.row ? budget.label.range.bottom : limitRow - 1;
  let mainSeen = false;
  for (let r = g.range(h.row, h.firstCol).bottom + 1; r <= last; r++) {
    const names = g.rowCells(r, labelCols.from, labelCols.to);
    const name = names.map((c) => c.text).join('');
    if (NEXT_BLOCK.test(g.text(r, 1)) || NEXT_BLOCK.test(name)) break;
    const row = readRow(ctx, r, h.columns);
    if (Object.keys(row).length === 0) continue;
    // The total row is named so, or is the first row when it is not a 其中 row.
    if (TOTAL.test(name) || (!mainSeen && !SUBROW.test(name) && budget.sources.length === 0)) {
      if (!mainSeen) budget.main = row;
      mainSeen = true;
      continue;
    }
    const amount = row.total ?? row.initial;
    if (amount && Number(amount.value.value) !== 0) budget.sources.push({ name: sourceName(ctx, names[0] ?? { row: r, col: labelCols.from }), amount, at: amount.at });
  }
}

function readRow(ctx: FormContext, r: number, columns: TableHeader['columns']): BudgetRow {
  const row: BudgetRow = {};
  for (const [key, col] of Object.entries(columns) as [keyof BudgetRow, number][]) {
    const at = { row: r, col };
    if (key === 'reason') {
      const value = ctx.str(at);
      if (value !== '') row.reason = { value, at };
      continue;
    }
    const n = ctx.num(at);
    if (n) row[key] = { value: n, at };
  }
  return row;
}

/** The source's name as printed, without 其中： in front. */
function sourceName(ctx: FormContext, at: At): string {
  return ctx.str(at).normalize('NFKC').replace(/\s+/g, '').replace(SUBROW, '');
}

/**
 * A 申报表's labelled amounts: each label in the block with the figure to its right, else in
 * the cell below it.
 */
function readLabelled(ctx: FormContext, budget: Budget, bottom: number): void {
  const g = ctx.grid;
  // A block without a label of its own starts at its first amount (年度资金总额 | 500).
  const from = TOTAL.test(budget.label.text) ? budget.label.col : budget.label.range.right + 1;
  for (let r = budget.label.row; r <= bottom; r++) {
    for (const c of g.rowCells(r, from)) {
      if (c.range.top !== r || isFigure(ctx, c)) continue;
      const beside = { row: r, col: c.range.right + 1 };
      const below = { row: c.range.bottom + 1, col: c.col };
      const at = isFigure(ctx, beside) ? beside : isFigure(ctx, below) ? below : undefined;
      if (!at) continue;
      const n = ctx.num(at);
      if (!n) continue;
      if (TOTAL.test(c.text) && !budget.main.total) budget.main.total = { value: n, at };
      else if (Number(n.value) !== 0) budget.sources.push({ name: sourceName(ctx, c), amount: { value: n, at }, at });
    }
  }
}

function isFigure(ctx: FormContext, at: At): boolean {
  const c = ctx.grid.cell(at.row, at.col);
  return c !== undefined && (c.type === 'number' || (c.type === 'string' && /^[\d,.\s%()（）¥￥-]+$/.test(c.value.normalize('NFKC'))));
}
