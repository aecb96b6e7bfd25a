// A workbook among the inputs of a run (docs/formats.md#excel-workbooks): the documents its forms yield go through
// the same schema check and normalisation as YAML documents, each sheet becoming one loaded file
// (a "part") whose positions are cells. A part's documents carry a file key: the workbook's name
// as the user gave it, or, when the workbook has several parts (one project per sheet), that name
// and the sheet (`book.xlsx#疫苗接种`), so that a finding about one sheet's dossier is placed in
// that sheet. The key is shown as the workbook's name (shownFile) wherever a report names files.
import type { Diagnostic } from '../core/diagnostics.js';
import { dec, ZERO } from '../core/decimal.js';
import type { Dossier, Evaluation, Level1 } from '../core/model/model.js';
import { normaliseDossier, normaliseEvaluation } from '../core/model/normalise.js';
import type { MonitoringRow } from '../core/monitoring/data.js';
import { isUsageError, UsageError } from '../errors.js';
import { SCHEMA_CODES, type InputCode } from './codes.js';
import { readRegularFile } from './read-file.js';
import { ZIP_LIMITS } from './xlsx/zip.js';
import { checkDocument } from './schema.js';
import { cellRef } from './xlsx/cells.js';
import { cellLocation, readWorkbookDocuments, type CellPos, type FormKind, type WorkbookDocument } from './xlsx/forms/index.js';
import type { LoadedFile, MonitoringFile } from './workspace.js';

/** Where a finding about a workbook value is: the cell, its row and column number. */
export type CellLocation = Pick<Diagnostic, 'sheet' | 'cell' | 'line' | 'column'>;

/** A dossier read from a form, with what the run needs to pair it with others of its project. */
export interface FormDossier {
  dossier: Dossier;
  form: Exclude<FormKind, 'monitoring'>;
  /** The part (loaded file) it belongs to. */
  file: LoadedFile;
  locator: PartLocator;
  /** The evaluation of the same 自评表 sheet. */
  evaluation?: Evaluation;
}

export interface LoadedWorkbook {
  files: LoadedFile[];
  forms: FormDossier[];
  /** Evaluations of the workbook (also reachable from `forms`). */
  evaluations: Evaluation[];
  monitoring: MonitoringFile[];
  /** Dossiers that failed their schema: file key → project code. */
  invalid: [string, string][];
}

/** The key of a workbook part whose documents come from `sheet`, when the workbook has several parts. */
export function partKey(file: string, sheet: string): string {
  return `${file}#${sheet}`;
}

/**
 * The cells of one part's documents, by JSON pointer: each pointer is looked up in the dossier,
 * then in the evaluation of the same sheet, then as its nearest ancestor that has one. Only the
 * positions are kept (not the documents, nor the sheet): a folder of workbooks holds no more
 * of each than its YAML twin holds of its text.
 */
export class PartLocator {
  /**
   * Indicator codes the run gave this sheet's evaluation (those of the project's reference
   * dossier, see form-pairs.ts) → the codes the sheet numbered them with.
   */
  readonly renames = new Map<string, string>();
  private readonly positions: WorkbookDocument['positions'][];

  constructor(docs: WorkbookDocument[]) {
    this.positions = docs.map((d) => d.positions);
  }

  cell(pointer: string): CellPos {
    for (let q = this.renamed(pointer); ; q = q.slice(0, q.lastIndexOf('/'))) {
      for (const positions of this.positions) {
        const pos = positions[q];
        if (pos) return pos;
      }
      // Every document has the position of its root ('').
      if (q === '') return this.positions[0][''];
    }
  }

  private renamed(pointer: string): string {
    if (this.renames.size === 0) return pointer;
    const m = /^(\/actuals\/|\/claimed\/indicators\/|\/panels\/)([^/]+)(.*)$/.exec(pointer);
    const to = m && this.renames.get(m[2].replace(/~1/g, '/').replace(/~0/g, '~'));
    return to === undefined || to === null ? pointer : `${m![1]}${to.replace(/~/g, '~0').replace(/\//g, '~1')}${m![3]}`;
  }
}

/** Monitoring codes about a row's value, period or metric, to point at that column of the row. */
const ROW_COLUMN: Record<string, string> = {
  'cumulative-decrease': 'value',
  'spend-over-budget': 'value',
  'executed-scale': 'value',
  'value-percent-unit': 'value',
  'value-percent-range': 'value',
  'value-negative': 'value',
  'unknown-metric': 'metric',
  'metric-qualitative': 'metric',
  'period-invalid': 'period',
  'period-outside': 'period',
  'project-period-invalid': 'period',
};

/**
 * The documents of a workbook as loaded files, schema-checked and normalised. Undefined when a
 * workbook found by walking is to be skipped silently: one with no form (like YAML that is not a
 * bpm document), or one of bpm's own reports.
 */
export function loadWorkbook(bytes: Buffer, display: string, abs: string, explicit: boolean): LoadedWorkbook | undefined {
  const reading = readWorkbookDocuments(bytes, display);
  const out: LoadedWorkbook = { files: [], forms: [], evaluations: [], monitoring: [], invalid: [] };
  if (reading.report !== undefined) {
    if (!explicit) return undefined;
    const d: Diagnostic<InputCode> = { code: 'xlsx-is-bpm-report', severity: 'error', file: display, line: 1, column: 1, args: { command: reading.report } };
    out.files.push({ file: display, abs, kind: null, diagnostics: [d] });
    return out;
  }
  // An old .xls or WPS .et found by walking is not read: a warning says so (named, it is an
  // error). Systems also export HTML tables named .xls: the same warning.
  const legacy = reading.diagnostics.find((d) => d.code === 'xlsx-legacy' || d.code === 'xlsx-corrupt');
  if (!explicit && legacy && (legacy.code === 'xlsx-legacy' || /\.(xls|et)$/i.test(display))) {
    const args = legacy.code === 'xlsx-legacy' ? legacy.args : undefined;
    out.files.push({ file: display, abs, kind: null, diagnostics: [{ code: 'xlsx-legacy-skipped', severity: 'warning', file: display, line: 1, column: 1, ...(args ? { args } : {}) }] });
    return out;
  }
  const noForm = reading.documents.length === 0 && reading.diagnostics.every((d) => d.code === 'xlsx-no-form' || d.code === 'xlsx-sheet-skipped');
  if (noForm && !explicit) return undefined;

  // Parts: the documents of each sheet, in sheet order.
  const bySheet = new Map<string, WorkbookDocument[]>();
  for (const doc of reading.documents) {
    const list = bySheet.get(doc.sheet);
    if (list) list.push(doc);
    else bySheet.set(doc.sheet, [doc]);
  }
  if (bySheet.size === 0) {
    out.files.push({ file: display, abs, kind: null, diagnostics: reading.diagnostics });
    return out;
  }
  const several = bySheet.size > 1;
  const parts = new Map<string, LoadedFile>();
  for (const [sheet, docs] of bySheet) {
    const key = several ? partKey(display, sheet) : display;
    const locator = new PartLocator(docs);
    const file: LoadedFile = {
      file: key,
      abs,
      kind: docs[0].kind,
      diagnostics: [],
      locate: (pointer) => cellLocation(locator.cell(pointer)) as { line: number; column: number },
      ...(key !== display ? { shown: display } : {}),
    };
    const monitoringDoc = docs.find((d) => d.kind === 'MonitoringData');
    if (monitoringDoc) {
      const { sheet: name, positions } = monitoringDoc;
      file.rowCell = (line, code) => rowCell(name, positions, line, code);
    }
    parts.set(sheet, file);
    out.files.push(file);
    loadPart(file, locator, docs, out);
  }
  // What reading found goes to the part of its sheet (else the first part), with the part's key.
  const first = out.files[0];
  for (const d of reading.diagnostics) {
    const part = (d.sheet !== undefined && parts.get(d.sheet)) || first;
    part.diagnostics.push({ ...d, file: part.file });
  }
  for (const f of out.files) dropRepeated(f.diagnostics);
  return out;
}

/** Schema check and normalisation of one sheet's documents. */
function loadPart(file: LoadedFile, locator: PartLocator, docs: WorkbookDocument[], out: LoadedWorkbook): void {
  let form: FormDossier | undefined;
  for (const doc of docs) {
    if (doc.kind === 'MonitoringData') {
      const rows = (doc.data.rows as MonitoringRow[]).map((r) => ({ ...r, file: file.file }));
      out.monitoring.push({ file: file.file, abs: file.abs, rows });
      continue;
    }
    const at = (path: string | undefined) => cellLocation(locator.cell(path ?? ''));
    if (doc.kind === 'ProjectDossier') {
      const { data, relaxed } = relaxDossier(doc.data);
      const { doc: checked, diagnostics } = checkDocument('ProjectDossier', data, file.file);
      for (const d of diagnostics) file.diagnostics.push({ ...d, ...at(d.path) });
      if (relaxed.weightless) file.diagnostics.push({ code: 'form-no-weights', severity: 'info', file: file.file, path: '/indicators', ...at('/indicators') });
      if (checked?.kind !== 'ProjectDossier') {
        const code = (doc.data.project as { code?: unknown } | undefined)?.code;
        if (typeof code === 'string') out.invalid.push([file.file, code]);
        continue;
      }
      const dossier = normaliseDossier(checked, file.file);
      // What the relaxation put in only to pass the schema is not the project's.
      if (relaxed.objectives) dossier.objectives = [];
      if (relaxed.weightless) {
        for (const i of dossier.indicators) i.weight = ZERO;
        dossier.weightless = true;
      }
      dossier.printedSections = printedSections(doc, dossier);
      form = { dossier, form: doc.form === 'self-evaluation' ? 'self-evaluation' : 'declaration', file, locator };
      out.forms.push(form);
    } else {
      const { doc: checked, diagnostics } = checkDocument('Evaluation', doc.data, file.file);
      for (const d of diagnostics) file.diagnostics.push({ ...d, ...at(d.path) });
      if (checked?.kind !== 'Evaluation') continue;
      const evaluation = normaliseEvaluation(checked, file.file);
      out.evaluations.push(evaluation);
      if (form) form.evaluation = evaluation;
    }
  }
}

/**
 * The dossier as the schema is to see it. What the official forms have no place for
 * (docs/formats.md#excel-workbooks) is not an error there: `objectives` (the warning
 * form-no-objectives says so), and the
 * weights of a 申报表 without a 分值 column (an info line; they come from the 自评表 at
 * evaluation). Both are filled in for the check and taken out again after normalisation.
 */
function relaxDossier(data: Record<string, unknown>): { data: Record<string, unknown>; relaxed: { objectives: boolean; weightless: boolean } } {
  const project = data.project as Record<string, unknown> | undefined;
  const objectives = project !== undefined && project.objectives === undefined;
  const indicators = Array.isArray(data.indicators) ? (data.indicators as Record<string, unknown>[]) : [];
  const weightless = indicators.some((i) => i.informational !== true) && indicators.every((i) => i.weight === undefined);
  if (!objectives && !weightless) return { data, relaxed: { objectives, weightless } };
  const copy: Record<string, unknown> = { ...data };
  if (objectives) copy.project = { ...project, objectives: ['-'] };
  if (weightless) copy.indicators = indicators.map((i) => (i.informational === true ? i : { ...i, weight: 1 }));
  return { data: copy, relaxed: { objectives, weightless } };
}

/** Section points printed in 一级指标 cells, each at the level-1 cell of the section's first indicator. */
function printedSections(doc: WorkbookDocument, d: Dossier): Dossier['printedSections'] {
  const list = doc.sections ?? [];
  if (list.length === 0) return undefined;
  const out: NonNullable<Dossier['printedSections']> = [];
  for (const s of list) {
    const i = d.indicators.findIndex((ind) => ind.level1 === s.level1);
    if (i < 0 || !Number.isFinite(s.points)) continue;
    out.push({ level1: s.level1 as Level1, points: dec(s.points), path: `/indicators/${i}/level1` });
  }
  return out;
}

/** The cell of a monitoring sheet's row a problem of the row is about. */
function rowCell(sheet: string, positions: WorkbookDocument['positions'], line: number, code: string): CellLocation {
  const column = positions[`/columns/${ROW_COLUMN[code] ?? 'project'}`] ?? positions['/columns/project'] ?? positions[''];
  return { sheet, cell: cellRef(line, column.col), line, column: column.col };
}

/**
 * A schema error where reading the form already reported the problem is not repeated: at the
 * same cell, or about the same value (the missing `target` of a placeholder, and the operator
 * and unit that went with it).
 */
function dropRepeated(list: Diagnostic[]): void {
  const reading = list.filter((d) => d.severity === 'error' && !SCHEMA.has(d.code));
  if (reading.length === 0) return;
  const cells = new Set(reading.map((d) => `${d.sheet}!${d.cell}`));
  const paths = reading.map((d) => d.path).filter((p): p is string => p !== undefined);
  const related = (d: Diagnostic) => {
    if (!SCHEMA.has(d.code)) return false;
    if (cells.has(`${d.sheet}!${d.cell}`)) return true;
    const p = d.path ?? '';
    const own = d.code === 'missing-field' && d.args?.field !== undefined ? `${p}/${String(d.args.field)}` : p;
    return paths.some((r) => r === own || r.startsWith(`${own}/`) || own.startsWith(`${r}/`) || (d.code === 'missing-field' && r.slice(0, r.lastIndexOf('/')) === p));
  };
  for (let i = list.length - 1; i >= 0; i--) if (related(list[i])) list.splice(i, 1);
}

const SCHEMA = new Set<string>(SCHEMA_CODES);

/**
 * A workbook named as monitoring data (`bpm variance --data book.xlsx`): its monitoring sheets,
 * and what went wrong reading it; a workbook without a monitoring sheet is an error.
 */
export function readDataWorkbook(abs: string, display: string): LoadedWorkbook {
  let read;
  try {
    read = readRegularFile(abs, display, ZIP_LIMITS.maxFileBytes);
  } catch (e) {
    if (isUsageError(e)) throw e;
    throw new UsageError('unreadable-file', { file: display, reason: (e as NodeJS.ErrnoException).code ?? String(e) });
  }
  const fail = (d: Omit<Diagnostic<InputCode>, 'file' | 'line' | 'column'>): LoadedWorkbook => ({
    files: [{ file: display, abs, kind: null, diagnostics: [{ file: display, line: 1, column: 1, ...d }] }],
    forms: [],
    evaluations: [],
    monitoring: [],
    invalid: [],
  });
  if (read.truncated) return fail({ code: 'xlsx-too-large', severity: 'error', args: { variant: 'file', limit: ZIP_LIMITS.maxFileBytes } });
  const wb = loadWorkbook(read.bytes, display, abs, true)!;
  const errors = wb.files.some((f) => f.diagnostics.some((d) => d.severity === 'error'));
  if (wb.monitoring.length === 0 && !errors) return fail({ code: 'xlsx-no-form', severity: 'error', args: { variant: 'monitoring' } });
  return wb;
}
