import { expect } from 'chai';
import { crc32, deflateRawSync } from 'node:zlib';
import { XlsxError } from '../../../../src/io/xlsx/errors.js';
import { writeZip, ZipReader, ZIP_LIMITS } from '../../../../src/io/xlsx/zip.js';

/** The code and arguments of the XlsxError `fn` throws. */
function thrown(fn: () => unknown): { code: string; args: unknown } {
  try {
    fn();
  } catch (e) {
    if (e instanceof XlsxError) return { code: e.code, args: e.args };
    throw e;
  }
  throw new Error('did not throw');
}

const entries = [
  { name: 'a.txt', data: Buffer.from('hello hello hello hello hello') },
  { name: 'dir/中文.xml', data: Buffer.from('<x>数据</x>') },
  { name: 'empty', data: Buffer.alloc(0) },
];

describe('io/xlsx/zip', () => {
  it('reads back what it writes: names (UTF-8 too), bytes, stored and deflated entries', () => {
    const zip = writeZip(entries);
    const r = new ZipReader(zip);
    expect([...r.entries.keys()]).to.deep.equal(['a.txt', 'dir/中文.xml', 'empty']);
    for (const e of entries) expect(r.read(e.name).equals(e.data), e.name).to.equal(true);
    // Text that compresses is deflated; an empty entry is stored.
    expect(r.entries.get('a.txt')!.method).to.equal(8);
    expect(r.entries.get('empty')!.method).to.equal(0);
  });

  it('writes the same bytes for the same entries (fixed timestamps)', () => {
    expect(writeZip(entries).equals(writeZip(entries))).to.equal(true);
  });

  it('refuses a missing entry, a truncated file, a file that is not a zip', () => {
    const zip = writeZip(entries);
    expect(thrown(() => new ZipReader(zip).read('nope'))).to.deep.equal({ code: 'xlsx-corrupt', args: { variant: 'part', part: 'nope' } });
    expect(thrown(() => new ZipReader(zip.subarray(0, zip.length - 30)))).to.deep.equal({ code: 'xlsx-corrupt', args: { variant: 'truncated' } });
    expect(thrown(() => new ZipReader(Buffer.from('project,period\n1,2\n')))).to.deep.equal({ code: 'xlsx-corrupt', args: { variant: 'not-zip' } });
  });

  it('detects a damaged entry by its checksum', () => {
    const zip = Buffer.from(writeZip([{ name: 'x', data: Buffer.from('abcdef'.repeat(2)) }]));
    // The deflated stream follows the 30-byte local header and the 1-byte name; flip a stored byte.
    const stored = writeZip([{ name: 'x', data: Buffer.from('ab') }]);
    const bad = Buffer.from(stored);
    bad[31] ^= 0xff;
    expect(thrown(() => new ZipReader(bad).read('x'))).to.deep.equal({ code: 'xlsx-corrupt', args: { variant: 'entry', part: 'x' } });
    expect(new ZipReader(zip).read('x').toString()).to.equal('abcdef'.repeat(2));
  });

  it('recognises an OLE compound file: encrypted workbook or old .xls', () => {
    const ole = Buffer.concat([Buffer.from('D0CF11E0A1B11AE1', 'hex'), Buffer.alloc(600)]);
    expect(thrown(() => new ZipReader(ole)).code).to.equal('xlsx-legacy');
    const enc = Buffer.concat([ole, Buffer.from('EncryptedPackage', 'utf16le')]);
    expect(thrown(() => new ZipReader(enc)).code).to.equal('xlsx-encrypted');
  });

  it('caps entries, the inflated size of an entry and the total, also when the headers lie', () => {
    const big = Buffer.alloc(10_000, 0x20);
    const zip = writeZip([{ name: 'a', data: big }, { name: 'b', data: big }]);
    const limits = { ...ZIP_LIMITS, maxEntryBytes: 5_000 };
    expect(thrown(() => new ZipReader(zip, limits))).to.deep.equal({ code: 'xlsx-too-large', args: { variant: 'entry', limit: 5_000 } });
    expect(thrown(() => new ZipReader(zip, { ...ZIP_LIMITS, maxEntries: 1 }))).to.deep.equal({ code: 'xlsx-too-large', args: { variant: 'entries', limit: 1 } });
    const total = new ZipReader(zip, { ...ZIP_LIMITS, maxTotalBytes: 15_000 });
    total.read('a');
    expect(thrown(() => total.read('b'))).to.deep.equal({ code: 'xlsx-too-large', args: { variant: 'total', limit: 15_000 } });
    // Declared sizes of 10 bytes in both headers: the cap holds while inflating.
    const lying = Buffer.from(zip);
    lying.writeUInt32LE(10, 22);
    const cd = lying.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    lying.writeUInt32LE(10, cd + 24);
    expect(thrown(() => new ZipReader(lying, limits).read('a'))).to.deep.equal({ code: 'xlsx-too-large', args: { variant: 'entry', limit: 5_000 } });
    expect(thrown(() => new ZipReader(lying).read('a'))).to.deep.equal({ code: 'xlsx-corrupt', args: { variant: 'entry', part: 'a' } });
    expect(thrown(() => new ZipReader(Buffer.alloc(100), { ...ZIP_LIMITS, maxFileBytes: 99 }))).to.deep.equal({ code: 'xlsx-too-large', args: { variant: 'file', limit: 99 } });
  });

  it('refuses an entry encrypted with zip encryption, and an unknown compression method', () => {
    const zip = Buffer.from(writeZip([{ name: 'x', data: Buffer.from('ab') }]));
    const cd = zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    const enc = Buffer.from(zip);
    enc.writeUInt16LE(1, cd + 8);
    expect(thrown(() => new ZipReader(enc).read('x'))).to.deep.equal({ code: 'xlsx-encrypted', args: { variant: 'zip' } });
    const lzma = Buffer.from(zip);
    lzma.writeUInt16LE(14, cd + 10);
    expect(thrown(() => new ZipReader(lzma).read('x'))).to.deep.equal({ code: 'xlsx-corrupt', args: { variant: 'method', part: 'x', method: 14 } });
  });

  it('reads zip64 records within the caps', () => {
    // One entry whose sizes and offset are in a zip64 extra field, and a zip64 end record.
    const data = Buffer.from('zip64 entry');
    const body = deflateRawSync(data);
    const name = Buffer.from('z');
    const extra = Buffer.alloc(28);
    extra.writeUInt16LE(1, 0);
    extra.writeUInt16LE(24, 2);
    extra.writeBigUInt64LE(BigInt(data.length), 4);
    extra.writeBigUInt64LE(BigInt(body.length), 12);
    extra.writeBigUInt64LE(0n, 20);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc32(data), 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(1, 26);
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0);
    cd.writeUInt16LE(8, 10);
    cd.writeUInt32LE(crc32(data), 16);
    cd.writeUInt32LE(0xffffffff, 20);
    cd.writeUInt32LE(0xffffffff, 24);
    cd.writeUInt16LE(1, 28);
    cd.writeUInt16LE(extra.length, 30);
    cd.writeUInt32LE(0xffffffff, 42);
    const cdStart = local.length + name.length + body.length;
    const cdBytes = Buffer.concat([cd, name, extra]);
    const z64 = Buffer.alloc(56);
    z64.writeUInt32LE(0x06064b50, 0);
    z64.writeBigUInt64LE(44n, 4);
    z64.writeBigUInt64LE(1n, 24);
    z64.writeBigUInt64LE(1n, 32);
    z64.writeBigUInt64LE(BigInt(cdBytes.length), 40);
    z64.writeBigUInt64LE(BigInt(cdStart), 48);
    const loc = Buffer.alloc(20);
    loc.writeUInt32LE(0x07064b50, 0);
    loc.writeBigUInt64LE(BigInt(cdStart + cdBytes.length), 8);
    const eocd = Buffer.alloc(22);
    eocd.writeUInt32LE(0x06054b50, 0);
    eocd.writeUInt16LE(0xffff, 8);
    eocd.writeUInt16LE(0xffff, 10);
    eocd.writeUInt32LE(0xffffffff, 12);
    eocd.writeUInt32LE(0xffffffff, 16);
    const zip = Buffer.concat([local, name, body, cdBytes, z64, loc, eocd]);
    expect(new ZipReader(zip).read('z').toString()).to.equal('zip64 entry');
    z64.writeBigUInt64LE(100_000n, 32);
    expect(thrown(() => new ZipReader(Buffer.concat([local, name, body, cdBytes, z64, loc, eocd]))).code).to.equal('xlsx-too-large');
  });
});
