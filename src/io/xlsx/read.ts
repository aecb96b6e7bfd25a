// Reads an .xlsx workbook: its sheets (name, visibility, order), shared strings, the number
// formats of its cell styles, and — one sheet at a time, on demand — the cells and merged ranges
// of a sheet. Every value comes out as the decimal or text a person sees in Excel (numfmt.ts).
// The file is untrusted: the zip caps (zip.ts), a sheet cap and a cell cap bound the work and
// memory of one workbook; problems are XlsxError with a diagnostic code.
import { posix } from 'node:path';
import { cellKey, cellRef, parseRange, parseRef, type Cell, type Range } from './cells.js';
import { XlsxError } from './errors.js';
import { GENERAL, numberFormat, serialToIsoDate, shownDecimal, timesHundred, type NumberFormat } from './numfmt.js';
import { child, childrenNamed, decodeXml, parseXmlTree, visitXml } from './xml.js';
import { ZIP_LIMITS, ZipReader, type ZipLimits } from './zip.js';

export type SheetState = 'visible' | 'hidden' | 'veryHidden';

export interface SheetInfo {
  name: string;
  state: SheetState;
  /** 0-based position among the workbook's worksheets. */
  index: number;
  /** Zip entry of the sheet's XML. */
  part: string;
}

export interface Sheet extends SheetInfo {
  cells: Map<number, Cell>;
  merges: Range[];
  maxRow: number;
  maxCol: number;
}

export interface Workbook {
  sheets: SheetInfo[];
  date1904: boolean;
  /** Custom document properties (docProps/custom.xml), by name: text values only. */
  properties: Record<string, string>;
  /** Parses one sheet's cells (cells count against the workbook's cell cap). */
  load(sheet: SheetInfo): Sheet;
}

export interface WorkbookLimits extends ZipLimits {
  maxSheets: number;
  /** Cells with content, over all sheets loaded from one workbook. */
  maxCells: number;
}

/** The custom property that marks a workbook as one of bpm's reports (write.ts); its value names the command. */
export const REPORT_PROPERTY = 'bpm-report';

export const WORKBOOK_LIMITS: WorkbookLimits = { ...ZIP_LIMITS, maxSheets: 256, maxCells: 1_000_000 };

/** The cell at (row, col) of a loaded sheet. */
export function cellAt(sheet: Sheet, row: number, col: number): Cell | undefined {
  return sheet.cells.get(cellKey(row, col));
}

export function readWorkbook(bytes: Buffer, limits: WorkbookLimits = WORKBOOK_LIMITS): Workbook {
  const zip = new ZipReader(bytes, limits);
  const xmlOf = (part: string) => decodeXml(zip.read(part));
  const workbookPart = officeDocument(zip);
  const wb = parseXmlTree(xmlOf(workbookPart), workbookPart);
  const rels = relationships(zip, workbookPart);
  const pr = child(wb, 'workbookPr');
  const date1904 = pr?.attrs.date1904 === '1' || pr?.attrs.date1904 === 'true';

  const sheets: SheetInfo[] = [];
  for (const s of childrenNamed(child(wb, 'sheets'), 'sheet')) {
    const rel = rels.get(s.attrs.id ?? '');
    // Chart sheets and dialog sheets hold no cells.
    if (!rel || !/\/worksheet$/.test(rel.type) || !zip.has(rel.target)) continue;
    const state: SheetState = s.attrs.state === 'hidden' ? 'hidden' : s.attrs.state === 'veryHidden' ? 'veryHidden' : 'visible';
    sheets.push({ name: s.attrs.name ?? '', state, index: sheets.length, part: rel.target });
    if (sheets.length > limits.maxSheets) throw new XlsxError('xlsx-too-large', { variant: 'sheets', limit: limits.maxSheets });
  }

  const stylesRel = [...rels.values()].find((r) => /\/styles$/.test(r.type));
  const formats = stylesRel && zip.has(stylesRel.target) ? cellFormats(xmlOf(stylesRel.target), stylesRel.target) : [];
  const stringsRel = [...rels.values()].find((r) => /\/sharedStrings$/.test(r.type));
  let strings: string[] | undefined;
  let cellsLeft = limits.maxCells;

  return {
    sheets,
    date1904,
    properties: customProperties(zip),
    load(info) {
      if (strings === undefined) strings = stringsRel && zip.has(stringsRel.target) ? sharedStrings(xmlOf(stringsRel.target), stringsRel.target) : [];
      try {
        const sheet = parseSheet(xmlOf(info.part), info, { strings, formats, date1904, cellsLeft, maxCells: limits.maxCells });
        cellsLeft -= sheet.cells.size;
        return sheet;
      } catch (e) {
        // Whatever went wrong inside a sheet is reported at that sheet.
        if (e instanceof XlsxError && e.place?.sheet === undefined) throw new XlsxError(e.code, e.args, { ...e.place, sheet: info.name });
        throw e;
      }
    },
  };
}

/** The workbook part named by the package relationships (xl/workbook.xml in practice). */
function officeDocument(zip: ZipReader): string {
  if (zip.has('_rels/.rels')) {
    const rels = relationships(zip, '');
    for (const r of rels.values()) if (/\/officeDocument$/.test(r.type) && zip.has(r.target)) return r.target;
  }
  if (zip.has('xl/workbook.xml')) return 'xl/workbook.xml';
  // An OpenDocument spreadsheet (.ods) is a zip too, without any workbook part.
  if (zip.has('content.xml') && zip.has('mimetype')) throw new XlsxError('xlsx-legacy', { variant: 'ods' });
  throw new XlsxError('xlsx-corrupt', { variant: 'part', part: 'xl/workbook.xml' });
}

/** The package's custom properties (a damaged or missing part gives none: they are never essential). */
function customProperties(zip: ZipReader): Record<string, string> {
  const out: Record<string, string> = {};
  try {
    const rel = [...relationships(zip, '').values()].find((r) => /\/custom-properties$/.test(r.type));
    if (!rel || !zip.has(rel.target)) return out;
    const tree = parseXmlTree(decodeXml(zip.read(rel.target)), rel.target);
    for (const p of childrenNamed(tree, 'property')) {
      const name = p.attrs.name;
      const value = p.children[0]?.text;
      if (name !== undefined && value !== undefined) out[name] = value;
    }
  } catch (e) {
    if (!(e instanceof XlsxError)) throw e;
  }
  return out;
}

interface Relationship {
  type: string;
  /** Zip entry name the relationship points at. */
  target: string;
}

/** Relationships of `part` (from `dir/_rels/name.rels`), by id; targets resolved to entry names. */
function relationships(zip: ZipReader, part: string): Map<string, Relationship> {
  const dir = posix.dirname(part) === '.' ? '' : posix.dirname(part);
  const relsPart = posix.join(dir, '_rels', `${posix.basename(part)}.rels`);
  const out = new Map<string, Relationship>();
  if (!zip.has(relsPart)) return out;
  const tree = parseXmlTree(decodeXml(zip.read(relsPart)), relsPart);
  for (const r of childrenNamed(tree, 'Relationship')) {
    if (r.attrs.TargetMode === 'External') continue;
    const raw = r.attrs.Target ?? '';
    const target = raw.startsWith('/') ? raw.slice(1) : posix.normalize(posix.join(dir, raw));
    out.set(r.attrs.Id ?? '', { type: r.attrs.Type ?? '', target });
  }
  return out;
}

/** The number format of each cell style (cellXfs), by style index. */
function cellFormats(xml: string, part: string): NumberFormat[] {
  const custom = new Map<number, string>();
  const ids: number[] = [];
  let inCellXfs = false;
  visitXml(
    xml,
    {
      open(name, a) {
        if (name === 'numFmt') custom.set(Number(a.get('numFmtId')), a.get('formatCode') ?? '');
        else if (name === 'cellXfs') inCellXfs = true;
        else if (name === 'xf' && inCellXfs) ids.push(Number(a.get('numFmtId') ?? 0));
      },
      close(name) {
        if (name === 'cellXfs') inCellXfs = false;
      },
    },
    part,
  );
  return ids.map((id) => numberFormat(id, custom));
}

/**
 * The shared strings, each the text of its runs joined. Phonetic guides (rPh, the furigana
 * Excel may keep beside East Asian text) are not part of the text.
 */
function sharedStrings(xml: string, part: string): string[] {
  const out: string[] = [];
  let cur = '';
  let inT = false;
  let inPhonetic = 0;
  visitXml(
    xml,
    {
      open(name) {
        if (name === 'si') cur = '';
        else if (name === 't') inT = inPhonetic === 0;
        else if (name === 'rPh') inPhonetic++;
      },
      close(name) {
        if (name === 'si') out.push(cur);
        else if (name === 't') inT = false;
        else if (name === 'rPh') inPhonetic--;
      },
      text(t) {
        if (inT) cur += t;
      },
    },
    part,
  );
  return out;
}

interface SheetContext {
  strings: string[];
  formats: NumberFormat[];
  date1904: boolean;
  cellsLeft: number;
  maxCells: number;
}

/** Streams a sheet's XML into its cells and merged ranges. */
function parseSheet(xml: string, info: SheetInfo, ctx: SheetContext): Sheet {
  const sheet: Sheet = { ...info, cells: new Map(), merges: [], maxRow: 0, maxCol: 0 };
  const tooLarge = () => new XlsxError('xlsx-too-large', { variant: 'cells', limit: ctx.maxCells }, { sheet: info.name });
  let row = 0;
  let col = 0;
  // The cell being read.
  let ref = { row: 0, col: 0 };
  let t = '';
  let style = 0;
  let value: string | undefined;
  let formula: string | undefined;
  let inline = '';
  let hasInline = false;
  // What the current text belongs to: the <v>, the <f>, or a <t> of an inline string.
  let into: 'v' | 'f' | 't' | null = null;
  let inPhonetic = 0;
  visitXml(
    xml,
    {
      open(name, a) {
        switch (name) {
          case 'row': {
            const r = a.get('r');
            row = r ? Number(r) : row + 1;
            col = 0;
            break;
          }
          case 'c': {
            const r = a.get('r');
            const p = r ? parseRef(r) : null;
            ref = p ?? { row: Math.max(row, 1), col: col + 1 };
            col = ref.col;
            t = a.get('t') ?? 'n';
            const s = a.get('s');
            style = s ? Number(s) : 0;
            value = undefined;
            formula = undefined;
            inline = '';
            hasInline = false;
            break;
          }
          case 'v':
            into = 'v';
            value = '';
            break;
          case 'f':
            into = 'f';
            formula = '';
            break;
          case 'is':
            hasInline = true;
            break;
          case 't':
            if (hasInline && inPhonetic === 0) into = 't';
            break;
          case 'rPh':
            inPhonetic++;
            break;
          case 'mergeCell': {
            const r = parseRange(a.get('ref') ?? '');
            if (r && (r.bottom > r.top || r.right > r.left)) sheet.merges.push(r);
            break;
          }
        }
      },
      close(name) {
        if (name === 'v' || name === 'f' || name === 't') into = null;
        else if (name === 'rPh') inPhonetic--;
        else if (name === 'c') {
          const cell = makeCell(ref.row, ref.col, t, style, value, formula, hasInline ? inline : undefined, ctx);
          if (cell) {
            if (sheet.cells.size >= ctx.cellsLeft) throw tooLarge();
            sheet.cells.set(cellKey(cell.row, cell.col), cell);
            if (cell.row > sheet.maxRow) sheet.maxRow = cell.row;
            if (cell.col > sheet.maxCol) sheet.maxCol = cell.col;
          }
        }
      },
      text(s) {
        if (into === 'v') value += s;
        else if (into === 'f') formula += s;
        else if (into === 't') inline += s;
      },
    },
    info.part,
  );
  return sheet;
}

/** A cell from its parsed parts; undefined for a cell with neither a value nor a formula. */
function makeCell(row: number, col: number, t: string, style: number, v: string | undefined, f: string | undefined, inline: string | undefined, ctx: SheetContext): Cell | undefined {
  let cell: Cell;
  if (t === 'inlineStr') {
    if (inline === undefined || inline === '') return undefined;
    cell = { row, col, type: 'string', value: inline };
  } else if (v === undefined || (v.trim() === '' && t !== 'str')) {
    // An empty <v/> is no value, except the empty text a string formula may compute.
    if (f === undefined) return undefined;
    return { row, col, type: 'empty', value: '', formula: f.trim(), cached: false };
  } else if (t === 's') {
    const s = ctx.strings[Number(v)];
    if (s === undefined) throw new XlsxError('xlsx-corrupt', { variant: 'string' }, { cell: cellRef(row, col), row, col });
    if (s === '' && f === undefined) return undefined;
    cell = { row, col, type: 'string', value: s };
  } else if (t === 'str') {
    if (v === '' && f === undefined) return undefined;
    cell = { row, col, type: 'string', value: v };
  } else if (t === 'b') {
    cell = { row, col, type: 'bool', value: v.trim() === '1' || v.trim() === 'true' ? 'TRUE' : 'FALSE' };
  } else if (t === 'e') {
    cell = { row, col, type: 'error', value: v.trim() };
  } else if (t === 'd') {
    cell = { row, col, type: 'string', value: v, date: v.slice(0, 10) };
  } else {
    cell = numberCell(row, col, v, ctx.formats[style] ?? GENERAL, ctx.date1904);
  }
  if (f !== undefined) {
    cell.formula = f.trim();
    cell.cached = true;
  }
  return cell;
}

function numberCell(row: number, col: number, v: string, fmt: NumberFormat, date1904: boolean): Cell {
  const shown = shownDecimal(v);
  if (shown === null) throw new XlsxError('xlsx-corrupt', { variant: 'number' }, { cell: cellRef(row, col), row, col });
  const cell: Cell = { row, col, type: 'number', value: shown };
  if (fmt.percent) {
    cell.value = timesHundred(shown);
    cell.percent = true;
  }
  if (fmt.decimals !== undefined) cell.decimals = fmt.decimals;
  if (fmt.date) {
    const iso = serialToIsoDate(Number(v), date1904);
    if (iso) cell.date = iso;
  }
  return cell;
}
