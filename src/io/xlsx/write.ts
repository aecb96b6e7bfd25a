// Writes workbooks that look like the official forms: cells (numbers as numbers, text as shared
// strings), styles (styles-write.ts), merged ranges, column widths, row heights, list drop-downs,
// frozen header rows, hidden sheets, and A4 landscape pages fitted to the width. The same
// description always gives the same bytes (no timestamps, everything in a fixed order).
import { cellRef, parseRange, rangeRef, type Range } from './cells.js';
import { REPORT_PROPERTY, type SheetState } from './read.js';
import { StyleTable, type CellStyle } from './styles-write.js';
import { escapeXml } from './xml.js';
import { writeZip } from './zip.js';

export type { CellStyle } from './styles-write.js';
export { REPORT_PROPERTY };

/** A number as a canonical decimal string keeps its digits exactly ({ number: '0.8727' }). */
export type CellValue = string | number | boolean | null | { number: string } | { formula: string; cached?: number | string };

export interface WriteCell {
  /** 1-based. */
  row: number;
  col: number;
  value: CellValue;
  style?: CellStyle;
}

export interface Validation {
  /** Cells it applies to ('B8:B40'). */
  ref: string;
  /** The choices, or a range holding them ("'选项'!$A$1:$A$4"). */
  list: string[] | { range: string };
}

export interface WriteSheet {
  name: string;
  state?: SheetState;
  cells: WriteCell[];
  merges?: string[];
  /** Column widths in characters, by 1-based column. */
  widths?: Record<number, number>;
  /** Row heights in points, by 1-based row. */
  heights?: Record<number, number>;
  validations?: Validation[];
  /** Rows kept in view when scrolling (the form's header). */
  freezeRows?: number;
  /** A4 landscape, fitted to one page wide (the default for every written sheet). */
  portrait?: boolean;
}

const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS_PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

export interface WorkbookOptions {
  /**
   * Custom document properties (File › Properties › Custom in Excel, kept when the workbook is
   * saved again). bpm marks its reports with one (REPORT_PROPERTY), so that a report is never
   * read back as a filled-in form nor protected like one.
   */
  properties?: Record<string, string>;
}

/** The .xlsx bytes of the given sheets, in order. */
export function writeWorkbook(sheets: WriteSheet[], opts: WorkbookOptions = {}): Buffer {
  const styles = new StyleTable();
  const strings = new SharedStrings();
  const sheetXml = sheets.map((s) => worksheet(s, styles, strings));
  const custom = Object.entries(opts.properties ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const rels = [
    `<Relationship Id="rId1" Type="${NS_REL}/officeDocument" Target="xl/workbook.xml"/>`,
    `<Relationship Id="rId2" Type="${NS_REL}/extended-properties" Target="docProps/app.xml"/>`,
    ...(custom.length ? [`<Relationship Id="rId3" Type="${NS_REL}/custom-properties" Target="docProps/custom.xml"/>`] : []),
  ];
  const entries = [
    { name: '[Content_Types].xml', data: contentTypes(sheets.length, custom.length > 0) },
    { name: '_rels/.rels', data: xml(`<Relationships xmlns="${NS_PKG_REL}">${rels.join('')}</Relationships>`) },
    { name: 'docProps/app.xml', data: xml(`<Properties xmlns="${NS_EXT_PROPS}"><Application>bpm</Application></Properties>`) },
    ...(custom.length ? [{ name: 'docProps/custom.xml', data: xml(customProperties(custom)) }] : []),
    { name: 'xl/workbook.xml', data: xml(workbook(sheets)) },
    { name: 'xl/_rels/workbook.xml.rels', data: xml(workbookRels(sheets.length)) },
    ...sheetXml.map((x, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, data: xml(x) })),
    { name: 'xl/styles.xml', data: Buffer.from(styles.xml(), 'utf8') },
    { name: 'xl/sharedStrings.xml', data: xml(strings.xml()) },
  ];
  return writeZip(entries);
}

function xml(body: string): Buffer {
  return Buffer.from(HEAD + body, 'utf8');
}

const NS_EXT_PROPS = 'http://schemas.openxmlformats.org/officeDocument/2006/extended-properties';
const NS_CUSTOM_PROPS = 'http://schemas.openxmlformats.org/officeDocument/2006/custom-properties';
const NS_VT = 'http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes';

/** Text-valued custom properties; pid 2 upwards, the format id every Office application uses. */
function customProperties(props: [string, string][]): string {
  const items = props.map(([name, value], i) => `<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="${i + 2}" name="${escapeXml(name)}"><vt:lpwstr>${escapeXml(value)}</vt:lpwstr></property>`);
  return `<Properties xmlns="${NS_CUSTOM_PROPS}" xmlns:vt="${NS_VT}">${items.join('')}</Properties>`;
}

function contentTypes(n: number, custom: boolean): Buffer {
  const ct = 'application/vnd.openxmlformats-officedocument.spreadsheetml';
  const sheets = Array.from({ length: n }, (_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="${ct}.worksheet+xml"/>`).join('');
  return xml(
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      `<Override PartName="/xl/workbook.xml" ContentType="${ct}.sheet.main+xml"/>` +
      sheets +
      `<Override PartName="/xl/styles.xml" ContentType="${ct}.styles+xml"/>` +
      `<Override PartName="/xl/sharedStrings.xml" ContentType="${ct}.sharedStrings+xml"/>` +
      '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>' +
      (custom ? '<Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/>' : '') +
      '</Types>',
  );
}

function workbook(sheets: WriteSheet[]): string {
  // The sheet shown on opening must be a visible one.
  const active = Math.max(0, sheets.findIndex((s) => (s.state ?? 'visible') === 'visible'));
  const list = sheets
    .map((s, i) => `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}"${s.state && s.state !== 'visible' ? ` state="${s.state}"` : ''} r:id="rId${i + 1}"/>`)
    .join('');
  const formulas = sheets.some((s) => s.cells.some((c) => isFormula(c.value)));
  return (
    `<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}"><workbookPr/>` +
    `<bookViews><workbookView activeTab="${active}"${active > 0 ? ` firstSheet="${active}"` : ''}/></bookViews>` +
    `<sheets>${list}</sheets>` +
    // Cached formula values written by bpm are right, but a reader that recalculates may do so.
    (formulas ? '<calcPr calcId="0" fullCalcOnLoad="1"/>' : '') +
    '</workbook>'
  );
}

function workbookRels(n: number): string {
  const rels = Array.from({ length: n }, (_, i) => `<Relationship Id="rId${i + 1}" Type="${NS_REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`);
  rels.push(`<Relationship Id="rId${n + 1}" Type="${NS_REL}/styles" Target="styles.xml"/>`);
  rels.push(`<Relationship Id="rId${n + 2}" Type="${NS_REL}/sharedStrings" Target="sharedStrings.xml"/>`);
  return `<Relationships xmlns="${NS_PKG_REL}">${rels.join('')}</Relationships>`;
}

function isFormula(v: CellValue): v is { formula: string; cached?: number | string } {
  return typeof v === 'object' && v !== null && 'formula' in v;
}

/** The worksheet part; its children in the order the schema requires. */
function worksheet(s: WriteSheet, styles: StyleTable, strings: SharedStrings): string {
  const merges = (s.merges ?? []).map((m) => {
    const r = parseRange(m);
    if (!r) throw new Error(`bad merge range ${m}`);
    return r;
  });
  const cells = withMergeStyles(s.cells, merges);
  const byRow = new Map<number, WriteCell[]>();
  for (const c of cells) {
    const list = byRow.get(c.row);
    if (list) list.push(c);
    else byRow.set(c.row, [c]);
  }
  for (const r of Object.keys(s.heights ?? {})) if (!byRow.has(Number(r))) byRow.set(Number(r), []);
  const rows = [...byRow.keys()].sort((a, b) => a - b);
  let maxCol = 1;
  for (const c of cells) maxCol = Math.max(maxCol, c.col);
  const maxRow = Math.max(1, ...rows);

  const out: string[] = [`<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">`];
  out.push(`<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>`);
  out.push(`<dimension ref="${rangeRef({ top: 1, left: 1, bottom: maxRow, right: maxCol })}"/>`);
  const freeze = s.freezeRows
    ? `<pane ySplit="${s.freezeRows}" topLeftCell="${cellRef(s.freezeRows + 1, 1)}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft"/>`
    : '';
  out.push(`<sheetViews><sheetView workbookViewId="0">${freeze}</sheetView></sheetViews>`);
  out.push('<sheetFormatPr defaultRowHeight="14.25"/>');
  const widths = Object.entries(s.widths ?? {}).sort((a, b) => Number(a[0]) - Number(b[0]));
  if (widths.length) out.push(`<cols>${widths.map(([c, w]) => `<col min="${c}" max="${c}" width="${w}" customWidth="1"/>`).join('')}</cols>`);
  out.push('<sheetData>');
  for (const r of rows) {
    const h = s.heights?.[r];
    const list = byRow.get(r)!.sort((a, b) => a.col - b.col);
    out.push(`<row r="${r}"${h ? ` ht="${h}" customHeight="1"` : ''}>${list.map((c) => cellXml(c, styles, strings)).join('')}</row>`);
  }
  out.push('</sheetData>');
  if (merges.length) out.push(`<mergeCells count="${merges.length}">${merges.map((m) => `<mergeCell ref="${rangeRef(m)}"/>`).join('')}</mergeCells>`);
  if (s.validations?.length) {
    out.push(`<dataValidations count="${s.validations.length}">`);
    for (const v of s.validations) {
      const formula = Array.isArray(v.list) ? `"${v.list.join(',')}"` : v.list.range;
      out.push(`<dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1" sqref="${v.ref}"><formula1>${escapeXml(formula)}</formula1></dataValidation>`);
    }
    out.push('</dataValidations>');
  }
  out.push('<printOptions horizontalCentered="1"/>');
  out.push('<pageMargins left="0.5" right="0.5" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>');
  // paperSize 9 is A4; fitToHeight 0: as many pages down as needed.
  out.push(`<pageSetup paperSize="9" orientation="${s.portrait ? 'portrait' : 'landscape'}" fitToWidth="1" fitToHeight="0"/>`);
  out.push('</worksheet>');
  return out.join('');
}

/**
 * Borders of a merged range show only where its cells carry them: every blank cell of a merge
 * takes the style of the range's top-left cell.
 */
function withMergeStyles(cells: WriteCell[], merges: Range[]): WriteCell[] {
  if (merges.length === 0) return cells;
  const at = new Map(cells.map((c) => [`${c.row},${c.col}`, c]));
  const extra: WriteCell[] = [];
  for (const m of merges) {
    const style = at.get(`${m.top},${m.left}`)?.style;
    if (!style) continue;
    for (let r = m.top; r <= m.bottom; r++) {
      for (let c = m.left; c <= m.right; c++) if (!at.has(`${r},${c}`)) extra.push({ row: r, col: c, value: null, style });
    }
  }
  return extra.length ? [...cells, ...extra] : cells;
}

function cellXml(c: WriteCell, styles: StyleTable, strings: SharedStrings): string {
  const s = styles.id(c.style);
  const head = `<c r="${cellRef(c.row, c.col)}"${s ? ` s="${s}"` : ''}`;
  const v = c.value;
  if (v === null || v === '') return `${head}/>`;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new Error(`not a finite number at ${cellRef(c.row, c.col)}`);
    return `${head}><v>${v}</v></c>`;
  }
  if (typeof v === 'boolean') return `${head} t="b"><v>${v ? 1 : 0}</v></c>`;
  if (typeof v === 'string') return `${head} t="s"><v>${strings.index(v)}</v></c>`;
  if ('number' in v) {
    if (!/^-?\d+(\.\d+)?$/.test(v.number)) throw new Error(`not a decimal: ${v.number} at ${cellRef(c.row, c.col)}`);
    return `${head}><v>${v.number}</v></c>`;
  }
  const cached = v.cached === undefined ? '' : `<v>${typeof v.cached === 'number' ? v.cached : escapeXml(v.cached)}</v>`;
  return `${head}${typeof v.cached === 'string' ? ' t="str"' : ''}><f>${escapeXml(v.formula)}</f>${cached}</c>`;
}

/** Shared strings in the order of first use. */
class SharedStrings {
  private map = new Map<string, number>();
  private uses = 0;

  index(s: string): number {
    this.uses++;
    let i = this.map.get(s);
    if (i === undefined) {
      i = this.map.size;
      this.map.set(s, i);
    }
    return i;
  }

  xml(): string {
    const items = [...this.map.keys()].map((s) => `<si><t${/^\s|\s$|\n/.test(s) ? ' xml:space="preserve"' : ''}>${escapeXml(s)}</t></si>`).join('');
    return `<sst xmlns="${NS_MAIN}" count="${this.uses}" uniqueCount="${this.map.size}">${items}</sst>`;
  }
}
