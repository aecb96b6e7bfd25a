// YAML is Unicode (UTF-8, or UTF-16 or UTF-32 with a byte-order mark): bytes that are not UTF-8 are
// reported where they are, never decoded as GBK (src/io/encoding.ts, decodeYamlText).
import { expect } from 'chai';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { decodeYamlText, invalidUtf8 } from '../../../src/io/encoding.js';

const utf8 = (s: string) => Buffer.from(s, 'utf8');

/** `s` in UTF-32 with its byte-order mark. */
function utf32(s: string, order: 'le' | 'be'): Buffer {
  const cps = [0xfeff, ...[...s].map((c) => c.codePointAt(0)!)];
  const out = Buffer.alloc(cps.length * 4);
  cps.forEach((cp, i) => (order === 'le' ? out.writeUInt32LE(cp, i * 4) : out.writeUInt32BE(cp, i * 4)));
  return out;
}

describe('io/encoding: YAML text is UTF-8, UTF-16 or UTF-32', () => {
  it('reports one invalid byte in a UTF-8 file at its line and column, and keeps the Chinese text', () => {
    const bytes = Buffer.concat([utf8('apiVersion: bpm/v1\nbudget:\n  unit: 万元\n  name: 社区'), Buffer.from([0xc3, 0x28]), utf8('文化\n')]);
    const r = decodeYamlText(bytes, 'd.yaml');
    expect(r.diagnostics).to.deep.equal([{ code: 'invalid-utf8', severity: 'error', file: 'd.yaml', line: 4, column: 11, args: { bytes: 'C3', count: 1 } }]);
    expect(r.text).to.contain('unit: 万元'); // not 涓囧厓 (the same bytes read as GBK)
    expect(r.text).to.contain('社区\ufffd(文化');
  });

  it('counts the invalid places of a file saved as GBK and names the first', () => {
    const r = decodeYamlText(iconv.encode('apiVersion: bpm/v1\nname: 大连市规划\nunit: 万元\n', 'gbk'), 'g.yaml');
    expect(r.diagnostics.map((d) => [d.code, d.line, d.column, d.args?.variant])).to.deep.equal([['invalid-utf8', 2, 7, 'many']]);
    expect(r.diagnostics[0].args?.count).to.be.greaterThan(1);
  });

  it('counts columns in characters and lines at CRLF, CR and LF', () => {
    const bytes = Buffer.concat([utf8('a: 1\r\nb: 2\rc: 中文'), Buffer.from([0xff])]);
    expect(decodeYamlText(bytes).diagnostics.map((d) => [d.line, d.column])).to.deep.equal([[3, 6]]);
  });

  it('reads UTF-8 with and without a BOM and UTF-16 with a BOM', () => {
    const text = 'name: 社区文化\n';
    expect(decodeYamlText(utf8(text))).to.deep.equal({ text, encoding: 'utf-8', diagnostics: [] });
    expect(decodeYamlText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8(text)])).text).to.equal(text);
    expect(decodeYamlText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])).text).to.equal(text);
    // A BOM does not make GBK bytes UTF-8.
    expect(decodeYamlText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), iconv.encode(text, 'gbk')])).diagnostics[0].code).to.equal('invalid-utf8');
  });

  it('reads UTF-32 with a BOM, little- and big-endian, astral characters included (YAML 1.2 reads it)', () => {
    const text = 'apiVersion: bpm/v1\nname: 社区文化 𠮷\nunit: 万元\n';
    const le = utf32(text, 'le');
    const be = utf32(text, 'be');
    expect(decodeYamlText(le)).to.deep.equal({ text, encoding: 'utf-32le', diagnostics: [] });
    expect(decodeYamlText(be)).to.deep.equal({ text, encoding: 'utf-32be', diagnostics: [] });
    // Long enough to be decoded in several pieces.
    const long = '社区文化活动 𠮷\n'.repeat(3000);
    expect(decodeYamlText(utf32(long, 'le')).text).to.equal(long);
  });

  it('reports what is no UTF-32 character where it is, and a NUL as binary', () => {
    const text = 'a: 1\nname: 社区文化\n';
    const bad = Buffer.concat([utf32(text, 'le').subarray(0, 4 + 4 * 10), Buffer.from([0x00, 0xd8, 0x00, 0x00]), utf32('x\n', 'le').subarray(4), Buffer.from([0x00, 0x00, 0x11, 0x00])]);
    const r = decodeYamlText(bad, 'u.yaml');
    expect(r.diagnostics).to.deep.equal([{ code: 'invalid-utf8', severity: 'error', file: 'u.yaml', line: 2, column: 6, args: { bytes: '00 D8 00 00', count: 2, variant: 'utf32' } }]);
    expect(r.text).to.equal('a: 1\nname:\ufffdx\n\ufffd');
    // Bytes left over at the end are no character either.
    expect(decodeYamlText(Buffer.concat([utf32('a: 1', 'be'), Buffer.from([0x00, 0x00])])).diagnostics.map((d) => [d.code, d.line, d.column, d.args?.variant])).to.deep.equal([['invalid-utf8', 1, 5, 'utf32']]);
    expect(decodeYamlText(utf32('a: 1\nb: \0', 'le')).diagnostics.map((d) => [d.code, d.line, d.column])).to.deep.equal([['binary-content', 2, 4]]);
  });

  it('calls a file with a NUL binary, not mis-encoded', () => {
    const r = decodeYamlText(Buffer.from([0x61, 0x3a, 0x20, 0xff, 0x0a, 0x00]));
    expect(r.diagnostics.map((d) => [d.code, d.line, d.column])).to.deep.equal([['binary-content', 2, 1]]);
  });

  it('finds the invalid sequences that TextDecoder replaces, one per replacement (fast-check)', () => {
    const tricky = fc.constantFrom(0x80, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xed, 0xef, 0xf0, 0xf4, 0xf5, 0xff, 0xa0, 0x9f, 0x8f, 0x90, 0x41);
    fc.assert(
      fc.property(fc.array(fc.oneof(tricky, fc.integer({ min: 0, max: 255 })), { maxLength: 24 }), (arr) => {
        const bytes = Uint8Array.from(arr);
        const decoded = new TextDecoder('utf-8').decode(bytes);
        const replaced = [...decoded].filter((c) => c === '\ufffd').length;
        const genuine = Buffer.from(bytes).toString('latin1').split('\xef\xbf\xbd').length - 1; // U+FFFD written as UTF-8
        expect(invalidUtf8(bytes).length).to.equal(replaced - genuine);
        let valid = true;
        try {
          new TextDecoder('utf-8', { fatal: true }).decode(bytes);
        } catch {
          valid = false;
        }
        expect(invalidUtf8(bytes).length === 0).to.equal(valid);
      }),
      { numRuns: 3000, seed: 7 },
    );
  });
});
