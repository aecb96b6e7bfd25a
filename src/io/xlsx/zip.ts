// The zip container of an .xlsx: a reader that treats the file as untrusted (entry count, per-entry
// and total inflated size are capped while inflating, so a zip bomb is a message, not an
// exhausted machine) and a deterministic writer (fixed timestamps: the same workbook gives the
// same bytes). Only what workbooks use: stored and deflated entries, zip64 records within the caps.
// An OLE compound file (a password-protected .xlsx, or an old .xls / WPS .et) is recognised by
// its magic number and refused with the hint to save the workbook as .xlsx.
import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';
import { XlsxError } from './errors.js';

export interface ZipLimits {
  /** Bytes of the zip file itself. */
  maxFileBytes: number;
  maxEntries: number;
  /** Inflated bytes of one entry. */
  maxEntryBytes: number;
  /** Inflated bytes of all entries read from one file. */
  maxTotalBytes: number;
}

/**
 * A filled-in form is tens of kilobytes; a bureau-wide monitoring sheet of 100 000 rows is
 * about 10 MB of sheet XML. The caps leave room for that and keep one workbook's memory bounded.
 */
export const ZIP_LIMITS: ZipLimits = {
  maxFileBytes: 64 * 1024 * 1024,
  maxEntries: 10_000,
  maxEntryBytes: 64 * 1024 * 1024,
  maxTotalBytes: 192 * 1024 * 1024,
};

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const SIG_EOCD = 0x06054b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const SIG_ZIP64_EOCD = 0x06064b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
/** The stream an encrypted OOXML package keeps inside its OLE container (UTF-16LE name). */
const ENCRYPTED_PACKAGE = Buffer.from('EncryptedPackage', 'utf16le');
const U32 = 0xffffffff;
const U16 = 0xffff;

const corrupt = (variant: string, args: Record<string, string | number> = {}) => new XlsxError('xlsx-corrupt', { variant, ...args });
const tooLarge = (variant: string, limit: number) => new XlsxError('xlsx-too-large', { variant, limit });

/** Reads the directory of a zip file; entries are inflated on demand by `read`. */
export class ZipReader {
  readonly entries = new Map<string, ZipEntry>();
  private inflated = 0;

  constructor(
    private readonly bytes: Buffer,
    private readonly limits: ZipLimits = ZIP_LIMITS,
  ) {
    refuseNonZip(bytes, limits);
    const eocd = findEocd(bytes);
    let count = bytes.readUInt16LE(eocd + 10);
    let cdSize = bytes.readUInt32LE(eocd + 12);
    let cdOffset = bytes.readUInt32LE(eocd + 16);
    if (count === U16 || cdSize === U32 || cdOffset === U32) ({ count, cdSize, cdOffset } = readZip64Eocd(bytes, eocd, limits));
    if (count > limits.maxEntries) throw tooLarge('entries', limits.maxEntries);
    if (cdOffset + cdSize > bytes.length) throw corrupt('truncated');
    let p = cdOffset;
    for (let i = 0; i < count; i++) {
      if (p + 46 > bytes.length || bytes.readUInt32LE(p) !== SIG_CENTRAL) throw corrupt('truncated');
      const flags = bytes.readUInt16LE(p + 8);
      const nameLen = bytes.readUInt16LE(p + 28);
      const extraLen = bytes.readUInt16LE(p + 30);
      const commentLen = bytes.readUInt16LE(p + 32);
      const nameBytes = bytes.subarray(p + 46, p + 46 + nameLen);
      const entry: ZipEntry = {
        // Bit 11: UTF-8 names. Workbook part names are ASCII either way.
        name: nameBytes.toString(flags & 0x800 ? 'utf8' : 'latin1'),
        method: bytes.readUInt16LE(p + 10),
        flags,
        crc: bytes.readUInt32LE(p + 16),
        compressedSize: bytes.readUInt32LE(p + 20),
        size: bytes.readUInt32LE(p + 24),
        localOffset: bytes.readUInt32LE(p + 42),
      };
      applyZip64Extra(entry, bytes.subarray(p + 46 + nameLen, p + 46 + nameLen + extraLen));
      if (entry.size > limits.maxEntryBytes) throw tooLarge('entry', limits.maxEntryBytes);
      this.entries.set(entry.name, entry);
      p += 46 + nameLen + extraLen + commentLen;
    }
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** The inflated bytes of an entry; throws XlsxError when it is missing, damaged or too large. */
  read(name: string): Buffer {
    const e = this.entries.get(name);
    if (!e) throw corrupt('part', { part: name });
    if (e.flags & 0x1) throw new XlsxError('xlsx-encrypted', { variant: 'zip' });
    const b = this.bytes;
    const lo = e.localOffset;
    if (lo + 30 > b.length || b.readUInt32LE(lo) !== SIG_LOCAL) throw corrupt('entry', { part: name });
    const start = lo + 30 + b.readUInt16LE(lo + 26) + b.readUInt16LE(lo + 28);
    if (start + e.compressedSize > b.length) throw corrupt('truncated');
    const raw = b.subarray(start, start + e.compressedSize);
    const room = Math.min(this.limits.maxEntryBytes, this.limits.maxTotalBytes - this.inflated);
    let data: Buffer;
    if (e.method === 0) {
      data = raw;
    } else if (e.method === 8) {
      try {
        // The cap holds while inflating: the declared size may lie, maxOutputLength does not.
        data = inflateRawSync(raw, { maxOutputLength: Math.max(room, 1) });
      } catch (err) {
        if (err instanceof RangeError) throw room < this.limits.maxEntryBytes ? tooLarge('total', this.limits.maxTotalBytes) : tooLarge('entry', this.limits.maxEntryBytes);
        throw corrupt('entry', { part: name });
      }
    } else {
      throw corrupt('method', { part: name, method: e.method });
    }
    if (data.length > room) throw tooLarge('total', this.limits.maxTotalBytes);
    if (data.length !== e.size || crc32(data) !== e.crc) throw corrupt('entry', { part: name });
    this.inflated += data.length;
    return data;
  }
}

/** Refuses what is not a zip with a message that says what it is. */
function refuseNonZip(bytes: Buffer, limits: ZipLimits): void {
  if (bytes.length > limits.maxFileBytes) throw tooLarge('file', limits.maxFileBytes);
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(OLE_MAGIC)) {
    // An OLE compound file: Office keeps a password-protected .xlsx in one (an EncryptedPackage
    // stream); otherwise it is a binary .xls or a WPS .et.
    if (bytes.indexOf(ENCRYPTED_PACKAGE) >= 0) throw new XlsxError('xlsx-encrypted', {});
    throw new XlsxError('xlsx-legacy', {});
  }
  if (bytes.length < 22 || bytes.readUInt32LE(0) !== SIG_LOCAL) throw corrupt('not-zip');
}

function findEocd(bytes: Buffer): number {
  const stop = Math.max(0, bytes.length - 22 - 0xffff);
  for (let p = bytes.length - 22; p >= stop; p--) {
    if (bytes.readUInt32LE(p) === SIG_EOCD && p + 22 + bytes.readUInt16LE(p + 20) <= bytes.length) return p;
  }
  throw corrupt('truncated');
}

function readZip64Eocd(bytes: Buffer, eocd: number, limits: ZipLimits): { count: number; cdSize: number; cdOffset: number } {
  const loc = eocd - 20;
  if (loc < 0 || bytes.readUInt32LE(loc) !== SIG_ZIP64_LOCATOR) throw corrupt('truncated');
  const at = big(bytes.readBigUInt64LE(loc + 8), bytes.length);
  if (at + 56 > bytes.length || bytes.readUInt32LE(at) !== SIG_ZIP64_EOCD) throw corrupt('truncated');
  const count = bytes.readBigUInt64LE(at + 32);
  if (count > BigInt(limits.maxEntries)) throw tooLarge('entries', limits.maxEntries);
  return { count: Number(count), cdSize: big(bytes.readBigUInt64LE(at + 40), bytes.length), cdOffset: big(bytes.readBigUInt64LE(at + 48), bytes.length) };
}

/** A 64-bit offset or size inside a file of `length` bytes. */
function big(v: bigint, length: number): number {
  if (v > BigInt(length)) throw corrupt('truncated');
  return Number(v);
}

/** Zip64 extended information (header id 1): the 64-bit values of fields set to 0xFFFFFFFF. */
function applyZip64Extra(e: ZipEntry, extra: Buffer): void {
  if (e.size !== U32 && e.compressedSize !== U32 && e.localOffset !== U32) return;
  let p = 0;
  while (p + 4 <= extra.length) {
    const id = extra.readUInt16LE(p);
    const len = extra.readUInt16LE(p + 2);
    if (id === 1) {
      let q = p + 4;
      const next = (): number => {
        if (q + 8 > p + 4 + len) throw corrupt('entry', { part: e.name });
        const v = extra.readBigUInt64LE(q);
        q += 8;
        // Beyond any cap: report the size, never convert an unsafe integer.
        return v > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(v);
      };
      if (e.size === U32) e.size = next();
      if (e.compressedSize === U32) e.compressedSize = next();
      if (e.localOffset === U32) e.localOffset = next();
      return;
    }
    p += 4 + len;
  }
  throw corrupt('entry', { part: e.name });
}

// ---------------------------------------------------------------------------------------------
// Writing

/** 1980-01-01 00:00, the earliest DOS date: every written workbook carries it. */
const DOS_DATE = (0 << 9) | (1 << 5) | 1;
const DOS_TIME = 0;

/** A zip of the given entries, in the given order, deflated; identical input gives identical bytes. */
export function writeZip(entries: { name: string; data: Buffer }[]): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const { name, data } of entries) {
    const nameBytes = Buffer.from(name, 'utf8');
    const deflated = deflateRawSync(data, { level: 6 });
    const stored = deflated.length >= data.length;
    const body = stored ? data : deflated;
    const crc = crc32(data);
    const flags = /[^\x20-\x7e]/.test(name) ? 0x800 : 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(SIG_LOCAL, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(stored ? 0 : 8, 8);
    local.writeUInt16LE(DOS_TIME, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    local.writeUInt16LE(0, 28);
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(SIG_CENTRAL, 0);
    cd.writeUInt16LE(20, 4);
    cd.writeUInt16LE(20, 6);
    local.copy(cd, 8, 6, 30); // flags … extra length: the same fields in the same order
    cd.writeUInt16LE(0, 32); // comment, disk, internal and external attributes: 0
    cd.writeUInt32LE(offset, 42);
    parts.push(local, nameBytes, body);
    central.push(cd, nameBytes);
    offset += local.length + nameBytes.length + body.length;
  }
  const cdSize = central.reduce((n, b) => n + b.length, 0);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(SIG_EOCD, 0);
  eocd.writeUInt16LE(entries.length, 8);
  eocd.writeUInt16LE(entries.length, 10);
  eocd.writeUInt32LE(cdSize, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, ...central, eocd]);
}
