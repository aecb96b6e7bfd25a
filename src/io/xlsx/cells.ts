// The cell model shared by the workbook reader and the forms: cells with their row and column,
// A1 references, merged ranges. Pure functions, no I/O.

export type CellType = 'number' | 'string' | 'bool' | 'error' | 'empty';

export interface Cell {
  /** 1-based row and column. */
  row: number;
  col: number;
  type: CellType;
  /**
   * number: a canonical decimal as shown ("0.8727"; the percent figure "95" for 0.95 formatted
   * as a percentage); string: the text (rich-text runs joined); bool: "TRUE" / "FALSE";
   * error: the error value ("#DIV/0!"); empty: "".
   */
  value: string;
  /** The number is formatted as a percentage; `value` is then the percent figure. */
  percent?: boolean;
  /** Decimals the number format shows (0.00 → 2); absent for General. */
  decimals?: number;
  /** ISO date (yyyy-mm-dd) of a date-formatted number. */
  date?: string;
  /** The formula text (without "="; "" for a cell that shares another cell's formula). */
  formula?: string;
  /** With `formula`: whether the file holds the formula's last computed value. */
  cached?: boolean;
}

/** A merged range, 1-based and inclusive. */
export interface Range {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** Columns are at most 16 384 (XFD): a row and a column make one map key. */
const ROW_STRIDE = 1 << 14;

export function cellKey(row: number, col: number): number {
  return row * ROW_STRIDE + (col - 1);
}

/** 1 → "A", 27 → "AA". */
export function columnName(col: number): string {
  let s = '';
  for (let c = col; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

export function cellRef(row: number, col: number): string {
  return columnName(col) + row;
}

/** "D12" → {row: 12, col: 4}; null for anything else (including columns beyond XFD). */
export function parseRef(ref: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(ref);
  if (!m) return null;
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  const row = Number(m[2]);
  if (col > ROW_STRIDE || row < 1 || row > 1_048_576) return null;
  return { row, col };
}

/** "A1:H1" → a range; a single reference is a one-cell range. */
export function parseRange(ref: string): Range | null {
  const [a, b = a] = ref.split(':');
  const p = parseRef(a);
  const q = parseRef(b);
  if (!p || !q) return null;
  return { top: Math.min(p.row, q.row), left: Math.min(p.col, q.col), bottom: Math.max(p.row, q.row), right: Math.max(p.col, q.col) };
}

export function rangeRef(r: Range): string {
  const a = cellRef(r.top, r.left);
  return r.top === r.bottom && r.left === r.right ? a : `${a}:${cellRef(r.bottom, r.right)}`;
}
