// Reading one sheet as a form: typed values from cells (numbers as the CSV reader reads them when
// they are stored as text), every problem a diagnostic at its sheet and cell, and the position of
// every value put into a document, by JSON pointer, so later findings can point at the cell too.
import type { Diagnostic, Severity } from '../../../core/diagnostics.js';
import type { InputCode } from '../../codes.js';
import { parseNumber } from '../../number.js';
import { cellRef, type Cell } from '../cells.js';
import { roundShown } from '../numfmt.js';
import type { Grid } from './grid.js';

export interface CellPos {
  sheet: string;
  /** A1 reference. */
  cell: string;
  row: number;
  col: number;
}

/** JSON pointer into a document → the cell its value came from. */
export type Positions = Record<string, CellPos>;

export interface At {
  row: number;
  col: number;
}

export interface FormNumber {
  /** Canonical decimal; for a percentage the percent figure (95 for 95%). */
  value: string;
  percent: boolean;
  /** Decimals the cell's format shows, when it fixes them. */
  decimals?: number;
}

/** A cell left blank on purpose: forms print — or / where a figure does not apply. */
const NOT_APPLICABLE = /^[\s—–\-－/／\\]*$/;

export class FormContext {
  readonly diagnostics: Diagnostic[] = [];
  private formulaReported = new Set<string>();

  constructor(
    readonly grid: Grid,
    readonly file: string,
  ) {}

  get sheet(): string {
    return this.grid.name;
  }

  /** Position of the value shown at (row, col): its merged range's top-left cell. */
  pos(at: At): CellPos {
    const o = this.grid.origin(at.row, at.col);
    return { sheet: this.sheet, cell: cellRef(o.row, o.col), row: o.row, col: o.col };
  }

  diag(code: InputCode, severity: Severity, at: At, args?: Diagnostic['args'], path?: string): void {
    const p = this.pos(at);
    const d: Diagnostic<InputCode> = { code, severity, file: this.file, sheet: p.sheet, cell: p.cell, line: p.row, column: p.col };
    if (args) d.args = args;
    if (path !== undefined) d.path = path;
    this.diagnostics.push(d);
  }

  /**
   * The cell shown at (row, col). A formula without a cached value is an error (its value was
   * never computed: the file was written by a program that does not calculate) and reads as empty.
   */
  cell(at: At): Cell | undefined {
    const c = this.grid.cell(at.row, at.col);
    if (c?.formula !== undefined && !c.cached) {
      const ref = cellRef(c.row, c.col);
      if (!this.formulaReported.has(ref)) {
        this.formulaReported.add(ref);
        this.diag('xlsx-formula-no-value', 'error', at, { formula: c.formula });
      }
      return undefined;
    }
    return c;
  }

  /** The text shown, trimmed ("" when empty); numbers as their decimal. */
  str(at: At): string {
    const c = this.cell(at);
    if (!c) return '';
    return c.value.normalize('NFC').replace(/\r\n?/g, '\n').trim();
  }

  /**
   * A number: a numeric cell, or text that reads as a number (`1,234.5`, `95%`, full-width
   * digits). Undefined when the cell is empty; null (and a `value-not-number` error) when it
   * holds something else.
   */
  num(at: At, path?: string): FormNumber | null | undefined {
    const c = this.cell(at);
    if (!c || c.type === 'empty' || (c.type === 'string' && NOT_APPLICABLE.test(c.value))) return undefined;
    if (c.type === 'number') return { value: c.value, percent: c.percent === true, ...(c.decimals !== undefined ? { decimals: c.decimals } : {}) };
    const parsed = c.type === 'string' ? parseNumber(c.value.normalize('NFKC')) : null;
    if (parsed && Number.isFinite(Number(parsed.value))) return { value: parsed.value, percent: parsed.percent };
    this.diag('value-not-number', 'error', at, { value: c.value.trim() }, path);
    return null;
  }
}

/** A figure as the table prints it: rounded to the decimals its format shows. */
export function printed(n: FormNumber): number {
  return Number(n.decimals === undefined ? n.value : roundShown(n.value, n.decimals));
}

/** A JSON pointer segment (RFC 6901). */
export function seg(s: string | number): string {
  return String(s).replace(/~/g, '~0').replace(/\//g, '~1');
}
