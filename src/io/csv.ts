// Monitoring CSV files (docs/formats.md#monitoring-data-csv), the syntactic layer: encoding, header, cells and
// numbers. Whether a project, metric or period exists is checked later, against the dossiers.
import { promises as fsp } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import type { Diagnostic } from '../core/diagnostics.js';
import type { MonitoringRow } from '../core/monitoring/data.js';
import { InputError } from '../errors.js';
import { MonitoringCsvReader } from './csv-reader.js';
import { createDecoder, decodeText, detectEncoding, forcedMismatchDiagnostic, mismatchDiagnostic, Utf8Validator } from './encoding.js';

export { decodeText } from './encoding.js';
export { parseNumber } from './number.js';
export { MAX_DIAGNOSTICS } from './csv-reader.js';
export { MAX_RECORD } from './csv-tokenizer.js';

export type { MonitoringRow } from '../core/monitoring/data.js';

export interface CsvOptions {
  /** Forced encoding (`--encoding`): utf8, gbk, gb18030, utf16le, utf16be. */
  encoding?: string;
  /** Bytes read at a time by streamMonitoringCsv (default 1 MiB; tests use tiny chunks). */
  chunkSize?: number;
}

export interface ParsedCsv {
  rows: MonitoringRow[];
  diagnostics: Diagnostic[];
  encoding: string;
}

/** 512 KiB: as fast as larger chunks, with a lower peak memory. */
const DEFAULT_CHUNK = 1 << 19;

/** Parses a whole monitoring CSV file held in memory. */
export function parseMonitoringCsv(bytes: Buffer, file: string, opts: CsvOptions = {}): ParsedCsv {
  const decoded = decodeText(bytes, opts.encoding, file);
  const rows: MonitoringRow[] = [];
  const reader = new MonitoringCsvReader(file, (r) => rows.push(r));
  for (const d of decoded.diagnostics) if (d.code === 'encoding-mismatch') reader.report(d);
  const nul = decoded.text.indexOf('\0');
  if (nul >= 0) {
    reader.push(decoded.text.slice(0, nul));
    reader.stopAtBinary();
  } else {
    reader.push(decoded.text);
  }
  reader.end();
  return { rows, diagnostics: reader.diagnostics, encoding: decoded.encoding };
}

/**
 * Reads a monitoring CSV file in chunks with bounded memory, calling `onRow` for each row.
 * Gives the same rows and diagnostics as parseMonitoringCsv on the same bytes. Throws
 * InputError when the file cannot be read.
 */
export async function streamMonitoringCsv(
  path: string,
  file: string,
  opts: CsvOptions,
  onRow: (row: MonitoringRow) => void,
): Promise<{ diagnostics: Diagnostic[]; rows: number; encoding: string }> {
  let fh: FileHandle;
  try {
    fh = await fsp.open(path, 'r');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new InputError('missing-file', { file });
    throw new InputError('unreadable-file', { file, reason: code ?? String(err) });
  }
  const CHUNK = Math.max(4, opts.chunkSize ?? DEFAULT_CHUNK);
  try {
    // A fresh buffer per chunk: decoders may keep a reference to the previous one.
    const read = async (position: number): Promise<Buffer> => {
      const buf = Buffer.allocUnsafe(CHUNK);
      let filled = 0;
      try {
        while (filled < CHUNK) {
          const { bytesRead } = await fh.read(buf, filled, CHUNK - filled, position + filled);
          if (bytesRead === 0) break;
          filled += bytesRead;
        }
      } catch (err) {
        throw new InputError('unreadable-file', { file, reason: (err as NodeJS.ErrnoException).code ?? String(err) });
      }
      return buf.subarray(0, filled);
    };
    const head = await read(0);
    /** Whether the file is UTF-8 from byte `from` of the head to its end, read chunk by chunk. */
    const isUtf8From = async (from: number): Promise<boolean> => {
      const check = new Utf8Validator();
      let ok = check.write(head.subarray(from));
      for (let pos = head.length; ok && head.length === CHUNK; ) {
        const chunk = await read(pos);
        if (chunk.length === 0) break;
        ok = check.write(chunk);
        pos += chunk.length;
      }
      return ok && check.end();
    };
    // Validity of the whole file decides between UTF-8 and GB18030, so that a GBK character
    // late in a big file gives the same result as parseMonitoringCsv. isUtf8 is fast (SIMD).
    let provisional = false;
    let det = detectEncoding(head, opts.encoding, () => {
      provisional = true; // checked below, with the rest of the file
      return true;
    });
    if (provisional && !(await isUtf8From(det.bom))) det = { encoding: 'gb18030', bom: det.bom, mismatch: det.bom === 3 };
    // --encoding utf-8 for bytes that are not UTF-8 (a GBK file) is said, as parseMonitoringCsv says it.
    const forcedInvalid = opts.encoding !== undefined && det.encoding === 'utf-8' && !(await isUtf8From(det.bom));

    let rows = 0;
    const reader = new MonitoringCsvReader(file, (r) => {
      rows++;
      onRow(r);
    });
    if (det.mismatch) reader.report(mismatchDiagnostic(file));
    if (forcedInvalid) reader.report(forcedMismatchDiagnostic(file, opts.encoding!));
    const decoder = createDecoder(det.encoding);
    let stopped = false;
    const feed = (text: string): void => {
      if (stopped) return;
      const nul = text.indexOf('\0');
      if (nul < 0) {
        reader.push(text);
        return;
      }
      reader.push(text.slice(0, nul));
      reader.stopAtBinary();
      stopped = true;
    };
    feed(decoder.write(head.subarray(det.bom)));
    for (let pos = head.length; !stopped && head.length === CHUNK; ) {
      const chunk = await read(pos);
      if (chunk.length === 0) break;
      feed(decoder.write(chunk));
      pos += chunk.length;
    }
    if (!stopped) feed(decoder.end());
    reader.end();
    return { diagnostics: reader.diagnostics, rows, encoding: det.encoding };
  } finally {
    await fh.close();
  }
}

