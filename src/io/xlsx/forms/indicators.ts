// The indicator grid of a form: the header row (一级指标 | 二级指标 | 三级指标 | 指标值 | …, in any
// order and with regional names), then one row per indicator until the 总分 row or the end of
// the grid. 一级 and 二级指标 are filled down (merged cells, or blank cells under a value);
// section points printed in a 一级指标 cell (产出指标(50分)) are kept; 其中 rows are marked.
import { LEVEL1_ALIASES, LEVEL1_ZH, canonicalLevel2 } from '../../../core/model/aliases.js';
import type { Level1 } from '../../../core/model/model.js';
import type { At, FormContext, FormNumber } from './context.js';
import type { Located } from './header.js';

export type Role = 'level1' | 'level2' | 'name' | 'operator' | 'target' | 'unit' | 'baseline' | 'actual' | 'weight' | 'score' | 'note' | 'basis';

/** Header texts by column role, tried in this order on each header cell. */
const COLUMNS: [Role, RegExp][] = [
  ['level1', /^一级指标/],
  ['level2', /^二级指标/],
  ['name', /^(三级指标|指标名称|指标内容|绩效指标名称)/],
  ['operator', /^指标性质/],
  ['actual', /^(实际完成值|全年实际完成值|实际完成指标值|完成值|实际值|实际完成情况)/],
  ['target', /^(年度指标值|指标值|年度目标值|目标值|本年度计划水平|本年度指标值|预期指标值|预期值|计划值|指标目标值)/],
  ['unit', /^(度量单位|计量单位|单位)$/],
  ['baseline', /^(上年度?实际(水平|值|完成值)|上年度?完成值|基期值)/],
  ['weight', /^(分值|权重)/],
  ['score', /^得分/],
  ['note', /^(偏差原因|未完成原因|原因分析|偏差分析)/],
  ['basis', /^(取值依据|指标值设定依据|设定依据)/],
];

/** Rows searched for the indicator table's header. */
const HEADER_SEARCH_ROWS = 100;

const SECTION_POINTS = /\((\d+(?:\.\d+)?)分\)/;
const TOTAL_ROW = /^(总分|合计|总计)/;
/** Rows after the grid: the grade, signatures, notes. */
const AFTER_GRID = /^(自评等级|评价等级|自评结论|评价结论|填表人|填报人|联系人|联系电话|审核人|单位负责人|财务负责人|说明|备注:|注:|注\d)/;

export interface IndicatorHeader {
  row: number;
  /** First row of data (after the header's merged cells). */
  dataRow: number;
  columns: Partial<Record<Role, number>>;
}

export interface IndicatorRow {
  row: number;
  /** Canonical level1 (output …) or the text as printed when it is not one. */
  level1: Located<string>;
  level2: Located<string>;
  name: Located<string>;
  informational: boolean;
  /** Cells of this row by role. */
  at: Partial<Record<Role, At>>;
}

export interface IndicatorGrid {
  header: IndicatorHeader;
  rows: IndicatorRow[];
  /** Section points printed in 一级指标 cells, by canonical level1. */
  sections: { level1: string; points: FormNumber; at: At }[];
  /** The 总分 row, when there is one. */
  total?: { row: number; score?: At; weight?: At };
  /** The first row after the grid. */
  end: number;
}

/** The header row: one with 一级指标 and a name (三级指标) or 二级指标 column. */
export function findIndicatorHeader(ctx: FormContext): IndicatorHeader | undefined {
  const g = ctx.grid;
  // A form's indicator table starts within its first rows; a long data sheet is not searched through.
  const first = g.find(/^一级指标/, { bottom: HEADER_SEARCH_ROWS });
  if (!first) return undefined;
  for (let r = first.row; r <= Math.min(first.row + 2, g.maxRow); r++) {
    const columns: IndicatorHeader['columns'] = {};
    let bottom = r;
    for (const c of g.rowCells(r)) {
      const role = COLUMNS.find(([k, re]) => columns[k] === undefined && re.test(c.text))?.[0];
      if (!role) continue;
      columns[role] = c.col;
      bottom = Math.max(bottom, c.range.bottom);
    }
    if (columns.level1 !== undefined && (columns.name !== undefined || columns.level2 !== undefined)) return { row: r, dataRow: bottom + 1, columns };
  }
  return undefined;
}

export function readIndicatorGrid(ctx: FormContext, header: IndicatorHeader): IndicatorGrid {
  const g = ctx.grid;
  const cols = header.columns;
  const l1 = cols.level1!;
  const nameCol = cols.name ?? cols.level2 ?? l1;
  const grid: IndicatorGrid = { header, rows: [], sections: [], end: g.maxRow + 1 };
  const sectionSeen = new Set<string>();
  let level1: Located<string> | undefined;
  let level1Origin = '';
  let level2: Located<string> | undefined;
  for (let r = header.dataRow; r <= g.maxRow; r++) {
    const lead = g.rowCells(r, 1, Math.max(nameCol, l1));
    if (lead.some((c) => TOTAL_ROW.test(c.text))) {
      grid.total = { row: r };
      if (cols.score !== undefined) grid.total.score = { row: r, col: cols.score };
      if (cols.weight !== undefined) grid.total.weight = { row: r, col: cols.weight };
      grid.end = r + 1;
      break;
    }
    // A cell spanning from the 一级指标 column over the name column is a footer, not an indicator.
    if (lead.some((c) => AFTER_GRID.test(c.text) || (c.range.left <= l1 && c.range.right >= nameCol && nameCol > l1))) {
      grid.end = r;
      break;
    }
    // 一级指标: the cell's (merged) value, else filled down from above.
    const o1 = g.origin(r, l1);
    const t1 = g.text(r, l1);
    if (t1 !== '') {
      const m = SECTION_POINTS.exec(t1);
      const label = t1.replace(SECTION_POINTS, '').replace(/:$/, '');
      const canonical = LEVEL1_ALIASES[label] ?? label;
      if (`${o1.row},${o1.col}` !== level1Origin) level2 = undefined;
      level1 = { value: canonical, at: o1 };
      level1Origin = `${o1.row},${o1.col}`;
      if (m && !sectionSeen.has(canonical)) {
        sectionSeen.add(canonical);
        grid.sections.push({ level1: canonical, points: { value: m[1], percent: false }, at: o1 });
      }
    }
    if (cols.level2 !== undefined) {
      const t2 = ctx.str({ row: r, col: cols.level2 });
      if (t2 !== '') {
        const written = t2.normalize('NFKC').replace(/\s+/g, '');
        const l1v = level1?.value ?? '';
        const canonical = Object.hasOwn(LEVEL1_ZH, l1v) ? (canonicalLevel2(l1v as Level1, written) ?? written) : written;
        level2 = { value: canonical, at: g.origin(r, cols.level2) };
      }
    }
    const at: Partial<Record<Role, At>> = {};
    for (const [role, col] of Object.entries(cols) as [Role, number][]) at[role] = { row: r, col };
    const name = cols.name !== undefined ? ctx.str({ row: r, col: cols.name }) : '';
    const filled = (role: Role) => cols[role] !== undefined && g.text(r, cols[role]!) !== '';
    if (name === '' && !filled('target') && !filled('actual')) continue;
    if (cols.name !== undefined && g.origin(r, cols.name).row !== r) continue; // a name merged down over two rows is one indicator
    grid.rows.push({
      row: r,
      level1: level1 ?? { value: '', at: { row: r, col: l1 } },
      level2: level2 ?? { value: '', at: { row: r, col: cols.level2 ?? l1 } },
      name: { value: name, at: { row: r, col: nameCol } },
      informational: /^其中/.test(name.normalize('NFKC')),
      at,
    });
  }
  return grid;
}
