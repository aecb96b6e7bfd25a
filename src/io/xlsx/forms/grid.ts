// A loaded sheet seen the way a person reads a form: a merged range shows its top-left cell's
// value in every cell it covers, labels are compared after NFKC normalisation without spaces
// (项目资金（万元） and "项目资金 (万元)" are the same label), and labels are found by what they
// say, never by their address.
import { cellKey, cellRef, type Cell, type Range } from '../cells.js';
import { XlsxError } from '../errors.js';
import { cellAt, type Sheet } from '../read.js';

/** Cells covered by merged ranges that one sheet may index (bounds the work of a hostile file). */
const MAX_MERGED_CELLS = 2_000_000;

export interface Found {
  row: number;
  col: number;
  /** The merged range the cell belongs to (a one-cell range when it is not merged). */
  range: Range;
  /** Normalised text. */
  text: string;
}

/** Label text: NFKC (full-width brackets, colons and digits to ASCII), no whitespace. */
export function norm(s: string): string {
  return s.normalize('NFKC').replace(/[\s\u3000\u00a0]+/g, '');
}

export class Grid {
  /** Covered cell → its merged range (only cells other than the top-left one). */
  private covered = new Map<number, Range>();
  private origins = new Map<number, Range>();
  private normCache = new Map<number, string>();

  constructor(readonly sheet: Sheet) {
    let budget = MAX_MERGED_CELLS;
    for (const m of sheet.merges) {
      // Only the part of a range that lies where the sheet has content matters.
      const bottom = Math.min(m.bottom, sheet.maxRow);
      const right = Math.min(m.right, sheet.maxCol);
      this.origins.set(cellKey(m.top, m.left), m);
      for (let r = m.top; r <= bottom; r++) {
        for (let c = m.left; c <= right; c++) {
          if (r === m.top && c === m.left) continue;
          if (--budget < 0) throw new XlsxError('xlsx-too-large', { variant: 'cells', limit: MAX_MERGED_CELLS }, { sheet: sheet.name });
          this.covered.set(cellKey(r, c), m);
        }
      }
    }
  }

  get name(): string {
    return this.sheet.name;
  }

  get maxRow(): number {
    return this.sheet.maxRow;
  }

  get maxCol(): number {
    return this.sheet.maxCol;
  }

  /** The range a cell belongs to (one cell when not merged). */
  range(row: number, col: number): Range {
    return this.covered.get(cellKey(row, col)) ?? this.origins.get(cellKey(row, col)) ?? { top: row, left: col, bottom: row, right: col };
  }

  /** Where the value shown at (row, col) is stored: the top-left cell of its merged range. */
  origin(row: number, col: number): { row: number; col: number } {
    const m = this.covered.get(cellKey(row, col));
    return m ? { row: m.top, col: m.left } : { row, col };
  }

  /** The cell whose value shows at (row, col). */
  cell(row: number, col: number): Cell | undefined {
    const o = this.origin(row, col);
    return cellAt(this.sheet, o.row, o.col);
  }

  /** Normalised text shown at (row, col): a number's decimal, a string's text; "" when empty. */
  text(row: number, col: number): string {
    const o = this.origin(row, col);
    const key = cellKey(o.row, o.col);
    let t = this.normCache.get(key);
    if (t === undefined) {
      const c = cellAt(this.sheet, o.row, o.col);
      t = c ? norm(c.value) : '';
      this.normCache.set(key, t);
    }
    return t;
  }

  /** The first cell, row by row, whose normalised text matches (merged ranges once, at their origin). */
  find(re: RegExp, area: Partial<Range> = {}): Found | undefined {
    const top = area.top ?? 1;
    const bottom = Math.min(area.bottom ?? this.maxRow, this.maxRow);
    const left = area.left ?? 1;
    const right = Math.min(area.right ?? this.maxCol, this.maxCol);
    for (let r = top; r <= bottom; r++) {
      for (let c = left; c <= right; c++) {
        if (this.covered.has(cellKey(r, c))) continue;
        const text = this.text(r, c);
        if (text !== '' && re.test(text)) return { row: r, col: c, range: this.range(r, c), text };
      }
    }
    return undefined;
  }

  /** Every non-empty cell of a row, left to right, once per merged range. */
  rowCells(row: number, from = 1, to = this.maxCol): Found[] {
    const out: Found[] = [];
    for (let c = from; c <= Math.min(to, this.maxCol); c++) {
      const rg = this.range(row, c);
      const text = this.text(row, c);
      if (text !== '') out.push({ row, col: c, range: rg, text });
      c = Math.max(c, rg.right);
    }
    return out;
  }

  ref(row: number, col: number): string {
    return cellRef(row, col);
  }
}
