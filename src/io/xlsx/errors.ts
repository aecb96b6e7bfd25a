// The one error type of the workbook layer: a diagnostic code (io/codes.ts XLSX_CODES) with its
// message arguments, and the sheet and cell when the problem has a place. The zip and XML
// readers throw it; forms/index.ts turns it into a located diagnostic, so a broken workbook
// never shows a stack trace.
import type { Args } from '../../core/diagnostics.js';
import type { XlsxCode } from '../codes.js';

export interface CellPlace {
  sheet: string;
  /** A1 reference. */
  cell: string;
  row: number;
  col: number;
}

export class XlsxError extends Error {
  constructor(
    readonly code: XlsxCode,
    readonly args: Args = {},
    readonly place?: Partial<CellPlace>,
  ) {
    super(`${code} ${JSON.stringify(args)}`);
    this.name = 'XlsxError';
  }
}
