// Workbook → bpm documents (docs/formats.md#excel-workbooks). Each visible sheet that is not an instruction sheet
// is recognised by its title and labels: a 绩效目标申报表 yields a ProjectDossier, a 绩效自评表 a
// ProjectDossier and an Evaluation, a sheet with the monitoring columns MonitoringData. Every
// value remembers its cell (`positions`, by JSON pointer), and every problem is a diagnostic at
// its sheet and cell; nothing here throws on bad input.
import { basename, extname } from 'node:path';
import type { Diagnostic } from '../../../core/diagnostics.js';
import type { InputCode } from '../../codes.js';
import type { MonitoringRow } from '../../../core/monitoring/data.js';
import { cellRef } from '../cells.js';
import { XlsxError } from '../errors.js';
import { readWorkbook, REPORT_PROPERTY, WORKBOOK_LIMITS, type Sheet, type WorkbookLimits } from '../read.js';
import { readBudget } from './budget.js';
import { FormContext, type At, type CellPos, type Positions } from './context.js';
import { buildDossier, codePrefix, type ProjectCode } from './dossier.js';
import { buildEvaluation } from './evaluation.js';
import { Grid } from './grid.js';
import { readHeader } from './header.js';
import { findIndicatorHeader, readIndicatorGrid } from './indicators.js';
import { findMonitoringHeader, readMonitoring } from './monitoring.js';

export type { CellPos, Positions } from './context.js';

export type FormKind = 'declaration' | 'self-evaluation' | 'monitoring';

export interface WorkbookDocument {
  kind: 'ProjectDossier' | 'Evaluation' | 'MonitoringData';
  /** The raw document as YAML would give it (MonitoringData: `{rows: MonitoringRow[]}`). */
  data: Record<string, unknown>;
  /**
   * JSON pointer → the cell the value came from; '' is the form's title (or A1). Look a pointer
   * up with positionOf, which also finds monitoring rows (their cells are not listed here).
   */
  positions: Positions;
  sheet: string;
  form: FormKind;
  /** Section points printed in 一级指标 cells (产出指标(50分)), for the policy check. */
  sections?: { level1: string; points: number; pos: CellPos }[];
}

export interface WorkbookReading {
  documents: WorkbookDocument[];
  diagnostics: Diagnostic[];
  /**
   * The command whose report this workbook is, when bpm wrote it (write.ts REPORT_PROPERTY): its
   * sheets look like the forms but hold bpm's results, and are not read.
   */
  report?: string;
}

/** Sheets that explain how to fill in the form. */
const INSTRUCTIONS = /填报说明|填表说明|说明|指标解释|目录|封面|封皮|instructions?|readme/i;
const SELF_EVALUATION_TITLE = /自评/;

/**
 * Reads the documents of a workbook. `file` is the name diagnostics carry (as the user gave it);
 * its base name is the project code of last resort.
 */
export function readWorkbookDocuments(bytes: Buffer, file: string, limits: WorkbookLimits = WORKBOOK_LIMITS): WorkbookReading {
  const out: WorkbookReading = { documents: [], diagnostics: [] };
  const fail = (e: unknown) => {
    if (!(e instanceof XlsxError)) throw e;
    out.diagnostics.push(located(e, file));
  };
  let wb;
  try {
    wb = readWorkbook(bytes, limits);
  } catch (e) {
    fail(e);
    return out;
  }
  const report = wb.properties[REPORT_PROPERTY];
  if (report !== undefined) {
    out.report = report;
    return out;
  }
  const base = basename(file, extname(file));
  let uncoded = 0;
  let firstVisible: string | undefined;
  for (const info of wb.sheets) {
    if (info.state !== 'visible' || INSTRUCTIONS.test(info.name)) continue;
    firstVisible ??= info.name;
    let sheet: Sheet;
    try {
      sheet = wb.load(info);
    } catch (e) {
      fail(e);
      if (e instanceof XlsxError && e.code === 'xlsx-too-large') break;
      continue;
    }
    try {
      const ctx = new FormContext(new Grid(sheet), file);
      const docs = readSheet(ctx, () => (uncoded++ === 0 ? base : `${base}-${uncoded}`));
      out.documents.push(...docs);
      // A sheet's findings in reading order.
      out.diagnostics.push(...ctx.diagnostics.sort((a, b) => a.line! - b.line! || a.column! - b.column! || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)));
    } catch (e) {
      fail(e);
    }
  }
  if (out.documents.length === 0 && !out.diagnostics.some((d) => d.severity === 'error')) {
    const d: Diagnostic<InputCode> = { code: 'xlsx-no-form', severity: 'error', file, line: 1, column: 1 };
    if (firstVisible !== undefined) Object.assign(d, { sheet: firstVisible, cell: 'A1' });
    out.diagnostics.push(d);
  }
  return out;
}

/** The documents of one sheet; none (and an info line) for a sheet that is not a known form. */
function readSheet(ctx: FormContext, fallbackCode: () => string): WorkbookDocument[] {
  const sheet = ctx.sheet;
  const header = findIndicatorHeader(ctx);
  if (!header) {
    const mh = findMonitoringHeader(ctx);
    if (!mh) {
      ctx.diag('xlsx-sheet-skipped', 'info', { row: 1, col: 1 }, { sheet });
      return [];
    }
    const { rows, positions } = readMonitoring(ctx, mh);
    return [{ kind: 'MonitoringData', data: { rows }, positions, sheet, form: 'monitoring' }];
  }
  const h = readHeader(ctx, header.row);
  const budget = readBudget(ctx, header.row);
  const grid = readIndicatorGrid(ctx, header);
  const selfEvaluation = header.columns.actual !== undefined || (h.title !== undefined && SELF_EVALUATION_TITLE.test(h.title.text));
  const root: At = h.title ?? { row: 1, col: 1 };
  const code = projectCode(h, root, fallbackCode);
  const form: FormKind = selfEvaluation ? 'self-evaluation' : 'declaration';
  const dossier = buildDossier(ctx, h, budget, grid, code, root);
  if (!h.objectives) ctx.diag('form-no-objectives', 'warning', h.name?.at ?? root, {}, '/project/objectives');
  const sections = grid.sections.map((s) => ({ level1: s.level1, points: Number(s.points.value), pos: ctx.pos(s.at) }));
  const docs: WorkbookDocument[] = [{ kind: 'ProjectDossier', data: dossier.data, positions: dossier.positions, sheet, form, sections }];
  if (selfEvaluation) {
    const ev = buildEvaluation(ctx, code.value, h, budget, grid, dossier.indicators, root);
    docs.push({ kind: 'Evaluation', data: ev.data, positions: ev.positions, sheet, form });
  }
  return docs;
}

/** 项目编码, else a code printed in front of 项目名称, else the file's name. */
function projectCode(h: ReturnType<typeof readHeader>, root: At, fallback: () => string): ProjectCode {
  if (h.code) return { value: h.code.value.normalize('NFKC').trim(), at: h.code.at };
  const prefix = h.name && codePrefix(h.name.value);
  if (prefix) return { value: prefix, at: h.name!.at };
  return { value: fallback(), at: h.name?.at ?? root };
}

/**
 * The cell of the value at `pointer`, else of its nearest ancestor that has one (a schema error
 * about a missing field points at the object's cell), else the form's title. A monitoring row
 * (`/rows/7/value`) is at its line, in its column.
 */
export function positionOf(doc: WorkbookDocument, pointer: string): CellPos {
  const m = doc.kind === 'MonitoringData' ? /^\/rows\/(\d+)(?:\/(\w+))?/.exec(pointer) : null;
  const row = m ? (doc.data.rows as MonitoringRow[])[Number(m[1])] : undefined;
  if (m && row) {
    const col = (doc.positions[`/columns/${m[2]}`] ?? doc.positions['/columns/project']).col;
    return { sheet: doc.sheet, cell: cellRef(row.line, col), row: row.line, col };
  }
  let p = pointer;
  for (;;) {
    const pos = doc.positions[p];
    if (pos) return pos;
    if (p === '') throw new Error('a workbook document always has the position of its root');
    p = p.slice(0, p.lastIndexOf('/'));
  }
}

/** The location fields of a diagnostic at a cell: sheet and cell, and the row and column as line and column. */
export function cellLocation(pos: CellPos): Pick<Diagnostic, 'sheet' | 'cell' | 'line' | 'column'> {
  return { sheet: pos.sheet, cell: pos.cell, line: pos.row, column: pos.col };
}

function located(e: XlsxError, file: string): Diagnostic {
  const d: Diagnostic<InputCode> = { code: e.code, severity: 'error', file, line: e.place?.row ?? 1, column: e.place?.col ?? 1 };
  if (Object.keys(e.args).length) d.args = e.args;
  if (e.place?.sheet !== undefined) {
    d.sheet = e.place.sheet;
    d.cell = e.place.cell ?? cellRef(d.line!, d.column!);
  }
  return d;
}
