// The top of a form: title, fiscal year, the project's fields (项目名称, 项目编码, 主管部门, 实施
//单位, 项目类别, 起止日期) and the 年度总体目标 block (预期目标 and, on a 自评表, 实际完成情况).
// Each is found by its label; its value is the first filled cell to the right of the label.
import type { At, FormContext } from './context.js';
import type { Found } from './grid.js';

export interface Located<T> {
  value: T;
  at: At;
}

export interface Header {
  /** The title cell (项目支出绩效自评表 …), when there is one. */
  title?: Found;
  year?: Located<number>;
  code?: Located<string>;
  name?: Located<string>;
  department?: Located<string>;
  unit?: Located<string>;
  category?: Located<string>;
  start?: Located<string>;
  end?: Located<string>;
  goal?: Located<string>;
  outcome?: Located<string>;
  /** Strategic objectives, when the form has a row for them (战略目标: S3.2, S6.1). */
  objectives?: Located<string[]>;
}

const LABELS = {
  name: /^项目名称:?$/,
  code: /^项目(编码|代码|编号):?$/,
  department: /^(主管部门|主管单位|主管部门及代码|主管部门名称):?$/,
  unit: /^(实施单位|项目实施单位|执行单位|实施单位名称):?$/,
  category: /^项目类别:?$/,
  start: /^(计划开始日期|项目开始日期|开始日期|计划开始时间):?$/,
  end: /^(计划完成日期|计划结束日期|项目完成日期|完成日期|结束日期|计划完成时间):?$/,
  span: /^(项目起止时间|起止时间|项目实施期|实施期限|项目期限|项目周期):?$/,
  objectives: /^(战略目标|规划目标|对应战略目标|对应规划目标|战略规划目标|与战略规划衔接|战略规划衔接):?$/,
};

/** Any label of the header block: a value never extends over one. */
const ANY_LABEL =
  /^(项目名称|项目(编码|代码|编号)|主管部门|主管单位|实施单位|项目实施单位|执行单位|项目类别|项目性质|项目属性|项目负责人|联系电话|计划(开始|完成|结束)(日期|时间)|项目起止时间|项目实施期|实施期限|项目资金|预算执行情况|年度总体目标|总体目标|绩效指标|一级指标|战略目标|规划目标|对应战略目标|对应规划目标|战略规划目标|与战略规划衔接|战略规划衔接)/;

const GOAL = /^(年度总体目标|总体目标|年度绩效目标|年度目标|绩效目标)(\(\d+(\.\d+)?分\))?:?$/;
const EXPECTED = /^(预期目标|年初目标|年度目标)$/;
const ACHIEVED = /^(实际完成情况|实际完成|完成情况|目标完成情况)$/;
const YEAR = /((?:19|20)\d{2})年/;
const TITLE = /(绩效|申报表|自评表|评价表|监控表)/;

/** Reads the header above `limitRow` (the indicator grid's header row). */
export function readHeader(ctx: FormContext, limitRow: number): Header {
  const g = ctx.grid;
  const area = { bottom: limitRow - 1 };
  const h: Header = {};
  const first = g.find(ANY_LABEL, area);
  const titleRows = { bottom: (first?.row ?? limitRow) - 1 };
  h.title = g.find(TITLE, titleRows);
  const yearCell = g.find(YEAR, titleRows);
  if (yearCell) h.year = { value: Number(YEAR.exec(yearCell.text)![1]), at: yearCell };

  const text = (re: RegExp): Located<string> | undefined => {
    const label = g.find(re, area);
    if (!label) return undefined;
    for (const c of g.rowCells(label.row, label.range.right + 1)) {
      if (ANY_LABEL.test(c.text)) return undefined;
      const value = ctx.str(c);
      if (value !== '') return { value, at: c };
    }
    return undefined;
  };
  for (const key of ['name', 'code', 'department', 'unit', 'category'] as const) {
    const v = text(LABELS[key]);
    if (v) h[key] = v;
  }
  const objectives = text(LABELS.objectives);
  if (objectives) {
    // Ids as written: "S3.2、S6.1" or "S3.2, S6.1"; a title after an id (S3.2 完善…) is not one.
    const ids = objectives.value.normalize('NFKC').split(/[,;、\s]+/).filter((x) => /^[A-Za-z0-9][\w.-]*$/.test(x));
    if (ids.length) h.objectives = { value: ids, at: objectives.at };
  }
  readPeriod(ctx, h, text);
  readGoal(ctx, h, limitRow);
  return h;
}

function readPeriod(ctx: FormContext, h: Header, text: (re: RegExp) => Located<string> | undefined): void {
  const dateAt = (re: RegExp, end: boolean): Located<string> | undefined => {
    const v = text(re);
    if (!v) return undefined;
    const iso = ctx.grid.cell(v.at.row, v.at.col)?.date ?? isoDate(v.value, end);
    return iso ? { value: iso, at: v.at } : undefined;
  };
  const start = dateAt(LABELS.start, false);
  const end = dateAt(LABELS.end, true);
  if (start && end) {
    h.start = start;
    h.end = end;
    return;
  }
  const span = text(LABELS.span);
  const parts = span?.value.normalize('NFKC').split(/\s*(?:-|—|–|~|至|到)\s*(?=\d{4})/);
  if (span && parts?.length === 2) {
    const s = isoDate(parts[0], false);
    const e = isoDate(parts[1], true);
    if (s && e) {
      h.start = { value: s, at: span.at };
      h.end = { value: e, at: span.at };
    }
  }
}

/**
 * A date written as 2025-01-01, 2025.1.1, 2025/1/1, 2025年1月1日, or a month alone (2025年3月,
 * 2025-03: its first day, or its last when it ends a period).
 */
export function isoDate(raw: string, end: boolean): string | undefined {
  const m = /^(\d{4})[-./年](\d{1,2})(?:[-./月](\d{1,2})日?|月)?$/.exec(raw.normalize('NFKC').replace(/\s+/g, ''));
  if (!m) return undefined;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  if (mo < 1 || mo > 12) return undefined;
  const last = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  const d = m[3] === undefined ? (end ? last : 1) : Number(m[3]);
  if (d < 1 || d > last) return undefined;
  return `${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * 年度总体目标: with 预期目标 / 实际完成情况 headers (a 自评表), each text is under its header;
 * otherwise the goal is the text to the right of the label.
 */
function readGoal(ctx: FormContext, h: Header, limitRow: number): void {
  const g = ctx.grid;
  const label = g.find(GOAL, { bottom: limitRow - 1 });
  if (!label) return;
  const rows = { top: label.row, bottom: Math.min(Math.max(label.range.bottom, label.row + 1), limitRow - 1), left: label.range.right + 1 };
  const expected = g.find(EXPECTED, rows);
  const achieved = g.find(ACHIEVED, rows);
  const under = (head: Found | undefined): Located<string> | undefined => {
    if (!head) return undefined;
    for (let r = head.range.bottom + 1; r <= rows.bottom + 1 && r < limitRow; r++) {
      const value = ctx.str({ row: r, col: head.col });
      if (value !== '') return { value, at: { row: r, col: head.col } };
    }
    return undefined;
  };
  if (expected) {
    h.goal = under(expected);
    h.outcome = under(achieved);
    if (!h.goal) delete h.goal;
    if (!h.outcome) delete h.outcome;
    return;
  }
  for (const c of g.rowCells(label.row, label.range.right + 1)) {
    const value = ctx.str(c);
    if (value !== '') {
      h.goal = { value, at: c };
      return;
    }
  }
}
