// Text decoding for input files: byte-order marks, UTF-8 and UTF-16 for YAML documents (YAML is
// Unicode), and for monitoring CSVs also the GB18030/GBK files that Excel writes on Chinese Windows.
import { isUtf8 } from 'node:buffer';
import { createRequire } from 'node:module';
import type { Diagnostic } from '../core/diagnostics.js';
import type { CsvCode } from './codes.js';
import { UsageError } from '../errors.js';

/** Names of the encodings bpm reads, as reported back to the caller. */
export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface DecodedText {
  text: string;
  encoding: string;
  diagnostics: Diagnostic<CsvCode>[];
}

/** A YAML document's text: its problems may also be bytes that are not UTF-8. */
export interface DecodedYaml extends Omit<DecodedText, 'diagnostics'> {
  diagnostics: Diagnostic<CsvCode | 'invalid-utf8'>[];
}

const ALIASES: Record<string, TextEncoding> = {
  utf8: 'utf-8',
  utf16le: 'utf-16le',
  ucs2: 'utf-16le',
  utf16be: 'utf-16be',
  gbk: 'gb18030',
  gb2312: 'gb18030',
  gb18030: 'gb18030',
  cp936: 'gb18030',
};

/**
 * The encoding named by `--encoding` (`utf8`, `UTF-8`, `gbk`, `gb18030`, `utf16le` …). GBK and
 * GB2312 are read as GB18030, which is a superset of both. Throws UsageError for other names.
 */
function normalizeEncoding(name: string): TextEncoding {
  const enc = ALIASES[name.toLowerCase().replace(/[^a-z0-9]/g, '')];
  if (!enc) throw new UsageError('unknown-encoding', { encoding: name });
  return enc;
}

export interface Detection {
  encoding: TextEncoding;
  /** Bytes of byte-order mark to skip. */
  bom: number;
  /** A UTF-8 BOM in front of bytes that are not UTF-8 (read as GB18030 instead). */
  mismatch: boolean;
}

/**
 * The encoding of a file from its first bytes, given whether the bytes after any BOM are valid
 * UTF-8 (the caller checks the whole file: a GBK character may come late in a big file).
 */
export function detectEncoding(head: Uint8Array, forced: string | undefined, restIsUtf8: (bom: number) => boolean): Detection {
  if (forced !== undefined) {
    const encoding = normalizeEncoding(forced);
    return { encoding, bom: bomLength(head, encoding), mismatch: false };
  }
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bom: 2, mismatch: false };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', bom: 2, mismatch: false };
  if (hasUtf8Bom(head)) {
    // Some tools put a UTF-8 BOM in front of GBK text: trust the bytes, not the BOM.
    return restIsUtf8(3) ? { encoding: 'utf-8', bom: 3, mismatch: false } : { encoding: 'gb18030', bom: 3, mismatch: true };
  }
  return { encoding: restIsUtf8(0) ? 'utf-8' : 'gb18030', bom: 0, mismatch: false };
}

function hasUtf8Bom(b: Uint8Array): boolean {
  return b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf;
}

/** The BOM to skip when the encoding is forced. A UTF-8 BOM is skipped for GB18030 too (a lie). */
function bomLength(b: Uint8Array, enc: TextEncoding): number {
  if (enc === 'utf-8' || enc === 'gb18030') return hasUtf8Bom(b) ? 3 : 0;
  if (enc === 'utf-16le') return b[0] === 0xff && b[1] === 0xfe ? 2 : 0;
  return b[0] === 0xfe && b[1] === 0xff ? 2 : 0;
}

export interface ChunkDecoder {
  write(chunk: Buffer): string;
  end(): string;
}

/** A decoder that can be fed a file in chunks; characters split across chunks are handled. */
export function createDecoder(enc: TextEncoding): ChunkDecoder {
  if (enc === 'utf-8') return new Utf8ChunkDecoder();
  if (enc === 'gb18030') {
    // iconv-lite (CommonJS) is loaded only when a GB18030/GBK file comes along.
    const iconv = createRequire(import.meta.url)('iconv-lite') as typeof import('iconv-lite');
    const d = iconv.getDecoder('gb18030', { stripBOM: false });
    return { write: (b) => d.write(b), end: () => d.end() ?? '' };
  }
  const d = new TextDecoder(enc, { ignoreBOM: true });
  return { write: (b) => d.decode(b, { stream: true }), end: () => d.decode() };
}

/**
 * Decodes a whole file. Detection: UTF-8 with BOM, UTF-16LE/BE with BOM, UTF-8 without BOM when
 * the bytes are valid UTF-8, else GB18030 (covers GBK and GB2312). `forced` overrides it.
 * Reports `encoding-mismatch` (UTF-8 BOM in front of GBK bytes) and `binary-content` (a NUL
 * character: not a text file, or UTF-16 without a BOM). The text is returned in full either way.
 */
export function decodeText(bytes: Buffer, forced?: string, file?: string): DecodedText {
  const det = detectEncoding(bytes, forced, (bom) => isUtf8(bytes.subarray(bom)));
  let text: string;
  if (det.encoding === 'utf-8') {
    text = bytes.toString('utf8', det.bom); // whole buffer at once: no streaming decoder needed
  } else {
    const d = createDecoder(det.encoding);
    text = d.write(bytes.subarray(det.bom)) + d.end();
  }
  const diagnostics: Diagnostic<CsvCode>[] = [];
  if (det.mismatch) diagnostics.push(mismatchDiagnostic(file));
  if (forced !== undefined && det.encoding === 'utf-8' && !isUtf8(bytes.subarray(det.bom))) diagnostics.push(forcedMismatchDiagnostic(file, forced));
  const nul = text.indexOf('\0');
  if (nul >= 0) {
    const { line, column } = positionOf(text, nul);
    diagnostics.push(binaryDiagnostic(file, line, column));
  }
  return { text, encoding: det.encoding, diagnostics };
}

/**
 * Decodes a YAML document: UTF-8 with or without a BOM, or UTF-16 or UTF-32 with a BOM (the
 * encodings YAML 1.2 reads). YAML is Unicode, so bytes that are not UTF-8 are never read as GBK
 * (which would turn every Chinese value into mojibake): the first invalid sequence is reported
 * (`invalid-utf8`) at its line and column, and the text is returned with U+FFFD in its place. A
 * NUL character is `binary-content` instead.
 */
export function decodeYamlText(bytes: Buffer, file?: string): DecodedYaml {
  // UTF-32's little-endian mark begins like UTF-16's: it is looked for first.
  const utf32 = bytes[0] === 0xff && bytes[1] === 0xfe && bytes[2] === 0 && bytes[3] === 0 ? 'le' : bytes[0] === 0 && bytes[1] === 0 && bytes[2] === 0xfe && bytes[3] === 0xff ? 'be' : undefined;
  if (utf32 !== undefined) return decodeUtf32(bytes, utf32 === 'le', file);
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  const bom = hasUtf8Bom(bytes) ? 3 : 0;
  const body = bytes.subarray(bom);
  if (utf16) return decodeText(bytes, undefined, file);
  const valid = isUtf8(body);
  // The common case, valid UTF-8 without a NUL byte: decoded once, nothing else to look for.
  if (valid && body.indexOf(0) < 0) return { text: body.toString('utf8'), encoding: 'utf-8', diagnostics: [] };
  if (valid) return decodeText(bytes, 'utf-8', file);
  const text = body.toString('utf8');
  const nul = text.indexOf('\0');
  if (nul >= 0) {
    // Not text at all (a binary file, or UTF-16 without a BOM): say that rather than name bytes.
    const { line, column } = positionOf(text, nul);
    return { text, encoding: 'utf-8', diagnostics: [binaryDiagnostic(file, line, column)] };
  }
  const invalid = invalidUtf8(body);
  const first = invalid[0];
  if (first === undefined) return { text, encoding: 'utf-8', diagnostics: [] }; // isUtf8 and this never disagree
  const before = body.toString('utf8', 0, first.index);
  const { line, column } = positionOf(before, before.length);
  const args = { bytes: hexBytes(body.subarray(first.index, first.index + first.length)), count: invalid.length, ...(invalid.length > 1 ? { variant: 'many' } : {}) };
  return { text, encoding: 'utf-8', diagnostics: [{ code: 'invalid-utf8', severity: 'error', file, line, column, args }] };
}

/**
 * A UTF-32 document after its byte-order mark: four bytes a character. A unit that is no
 * character (above U+10FFFF, a surrogate, or the bytes left over at the end) is `invalid-utf8`
 * (variant utf32) at its place, as U+FFFD in the text; a NUL character is `binary-content`.
 */
function decodeUtf32(bytes: Buffer, le: boolean, file?: string): DecodedYaml {
  const pieces: string[] = [];
  const chunk: number[] = [];
  let units = 0; // UTF-16 code units of the text so far
  let bad: { at: number; bytes: Uint8Array } | undefined;
  let badCount = 0;
  let nul = -1;
  for (let i = 4; i < bytes.length; i += 4) {
    let cp: number;
    if (i + 4 > bytes.length) cp = -1;
    else if (le) cp = (bytes[i] | (bytes[i + 1] << 8) | (bytes[i + 2] << 16) | (bytes[i + 3] << 24)) >>> 0;
    else cp = ((bytes[i] << 24) | (bytes[i + 1] << 16) | (bytes[i + 2] << 8) | bytes[i + 3]) >>> 0;
    if (cp < 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
      bad ??= { at: units, bytes: bytes.subarray(i, i + 4) };
      badCount++;
      cp = 0xfffd;
    } else if (cp === 0 && nul < 0) nul = units;
    chunk.push(cp);
    units += cp > 0xffff ? 2 : 1;
    if (chunk.length >= 4096) {
      pieces.push(String.fromCodePoint(...chunk));
      chunk.length = 0;
    }
  }
  pieces.push(String.fromCodePoint(...chunk));
  const text = pieces.join('');
  const encoding = le ? 'utf-32le' : 'utf-32be';
  if (nul >= 0) {
    const { line, column } = positionOf(text, nul);
    return { text, encoding, diagnostics: [binaryDiagnostic(file, line, column)] };
  }
  if (bad === undefined) return { text, encoding, diagnostics: [] };
  const { line, column } = positionOf(text, bad.at);
  return { text, encoding, diagnostics: [{ code: 'invalid-utf8', severity: 'error', file, line, column, args: { bytes: hexBytes(bad.bytes), count: badCount, variant: 'utf32' } }] };
}

/** Bytes as a person reads them in a message: `C3 28`. */
function hexBytes(bytes: Uint8Array): string {
  return [...bytes].map((b) => b.toString(16).toUpperCase().padStart(2, '0')).join(' ');
}

/**
 * Start and length of each invalid sequence in `b` (the maximal subparts of the Unicode standard,
 * as TextDecoder replaces them): a byte that cannot start a character, or a lead byte with too
 * few continuation bytes, overlong forms, surrogates and code points above U+10FFFF included.
 */
export function invalidUtf8(b: Uint8Array): { index: number; length: number }[] {
  const out: { index: number; length: number }[] = [];
  const n = b.length;
  let i = 0;
  while (i < n) {
    const c = b[i];
    if (c < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) need = 1;
    else if (c >= 0xe0 && c <= 0xef) {
      need = 2;
      if (c === 0xe0) lo = 0xa0; // overlong
      if (c === 0xed) hi = 0x9f; // surrogates
    } else if (c >= 0xf0 && c <= 0xf4) {
      need = 3;
      if (c === 0xf0) lo = 0x90; // overlong
      if (c === 0xf4) hi = 0x8f; // above U+10FFFF
    } else {
      out.push({ index: i, length: 1 });
      i++;
      continue;
    }
    let k = 1;
    while (k <= need) {
      const d = i + k < n ? b[i + k] : -1;
      if (d < lo || d > hi) break;
      lo = 0x80;
      hi = 0xbf;
      k++;
    }
    if (k <= need) out.push({ index: i, length: k });
    i += k;
  }
  return out;
}

export function mismatchDiagnostic(file: string | undefined): Diagnostic<CsvCode> {
  return { code: 'encoding-mismatch', severity: 'warning', file, line: 1, column: 1, args: { declared: 'utf-8', actual: 'gb18030' } };
}

/** --encoding utf-8 given for bytes that are not UTF-8 (a GBK file): read with replacement characters, and said. */
export function forcedMismatchDiagnostic(file: string | undefined, declared: string): Diagnostic<CsvCode> {
  return { code: 'encoding-mismatch', severity: 'warning', file, line: 1, column: 1, args: { declared, actual: 'utf-8', variant: 'forced' } };
}

export function binaryDiagnostic(file: string | undefined, line: number, column: number): Diagnostic<CsvCode> {
  return { code: 'binary-content', severity: 'error', file, line, column, args: {} };
}

/** 1-based line and column of `index`; CRLF, CR and LF each end one line. */
function positionOf(text: string, index: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < index; i++) {
    const c = text.charCodeAt(i);
    if (c === 13) {
      if (text.charCodeAt(i + 1) === 10 && i + 1 < index) i++;
      line++;
      lineStart = i + 1;
    } else if (c === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: index - lineStart + 1 };
}

/**
 * Checks a file for UTF-8 validity chunk by chunk: a multi-byte sequence split between two
 * chunks is carried over to the next one.
 */
export class Utf8Validator {
  private carry: Buffer = Buffer.alloc(0);
  private valid = true;

  write(chunk: Buffer): boolean {
    if (!this.valid) return false;
    const buf = this.carry.length > 0 ? Buffer.concat([this.carry, chunk]) : chunk;
    const cut = incompleteTail(buf);
    this.carry = Buffer.from(buf.subarray(cut));
    this.valid = isUtf8(buf.subarray(0, cut));
    return this.valid;
  }

  end(): boolean {
    if (this.valid && this.carry.length > 0) this.valid = isUtf8(this.carry);
    return this.valid;
  }
}

/**
 * UTF-8 in chunks: a sequence cut by the chunk boundary is carried over, and each complete part
 * is decoded in one non-streaming TextDecoder call (faster than StringDecoder or a streaming
 * TextDecoder on large files, and byte-for-byte the same text as decoding the whole file).
 */
class Utf8ChunkDecoder implements ChunkDecoder {
  private readonly decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  private carry: Buffer | null = null;

  write(chunk: Buffer): string {
    const buf = this.carry ? Buffer.concat([this.carry, chunk]) : chunk;
    const cut = incompleteTail(buf);
    this.carry = cut < buf.length ? Buffer.from(buf.subarray(cut)) : null;
    return this.decoder.decode(buf.subarray(0, cut));
  }

  end(): string {
    const rest = this.carry;
    this.carry = null;
    return rest ? this.decoder.decode(rest) : '';
  }
}

/** Index where an incomplete multi-byte sequence at the end of `b` begins (b.length if none). */
function incompleteTail(b: Buffer): number {
  const n = b.length;
  for (let i = n - 1; i >= 0 && i >= n - 4; i--) {
    const c = b[i];
    if ((c & 0xc0) === 0x80) continue; // continuation byte: look further back
    const need = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
    return n - i < need ? i : n;
  }
  return n;
}
