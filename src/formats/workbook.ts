// The parts every workbook report shares (score and variance --format xlsx, docs/formats.md#excel-workbooks): a
// sheet laid out like the official forms — a merged bold title, bordered cells in 宋体, column
// widths that fit the Chinese text they hold, row heights for wrapped text, two-decimal and
// percentage formats, A4 landscape fitted to the page width (io/xlsx/write.ts) — and the names
// of sheets, which Excel limits to 31 characters without []:*?/\ and unique in a workbook.
import type { Dec } from '../core/decimal.js';
import { cellRef } from '../io/xlsx/cells.js';
import type { CellStyle, CellValue, WriteCell, WriteSheet } from '../io/xlsx/write.js';
import { stringWidth } from './validate/width.js';

/** Styles of the forms. */
export const STYLE = {
  title: { bold: true, size: 16, align: 'center' },
  subtitle: { align: 'center' },
  label: { border: true, wrap: true, align: 'center' },
  head: { border: true, wrap: true, align: 'center', bold: true },
  text: { border: true, wrap: true, align: 'left' },
  center: { border: true, wrap: true, align: 'center' },
  score: { border: true, align: 'right', numFmt: '0.00' },
  amount: { border: true, align: 'right', numFmt: '#,##0.00' },
  count: { border: true, align: 'right', numFmt: '0' },
  number: { border: true, align: 'right', numFmt: 'General' },
  percent: { border: true, align: 'right', numFmt: '0.00%' },
  note: { wrap: true, align: 'left', valign: 'top' },
} as const satisfies Record<string, CellStyle>;

/** Default row height (points) of one line of 11-point 宋体, and the extra of each wrapped line. */
const LINE = 14.25;
/** Width (in characters of the default font) a column gets at most from its content. */
const MAX_WIDTH = 48;
const MIN_WIDTH = 6;

interface Merge {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** A sheet being filled cell by cell; build() measures it. */
export class SheetBuilder {
  private cells: WriteCell[] = [];
  private merges: Merge[] = [];
  private widths: Record<number, number> = {};
  private heights: Record<number, number> = {};
  /** The last row written (the next block starts below it). */
  row = 0;

  constructor(
    readonly name: string,
    /** Number of columns the form spans (titles and full-width blocks are merged over them). */
    readonly columns: number,
  ) {}

  put(row: number, col: number, value: CellValue, style: CellStyle = STYLE.center): void {
    this.cells.push({ row, col, value, style });
    if (row > this.row) this.row = row;
  }

  /** A value over a merged range (a one-cell range is a plain cell). */
  /**
   * Rows 3 and 4 of the official forms (ten columns): 项目名称 | name | 项目编码 | code, then
   * 主管部门 | department | 实施单位 | unit; `label` gives the labels in the report's language.
   */
  projectRows(label: (key: 'name' | 'code' | 'department' | 'unit') => string, p: { name: string; code: string; department: string; unit?: string }): void {
    this.merge(3, 1, 3, 2, label('name'), STYLE.label);
    this.merge(3, 3, 3, 6, p.name, STYLE.text);
    this.put(3, 7, label('code'), STYLE.label);
    this.merge(3, 8, 3, 10, p.code, STYLE.text);
    this.merge(4, 1, 4, 2, label('department'), STYLE.label);
    this.merge(4, 3, 4, 6, p.department, STYLE.text);
    this.put(4, 7, label('unit'), STYLE.label);
    this.merge(4, 8, 4, 10, p.unit ?? '', STYLE.text);
  }

  merge(top: number, left: number, bottom: number, right: number, value: CellValue, style: CellStyle = STYLE.center): void {
    this.put(top, left, value, style);
    if (bottom > top || right > left) this.merges.push({ top, left, bottom, right });
    if (bottom > this.row) this.row = bottom;
  }

  /** A title row merged over the form's width. */
  title(row: number, text: string, style: CellStyle = STYLE.title, height = 30): void {
    this.merge(row, 1, row, this.columns, text, style);
    this.heights[row] = height;
  }

  /**
   * Consecutive rows of one column that show the same text become one merged cell (一级指标 and
   * 二级指标, as on the forms): the first cell keeps the value, the others are dropped.
   */
  mergeRuns(from: number, to: number, col: number): void {
    const index = new Map<number, number>();
    this.cells.forEach((c, i) => {
      if (c.col === col && c.row >= from && c.row <= to) index.set(c.row, i);
    });
    const text = (r: number) => {
      const i = index.get(r);
      return i === undefined ? '' : textOf(this.cells[i].value);
    };
    const drop = new Set<number>();
    let start = from;
    for (let r = from + 1; r <= to + 1; r++) {
      if (r <= to && text(r) === text(start) && text(start) !== '') continue;
      if (r - 1 > start) {
        for (let k = start + 1; k < r; k++) if (index.has(k)) drop.add(index.get(k)!);
        this.merges.push({ top: start, left: col, bottom: r - 1, right: col });
      }
      start = r;
    }
    if (drop.size) this.cells = this.cells.filter((_, i) => !drop.has(i));
  }

  /** Fixed widths for some columns, by column number (the others are measured). */
  columnWidths(widths: Record<number, number>): void {
    for (const [col, w] of Object.entries(widths)) this.widths[Number(col)] = w;
  }

  height(row: number, h: number): void {
    this.heights[row] = h;
  }

  /**
   * The sheet: a column's width fits the widest text of its single cells (capped; longer text
   * wraps), and a row with wrapped text is as high as its longest text needs in its cell's width.
   */
  build(extra: Partial<WriteSheet> = {}): WriteSheet {
    const merged = new Map<string, Merge>();
    for (const m of this.merges) merged.set(`${m.top},${m.left}`, m);
    const measured: Record<number, number> = {};
    for (const c of this.cells) {
      const m = merged.get(`${c.row},${c.col}`);
      if (m && m.right > m.left) continue;
      const w = Math.min(MAX_WIDTH, textWidth(c.value, c.style) + 2);
      measured[c.col] = Math.max(measured[c.col] ?? MIN_WIDTH, w);
    }
    const widths: Record<number, number> = {};
    for (let col = 1; col <= this.columns; col++) widths[col] = this.widths[col] ?? measured[col] ?? MIN_WIDTH;
    const heights: Record<number, number> = { ...this.heights };
    for (const c of this.cells) {
      if (!c.style?.wrap || this.heights[c.row] !== undefined) continue;
      const m = merged.get(`${c.row},${c.col}`) ?? { top: c.row, left: c.col, bottom: c.row, right: c.col };
      let room = 0;
      for (let col = m.left; col <= m.right; col++) room += widths[col];
      const lines = wrappedLines(c.value, Math.max(1, room));
      if (lines <= 1) continue;
      // The rows of a merged range share its height.
      const per = (lines * LINE + 4) / (m.bottom - m.top + 1);
      for (let r = m.top; r <= m.bottom; r++) heights[r] = Math.max(heights[r] ?? LINE, Math.ceil(per * 4) / 4);
    }
    return {
      name: this.name,
      cells: this.cells,
      merges: this.merges.map((m) => `${cellRef(m.top, m.left)}:${cellRef(m.bottom, m.right)}`),
      widths,
      heights,
      ...extra,
    };
  }
}

function textOf(v: CellValue): string {
  if (v === null) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if ('number' in v) return v.number;
  return String(v.cached ?? '');
}

/**
 * Display width of a cell in characters of the default font (a Chinese character is two); a
 * number as its format shows it (the integer digits with separators, the format's decimals).
 */
function textWidth(v: CellValue, style: CellStyle | undefined): number {
  if (typeof v === 'number' || (typeof v === 'object' && v !== null && 'number' in v)) {
    const code = style?.numFmt ?? 'General';
    const x = Math.abs(Number(typeof v === 'number' ? v : v.number)) * (code.includes('%') ? 100 : 1);
    const digits = Math.max(1, Math.floor(Math.log10(Math.max(x, 1))) + 1);
    const decimals = code === 'General' ? Math.min(textOf(v).split('.')[1]?.length ?? 0, 9) : (/\.(0+)/.exec(code)?.[1].length ?? 0);
    return digits + Math.floor((digits - 1) / 3) + (decimals ? decimals + 1 : 0) + (code.includes('%') ? 1 : 0) + 1;
  }
  return Math.max(...textOf(v).split('\n').map((l) => stringWidth(l)));
}

/** A Chinese character is two columns of text, but 宋体 draws it a little narrower than two digits. */
const CJK_DRAWN = 0.9;

function wrappedLines(v: CellValue, room: number): number {
  return textOf(v)
    .split('\n')
    .reduce((n, line) => n + Math.max(1, Math.ceil((stringWidth(line) * CJK_DRAWN) / room)), 0);
}

/** An exact decimal as a number cell (its digits kept); null stays empty. */
export function num(x: Dec | null | undefined): CellValue {
  return x === null || x === undefined ? null : { number: x.toFixed() };
}

/** A percent figure (96 for 96 %) as a fraction, for a cell formatted as a percentage. */
export function pct(x: Dec | null | undefined): CellValue {
  return x === null || x === undefined ? null : { number: x.dividedBy(100).toFixed() };
}

/** A number as given (a rounded double of the variance report) as a number cell. */
export function dbl(x: number | null | undefined): CellValue {
  return x === null || x === undefined || !Number.isFinite(x) ? null : x;
}

/**
 * Sheet names for the given wishes, in order: characters Excel refuses replaced, cut to 31
 * characters, and made unique (case-insensitively, as Excel compares them) with a suffix.
 */
export function sheetNames(wishes: string[]): string[] {
  const used = new Set<string>();
  return wishes.map((w) => {
    const base = ([...w.replace(/[[\]:*?/\\]/g, '_').replace(/^'+|'+$/g, '')].slice(0, 31).join('') || 'Sheet').trim() || 'Sheet';
    let name = base;
    for (let n = 2; used.has(name.toLowerCase()); n++) {
      const suffix = `(${n})`;
      name = [...base].slice(0, 31 - suffix.length).join('') + suffix;
    }
    used.add(name.toLowerCase());
    return name;
  });
}
