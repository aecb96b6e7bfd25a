// The row layer of monitoring CSV files: picks the delimiter from the header line, maps header
// names and aliases to columns, and turns tokenizer records into MonitoringRows and diagnostics.
import type { Diagnostic } from '../core/diagnostics.js';
import type { CsvCode } from './codes.js';
import { CsvTokenizer, MAX_RECORD, type RawRecord } from './csv-tokenizer.js';
import { binaryDiagnostic } from './encoding.js';
import { parseNumber } from './number.js';
import type { MonitoringRow } from './csv.js';

export type Column = 'project' | 'period' | 'metric' | 'value' | 'note';

export const REQUIRED: readonly Column[] = ['project', 'period', 'metric', 'value'];

/** Header names by column; matched case-insensitively after trimming. */
const HEADER_ALIASES: Record<Column, string[]> = {
  project: ['project', '项目编码', '项目代码', '项目'],
  period: ['period', '期间', '季度', '月份'],
  metric: ['metric', '指标编码', '指标', '指标代码'],
  value: ['value', '累计值', '数值', '实际值', '值'],
  note: ['note', '说明', '偏差原因', '备注'],
};

const HEADER_LOOKUP = new Map<string, Column>();
for (const [col, names] of Object.entries(HEADER_ALIASES) as Array<[Column, string[]]>) {
  for (const n of names) HEADER_LOOKUP.set(n.toLowerCase(), col);
}

/**
 * The monitoring columns a header row names, and whether it names every required one (a file
 * bpm would read as monitoring data).
 */
export function monitoringColumns(cells: readonly string[]): { found: Set<Column>; complete: boolean } {
  const found = new Set<Column>();
  for (const cell of cells) {
    const name = cell.trim().replace(/^"|"$/g, '');
    const col = HEADER_LOOKUP.get(name.toLowerCase()) ?? HEADER_LOOKUP.get(stripUnit(name).toLowerCase());
    if (col) found.add(col);
  }
  return { found, complete: REQUIRED.every((c) => found.has(c)) };
}

/** At most this many diagnostics per file are kept; the rest are counted in one more. */
export const MAX_DIAGNOSTICS = 10_000;

/**
 * Turns decoded text, pushed in chunks of any size, into monitoring rows and diagnostics.
 * The delimiter is taken from the header line: comma, or tab (Excel's "Unicode text") or
 * semicolon when they are more frequent there.
 */
export class MonitoringCsvReader {
  readonly diagnostics: Diagnostic<CsvCode>[] = [];
  private omitted = 0;
  private sniff = '';
  private tokenizer: CsvTokenizer | null = null;
  private columns: Partial<Record<Column, number>> | null = null;
  private headerSeen = false;
  private width = 0;
  private stopped = false;
  /** The header showed the file is binary: one diagnostic says so, a NUL later adds nothing. */
  private binary = false;
  /** Values written in full-width characters, read as ASCII: one note for the file, at the first. */
  private fullWidth = 0;
  private fullWidthAt: [number, number] = [1, 1];

  constructor(
    private readonly file: string,
    private readonly onRow: (row: MonitoringRow) => void,
  ) {}

  push(text: string): void {
    if (this.stopped || text.length === 0) return;
    if (this.tokenizer) {
      this.tokenizer.push(text);
      return;
    }
    this.sniff += text;
    const delimiter = sniffDelimiter(this.sniff, false);
    if (delimiter !== null) this.start(delimiter);
  }

  /** Input stops at a NUL character: reports binary content there and drops the partial record. */
  stopAtBinary(): void {
    if (this.stopped) return;
    const tok = this.tokenizer ?? this.start(sniffDelimiter(this.sniff, true) ?? ',');
    tok.abort();
    this.stopped = true;
    if (!this.binary) this.report(binaryDiagnostic(this.file, tok.line, tok.column));
    if (this.omitted > 0) this.reportOmitted();
  }

  end(): void {
    if (this.stopped) return;
    this.stopped = true;
    const tok = this.tokenizer ?? this.start(sniffDelimiter(this.sniff, true) ?? ',');
    tok.end();
    const anyError = this.diagnostics.some((d) => d.severity === 'error');
    if (!this.headerSeen && !anyError) this.report(this.diag('csv-empty', 1, 1, {}));
    if (this.fullWidth > 0) this.report(this.diag('full-width-normalised', this.fullWidthAt[0], this.fullWidthAt[1], { count: this.fullWidth, variant: 'csv' }, 'info'));
    if (this.omitted > 0) this.reportOmitted();
  }

  report(d: Diagnostic<CsvCode>): void {
    if (this.diagnostics.length < MAX_DIAGNOSTICS) this.diagnostics.push(d);
    else this.omitted++;
  }

  private reportOmitted(): void {
    const last = this.diagnostics[this.diagnostics.length - 1];
    this.diagnostics.push(this.diag('csv-too-many-problems', last?.line ?? 1, 1, { omitted: this.omitted, max: MAX_DIAGNOSTICS }, 'warning'));
  }

  private start(delimiter: string): CsvTokenizer {
    const tok = new CsvTokenizer(delimiter, {
      record: (rec) => this.record(rec),
      problem: (code, line, column, args) =>
        this.report(this.diag(code, line, column, args, code === 'csv-stray-quote' ? 'warning' : 'error')),
    });
    this.tokenizer = tok;
    const text = this.sniff;
    this.sniff = '';
    tok.push(text);
    return tok;
  }

  private diag(code: CsvCode, line: number, column: number, args: Diagnostic['args'], severity: Diagnostic['severity'] = 'error'): Diagnostic<CsvCode> {
    return { code, severity, file: this.file, line, column, args };
  }

  private record(rec: RawRecord): void {
    const f = rec.fields;
    if (f[0].trim() === '' && isBlank(f) && !rec.tooLong) return;
    if (!this.headerSeen) {
      this.headerSeen = true;
      this.header(rec);
      return;
    }
    const cols = this.columns;
    if (!cols) return; // the header is broken and was reported: no rows from this file
    if (rec.tooLong) {
      this.report(this.diag('csv-record-too-long', rec.line, 1, { max: MAX_RECORD }));
      return;
    }
    if (f.length !== this.width) {
      this.report(this.diag('csv-column-count', rec.line, 1, { expected: this.width, actual: f.length }));
      return;
    }
    const project = f[cols.project!].trim();
    const period = f[cols.period!].trim();
    const metric = f[cols.metric!].trim();
    if (project === '' || period === '' || metric === '') {
      const name = project === '' ? 'project' : period === '' ? 'period' : 'metric';
      const [line, column] = fieldPosition(rec, cols[name]!);
      this.report(this.diag('csv-empty-cell', line, column, { column: name }));
      return;
    }
    const raw = f[cols.value!].trim();
    let value: string | null = null;
    let percent = false;
    if (raw === '') {
      const [line, column] = fieldPosition(rec, cols.value!);
      this.report(this.diag('value-empty', line, column, { metric }));
    } else {
      const num = parseNumber(raw);
      if (num && !Number.isFinite(Number(num.value))) {
        // Digits beyond the range of a double (1e309 written out): no figure can be made of it.
        const [line, column] = fieldPosition(rec, cols.value!);
        const shown = raw.length > 40 ? `${raw.slice(0, 20)}…${raw.slice(-10)}` : raw;
        this.report(this.diag('value-not-number', line, column, { value: shown, variant: 'range' }));
      } else if (num) {
        value = num.value;
        percent = num.percent;
        if (num.fullWidth && this.fullWidth++ === 0) this.fullWidthAt = fieldPosition(rec, cols.value!);
      } else {
        const [line, column] = fieldPosition(rec, cols.value!);
        this.report(this.diag('value-not-number', line, column, { value: raw }));
      }
    }
    const row: MonitoringRow = { file: this.file, line: rec.line, project, period, metric, value, percent };
    if (cols.note !== undefined) {
      const note = f[cols.note].trim();
      if (note !== '') row.note = note;
    }
    this.onRow(row);
  }

  private header(rec: RawRecord): void {
    // A header never holds control characters (or undecodable bytes): a binary file (an .xlsx
    // named .csv) is one problem, not a list of missing and unknown columns.
    for (let k = 0; k < rec.fields.length; k++) {
      const at = rec.fields[k].search(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffd]/);
      if (at < 0) continue;
      const [line, column] = fieldPosition(rec, k);
      const char = `U+${rec.fields[k].charCodeAt(at).toString(16).toUpperCase().padStart(4, '0')}`;
      this.report({ ...binaryDiagnostic(this.file, line, column + at), args: { variant: 'control', char } });
      this.columns = null;
      this.binary = true;
      return;
    }
    const found: Partial<Record<Column, number>> = {};
    let ok = true;
    rec.fields.forEach((cell, k) => {
      const name = cell.trim();
      if (name === '') return; // an empty header cell (a trailing comma): ignored
      const col = headerColumn(name);
      const [line, column] = fieldPosition(rec, k);
      if (!col) {
        this.report(this.diag('csv-unknown-column', line, column, { column: name }, 'warning'));
      } else if (found[col] !== undefined) {
        this.report(this.diag('csv-duplicate-column', line, column, { column: col, header: name }));
        ok = false;
      } else {
        found[col] = k;
      }
    });
    for (const col of REQUIRED) {
      if (found[col] === undefined) {
        this.report(this.diag('csv-missing-column', rec.line, 1, { column: col }));
        ok = false;
      }
    }
    if (rec.tooLong) {
      this.report(this.diag('csv-record-too-long', rec.line, 1, { max: MAX_RECORD }));
      ok = false;
    }
    this.width = rec.fields.length;
    this.columns = ok ? found : null;
  }
}

/** The column a header cell names (case-insensitive; a unit in brackets after the name ignored). */
export function headerColumn(name: string): Column | undefined {
  return HEADER_LOOKUP.get(name.toLowerCase()) ?? HEADER_LOOKUP.get(stripUnit(name).toLowerCase());
}

function isBlank(fields: string[]): boolean {
  for (const f of fields) if (f.trim() !== '') return false;
  return true;
}

/** `累计值(万元)`, `value (%)`: a unit in brackets after the column name is not part of it. */
function stripUnit(name: string): string {
  return name.replace(/\s*[(（][^()（）]*[)）]$/u, '');
}

/** Line and column of field `k`; computed from the cell lengths for a one-line record. */
function fieldPosition(rec: RawRecord, k: number): [number, number] {
  if (rec.positions) return rec.positions[k] ?? [rec.line, 1];
  let column = 1;
  for (let j = 0; j < k; j++) column += rec.fields[j].length + 1;
  return [rec.line, column];
}

/**
 * The delimiter from the first line that has content, once that line is complete (or `final`):
 * the most frequent of comma, tab and semicolon outside quotes; comma on a tie.
 */
function sniffDelimiter(text: string, final: boolean): string | null {
  let start = 0;
  while (start < text.length && (text[start] === '\r' || text[start] === '\n' || text[start] === ' ')) start++;
  let end = -1;
  let inQuotes = false;
  const counts = { ',': 0, '\t': 0, ';': 0 };
  for (let i = start; i < text.length && i < start + 65536; i++) {
    const c = text[i];
    if (c === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (c === '\n' || c === '\r')) {
      end = i;
      break;
    } else if (!inQuotes && (c === ',' || c === '\t' || c === ';')) counts[c]++;
  }
  if (end < 0 && !final && text.length < start + 65536) return null;
  if (counts['\t'] > counts[','] && counts['\t'] >= counts[';']) return '\t';
  if (counts[';'] > counts[',']) return ';';
  return ',';
}
