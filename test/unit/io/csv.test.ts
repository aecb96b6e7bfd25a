import { expect } from 'chai';
import fc from 'fast-check';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Decimal } from 'decimal.js';
import iconv from 'iconv-lite';
import type { Diagnostic } from '../../../src/core/diagnostics.js';
import { decodeText, parseMonitoringCsv, parseNumber, streamMonitoringCsv, type MonitoringRow } from '../../../src/io/csv.js';
import { UsageError } from '../../../src/errors.js';
import { tempDir } from '../../helpers/temp.js';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/io/csv');
const fixture = (name: string) => readFileSync(path.join(FIXTURES, name));
const parseFixture = (name: string, encoding?: string) => parseMonitoringCsv(fixture(name), name, { encoding });
const codes = (ds: Diagnostic[]) => ds.map((d) => `${d.code}@${d.line}:${d.column}`);
const brief = (rows: MonitoringRow[]) => rows.map((r) => [r.line, r.project, r.period, r.metric, r.value, r.percent, r.note]);

let tmp: string;
before(() => {
  tmp = tempDir('bpm-csv-');
});
after(() => rmSync(tmp, { recursive: true, force: true }));

/** Streams `bytes` from a temporary file with the given chunk size. */
async function stream(bytes: Buffer, chunkSize?: number, encoding?: string) {
  const file = path.join(tmp, `s-${Math.random().toString(36).slice(2)}.csv`);
  writeFileSync(file, bytes);
  const rows: MonitoringRow[] = [];
  const res = await streamMonitoringCsv(file, 'x.csv', { chunkSize, encoding }, (r) => rows.push(r));
  rmSync(file);
  expect(res.rows).to.equal(rows.length);
  return { rows, diagnostics: res.diagnostics, encoding: res.encoding };
}

describe('io/csv decodeText', () => {
  it('strips a UTF-8 BOM and reports utf-8', () => {
    const r = decodeText(Buffer.from([0xef, 0xbb, 0xbf, 0x61, 0xe4, 0xb8, 0xad]));
    expect(r).to.deep.equal({ text: 'a中', encoding: 'utf-8', diagnostics: [] });
  });

  it('reads GBK bytes as GB18030 when they are not valid UTF-8', () => {
    const r = decodeText(iconv.encode('项目编码,偏差原因', 'gbk'));
    expect(r.encoding).to.equal('gb18030');
    expect(r.text).to.equal('项目编码,偏差原因');
  });

  it('decodes UTF-16LE and UTF-16BE with a BOM', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('值,85', 'utf16le')]);
    expect(decodeText(le)).to.include({ text: '值,85', encoding: 'utf-16le' });
    const be = Buffer.from(le.subarray(2)).swap16();
    expect(decodeText(Buffer.concat([Buffer.from([0xfe, 0xff]), be]))).to.include({ text: '值,85', encoding: 'utf-16be' });
  });

  it('honours a forced encoding and rejects an unknown one', () => {
    const gbk = iconv.encode('说明', 'gbk');
    expect(decodeText(gbk, 'GBK').text).to.equal('说明');
    expect(decodeText(Buffer.from('说明'), 'utf8').encoding).to.equal('utf-8');
    expect(() => decodeText(gbk, 'latin9'))
      .to.throw(UsageError)
      .that.satisfies((e: UsageError) => e.key === 'unknown-encoding' && e.args.encoding === 'latin9');
  });

  it('warns about a UTF-8 BOM in front of GBK bytes', () => {
    const r = decodeText(fixture('bom-lie.csv'), undefined, 'bom-lie.csv');
    expect(r.encoding).to.equal('gb18030');
    expect(r.text.startsWith('项目,期间')).to.equal(true);
    expect(r.diagnostics).to.deep.equal([
      { code: 'encoding-mismatch', severity: 'warning', file: 'bom-lie.csv', line: 1, column: 1, args: { declared: 'utf-8', actual: 'gb18030' } },
    ]);
  });

  it('reports a NUL character as binary content at its line and column', () => {
    const r = decodeText(Buffer.from('a\r\nb\rcc\n\ndd\0'));
    expect(codes(r.diagnostics)).to.deep.equal(['binary-content@5:3']);
    expect(r.diagnostics[0].severity).to.equal('error');
  });
});

describe('io/csv parseNumber', () => {
  const cases: Array<[string, string | null, boolean?]> = [
    ['1234.5', '1234.5'],
    ['1,234.5', '1234.5'],
    [' 85% ', '85', true],
    ['85 ％', '85', true],
    ['８５', '85'],
    ['１，２３４．５', '1234.5'],
    ['-3', '-3'],
    ['+3.10', '3.1'],
    ['007.50', '7.5'],
    ['.5', '0.5'],
    ['-0', '0'],
    ['(1,200.00)', '-1200'],
    ['¥1,000', '1000'],
    ['1e3', null],
    ['NaN', null],
    ['Infinity', null],
    ['-Infinity', null],
    ['0x10', null],
    ['1,2', null],
    ['12,34.5', null],
    ['1 234', null],
    ['', null],
    ['%', null],
    ['.', null],
    ['abc', null],
  ];
  for (const [raw, value, percent] of cases) {
    it(`${JSON.stringify(raw)} -> ${value}`, () => {
      const r = parseNumber(raw);
      if (value === null) expect(r).to.equal(null);
      else {
        expect({ value: r!.value, percent: r!.percent }).to.deep.equal({ value, percent: percent ?? false });
        // Full-width forms are read as ASCII, and say so (the reader notes it once per file).
        expect(r!.fullWidth === true, 'fullWidth').to.equal(/[\uff01-\uff5e]/.test(raw));
      }
    });
  }

  it('keeps a 400-digit number exact, in a form decimal.js accepts', () => {
    const digits = '1' + '2'.repeat(399);
    const r = parseNumber(`${digits}.250`)!;
    expect(r.value).to.equal(`${digits}.25`);
    expect(new Decimal(r.value).toFixed()).to.equal(`${digits}.25`);
  });

  it('gives canonical decimals that round-trip through decimal.js (property)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }), fc.nat({ max: 6 }), (n, scale) => {
        const text = new Decimal(n.toString()).div(new Decimal(10).pow(scale)).toFixed(scale);
        const r = parseNumber(text);
        expect(r).to.not.equal(null);
        expect(r!.value).to.equal(new Decimal(text).toFixed());
      }),
    );
  });

  it('reads the rows after a line of thousands of fields as before it (csv-column-count for that line)', () => {
    const wide = 'P1,' + ','.repeat(5000);
    const r = parseMonitoringCsv(Buffer.from(`project,period,metric,value\nP1,2025-Q1,spend,1\n${wide}\nP1,2025-Q2,spend,2\n`), 'd.csv');
    expect(r.rows.map((x) => [x.line, x.value])).to.deep.equal([[2, '1'], [4, '2']]);
    expect(r.diagnostics.map((d) => [d.code, d.line, d.args?.actual])).to.deep.equal([['csv-column-count', 3, 5002]]);
  });

  it('keeps a value of 308 digits (within the range of a double) and refuses one of 309', () => {
    const big = '9'.repeat(308);
    const huge = '9'.repeat(309);
    const r = parseMonitoringCsv(Buffer.from(`project,period,metric,value\nP1,2025-Q1,spend,${big}\nP1,2025-Q2,spend,${huge}\n`), 'd.csv');
    expect(r.rows.map((x) => x.value)).to.deep.equal([big, null]);
    expect(r.diagnostics.map((d) => [d.code, d.line, d.args?.variant])).to.deep.equal([['value-not-number', 3, 'range']]);
  });
});

describe('io/csv parseMonitoringCsv', () => {
  it('reads UTF-8 with English headers', () => {
    const r = parseFixture('utf8.csv');
    expect(r.encoding).to.equal('utf-8');
    expect(r.diagnostics).to.deep.equal([]);
    expect(r.rows).to.deep.equal([
      { file: 'utf8.csv', line: 2, project: 'DL-2025-WL-001', period: '2025-Q1', metric: 'spend', value: '120', percent: false },
      { file: 'utf8.csv', line: 3, project: 'DL-2025-WL-001', period: '2025-Q1', metric: 'OUT-1', value: '12', percent: false, note: '开局良好' },
    ]);
  });

  it('reads UTF-8 with a BOM and Chinese headers', () => {
    const r = parseFixture('utf8-bom.csv');
    expect(r.encoding).to.equal('utf-8');
    expect(r.diagnostics).to.deep.equal([]);
    expect(brief(r.rows)).to.deep.equal([
      [2, 'DL-2025-WL-001', '2025-Q2', 'spend', '230.5', false, undefined],
      [3, 'DL-2025-WL-001', '2025-Q2', 'SAT-1', '91', true, '问卷调查'],
    ]);
  });

  it('reads GBK as written by Excel on Chinese Windows (detected and forced)', () => {
    const bytes = fixture('gbk.csv');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).to.throw(); // really GBK
    for (const forced of [undefined, 'gbk']) {
      const r = parseFixture('gbk.csv', forced);
      expect(r.encoding).to.equal('gb18030');
      expect(r.diagnostics).to.deep.equal([]);
      expect(brief(r.rows)).to.deep.equal([
        [2, 'DL-2025-WL-001', '2025-Q3', 'spend', '1234.5', false, undefined],
        [3, 'DL-2025-WL-001', '2025-Q3', 'OUT-1', '40', false, '受台风影响工期延误'],
      ]);
    }
  });

  it('says so when --encoding utf8 is given for a GBK file (read with replacement characters), whole or streamed', async () => {
    const bytes = iconv.encode('project,period,metric,value,note\nP-1,2025-Q1,spend,1,受台风影响工期延误\n', 'gbk');
    const whole = parseMonitoringCsv(bytes, 'x.csv', { encoding: 'utf8' });
    expect(whole.encoding).to.equal('utf-8');
    expect(whole.diagnostics.map((d) => [d.code, d.severity, d.line, d.args?.variant, d.args?.declared])).to.deep.equal([['encoding-mismatch', 'warning', 1, 'forced', 'utf8']]);
    expect(whole.rows[0].note).to.include('\ufffd');
    // Read without --encoding, the same bytes are GBK and say nothing.
    expect(parseMonitoringCsv(bytes, 'x.csv').rows[0].note).to.equal('受台风影响工期延误');
    for (const chunkSize of [7, 1 << 19]) {
      const streamed = await stream(bytes, chunkSize, 'utf8');
      expect(streamed.diagnostics, String(chunkSize)).to.deep.equal(whole.diagnostics);
    }
    // Valid UTF-8 under --encoding utf8: nothing to say.
    expect(parseMonitoringCsv(Buffer.from('project,period,metric,value\nP,Q1,m,1\n'), 'u.csv', { encoding: 'utf8' }).diagnostics).to.deep.equal([]);
  });

  it('reads tab-separated UTF-16LE with a BOM', () => {
    const r = parseFixture('utf16le.csv');
    expect(r.encoding).to.equal('utf-16le');
    expect(r.diagnostics).to.deep.equal([]);
    expect(brief(r.rows)).to.deep.equal([[2, 'DL-2025-WL-001', '2025-Q4', 'spend', '480', false, '全年执行']]);
  });

  it('counts physical lines across CRLF, quoted line breaks and blank lines', () => {
    const r = parseFixture('crlf.csv');
    expect(codes(r.diagnostics)).to.deep.equal(['csv-column-count@6:1']);
    expect(r.diagnostics[0].args).to.deep.equal({ expected: 5, actual: 4 });
    expect(brief(r.rows)).to.deep.equal([
      [2, 'P1', '2025-Q1', 'spend', '100', false, 'first line\r\nsecond line'],
      [5, 'P1', '2025-Q2', 'spend', '200', false, 'said "on time"'],
    ]);
  });

  it('treats CR-only line ends like LF', () => {
    const r = parseMonitoringCsv(Buffer.from('project,period,metric,value\rP,Q1,m,1\r\rP,Q2,m,2'), 'cr.csv');
    expect(r.diagnostics).to.deep.equal([]);
    expect(r.rows.map((x) => [x.line, x.value])).to.deep.equal([
      [2, '1'],
      [4, '2'],
    ]);
  });

  it('parses numbers and reports bad values with their position', () => {
    const r = parseFixture('numbers.csv');
    expect(r.rows.map((x) => [x.metric, x.value, x.percent])).to.deep.equal([
      ['A', '1234.5', false],
      ['B', '85', true],
      ['C', '85', false],
      ['D', '-3', false],
      ['E', null, false],
      ['F', null, false],
      ['G', null, false],
      ['H', null, false],
      // 400 digits: beyond any double, so no figure can be computed from it (not kept as Infinity).
      ['I', null, false],
    ]);
    expect(codes(r.diagnostics)).to.deep.equal([
      'value-not-number@6:14',
      'value-not-number@7:14',
      'value-empty@8:14',
      'value-not-number@9:14',
      'value-not-number@10:14',
      'full-width-normalised@4:14',
    ]);
    expect(r.diagnostics.map((d) => d.args)).to.deep.equal([{ value: '1e3' }, { value: 'NaN' }, { metric: 'G' }, { value: 'Infinity' }, { value: '99999999999999999999…9999999.50', variant: 'range' }, { count: 1, variant: 'csv' }]);
    const problems = r.diagnostics.filter((d) => d.code !== 'full-width-normalised');
    expect(problems.every((d) => d.severity === 'error' && d.file === 'numbers.csv' && d.message === undefined)).to.equal(true);
    // Row C's value is written in full-width digits (８５): read as 85, with one note for the file.
    expect(r.diagnostics.filter((d) => d.code === 'full-width-normalised').map((d) => d.severity)).to.deep.equal(['info']);
  });

  it('reports rows with the wrong number of cells and skips them', () => {
    const r = parseFixture('column-count.csv');
    expect(r.rows.map((x) => x.line)).to.deep.equal([2, 5]);
    expect(r.diagnostics).to.deep.equal([
      { code: 'csv-column-count', severity: 'error', file: 'column-count.csv', line: 3, column: 1, args: { expected: 4, actual: 3 } },
      { code: 'csv-column-count', severity: 'error', file: 'column-count.csv', line: 4, column: 1, args: { expected: 4, actual: 6 } },
    ]);
  });

  it('reports an unbalanced quote where it opened, keeping the rows before it', () => {
    const r = parseFixture('unbalanced-quote.csv');
    expect(r.rows.map((x) => x.line)).to.deep.equal([2]);
    expect(r.diagnostics).to.deep.equal([
      { code: 'csv-unbalanced-quote', severity: 'error', file: 'unbalanced-quote.csv', line: 3, column: 20, args: { line: 3, endLine: 5 } },
    ]);
  });

  it('stops at a NUL byte with binary-content, keeping the rows before it', () => {
    const r = parseFixture('nul.csv');
    expect(r.rows.map((x) => x.line)).to.deep.equal([2]);
    expect(codes(r.diagnostics)).to.deep.equal(['binary-content@3:14']);
  });

  it('reads a GBK file behind a lying UTF-8 BOM, with a warning', () => {
    const r = parseFixture('bom-lie.csv');
    expect(r.encoding).to.equal('gb18030');
    expect(codes(r.diagnostics)).to.deep.equal(['encoding-mismatch@1:1']);
    expect(brief(r.rows)).to.deep.equal([[2, 'DL-1', '2025-Q1', 'spend', '5', false, '进度正常']]);
  });

  it('reports missing required columns and returns no rows; warns about unknown ones', () => {
    const r = parseFixture('missing-column.csv');
    expect(r.rows).to.deep.equal([]);
    expect(r.diagnostics.map((d) => [d.code, d.severity, d.line, d.column, d.args])).to.deep.equal([
      ['csv-unknown-column', 'warning', 1, 22, { column: 'comment' }],
      ['csv-missing-column', 'error', 1, 1, { column: 'metric' }],
    ]);
  });

  it('matches header names case-insensitively, trimmed, with aliases and a unit in brackets', () => {
    const csv = ' Project ,季度,指标代码,累计值（万元）,备注\nP,2025-Q1,spend,5,n\n';
    const r = parseMonitoringCsv(Buffer.from(csv), 'h.csv');
    expect(r.diagnostics).to.deep.equal([]);
    expect(brief(r.rows)).to.deep.equal([[2, 'P', '2025-Q1', 'spend', '5', false, 'n']]);
  });

  it('rejects a header that names a column twice', () => {
    const r = parseMonitoringCsv(Buffer.from('project,项目编码,period,metric,value\nP,P,Q1,m,1\n'), 'd.csv');
    expect(r.rows).to.deep.equal([]);
    expect(r.diagnostics.map((d) => [d.code, d.line, d.column, d.args])).to.deep.equal([
      ['csv-duplicate-column', 1, 9, { column: 'project', header: '项目编码' }],
    ]);
  });

  it('reports an empty key cell and an empty file', () => {
    const r = parseMonitoringCsv(Buffer.from('project,period,metric,value\n"a,b", ,m,1\n'), 'k.csv');
    expect(r.rows).to.deep.equal([]);
    expect(r.diagnostics.map((d) => [d.code, d.line, d.column, d.args])).to.deep.equal([['csv-empty-cell', 2, 7, { column: 'period' }]]);
    expect(codes(parseMonitoringCsv(Buffer.from('\r\n\r\n'), 'e.csv').diagnostics)).to.deep.equal(['csv-empty@1:1']);
  });

  it('warns about text after a closing quote but keeps the cell', () => {
    const r = parseMonitoringCsv(Buffer.from('project,period,metric,value\nP,Q1,m,"12"3\n'), 's.csv');
    expect(r.rows.map((x) => x.value)).to.deep.equal(['123']);
    expect(codes(r.diagnostics)).to.deep.equal(['csv-stray-quote@2:12']);
  });

  it('skips and reports a record longer than the limit (an unclosed quote in a huge file)', () => {
    const huge = 'x'.repeat((1 << 20) + 10);
    const r = parseMonitoringCsv(Buffer.from(`project,period,metric,value,note\nP,Q1,m,1,"${huge}"\nP,Q2,m,2,\n`), 'l.csv');
    expect(r.rows.map((x) => x.line)).to.deep.equal([3]);
    expect(codes(r.diagnostics)).to.deep.equal(['csv-record-too-long@2:1']);
  });
});

describe('io/csv streamMonitoringCsv', () => {
  const names = [
    'utf8.csv',
    'utf8-bom.csv',
    'gbk.csv',
    'utf16le.csv',
    'crlf.csv',
    'numbers.csv',
    'column-count.csv',
    'unbalanced-quote.csv',
    'nul.csv',
    'bom-lie.csv',
    'missing-column.csv',
  ];
  for (const name of names) {
    it(`gives the same rows and diagnostics as parseMonitoringCsv for ${name}, whatever the chunk size`, async () => {
      const bytes = fixture(name);
      const whole = parseMonitoringCsv(bytes, 'x.csv');
      for (const chunk of [undefined, 4, 5, 7, 16]) {
        const s = await stream(bytes, chunk);
        expect(s.encoding, `chunk ${chunk}`).to.equal(whole.encoding);
        expect(s.rows, `chunk ${chunk}`).to.deep.equal(whole.rows);
        expect(s.diagnostics, `chunk ${chunk}`).to.deep.equal(whole.diagnostics);
      }
    });
  }

  it('detects GBK that first appears after the first chunk', async () => {
    const text = 'project,period,metric,value,note\n' + 'P,Q1,m,1,\n'.repeat(50) + 'P,Q2,m,2,延误\n';
    const bytes = iconv.encode(text, 'gbk');
    const s = await stream(bytes, 64);
    expect(s.encoding).to.equal('gb18030');
    expect(s.rows.at(-1)).to.include({ line: 52, note: '延误' });
    expect(s.diagnostics).to.deep.equal([]);
  });

  it('throws InputError for a missing file', async () => {
    let caught: unknown;
    try {
      await streamMonitoringCsv(path.join(tmp, 'nope.csv'), 'nope.csv', {}, () => undefined);
    } catch (e) {
      caught = e;
    }
    expect(caught).to.be.instanceOf(UsageError);
    expect((caught as UsageError).key).to.equal('missing-file');
    expect((caught as UsageError).args).to.deep.equal({ file: 'nope.csv' });
  });

  it('is identical to parseMonitoringCsv on random content and chunkings (property)', async () => {
    const cell = fc.oneof(
      fc.constantFrom('', ' ', 'P1', '2025-Q1', 'spend', '1,234.5', '85%', '８５', 'abc', '说明', '"', '""', '"a,b"', '"x\r\ny"', 'é', '\t'),
      fc.string({ maxLength: 4 }),
    );
    const line = fc.array(cell, { minLength: 1, maxLength: 6 }).map((cells) => cells.join(','));
    const eol = fc.constantFrom('\n', '\r\n', '\r');
    const doc = fc.tuple(fc.array(fc.tuple(line, eol), { maxLength: 12 }), fc.boolean()).map(
      ([lines, header]) => (header ? 'project,period,metric,value,note\n' : '') + lines.map(([l, e]) => l + e).join(''),
    );
    const encoding = fc.constantFrom('utf8', 'gbk', 'utf16le', 'bom');
    await fc.assert(
      fc.asyncProperty(doc, encoding, fc.integer({ min: 4, max: 40 }), async (text, enc, chunk) => {
        const bytes =
          enc === 'utf8'
            ? Buffer.from(text)
            : enc === 'bom'
              ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])
              : enc === 'gbk'
                ? iconv.encode(text, 'gbk')
                : Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
        const whole = parseMonitoringCsv(bytes, 'x.csv');
        const s = await stream(bytes, chunk);
        expect(s.rows).to.deep.equal(whole.rows);
        expect(s.diagnostics).to.deep.equal(whole.diagnostics);
        expect(s.encoding).to.equal(whole.encoding);
      }),
      { numRuns: 150 },
    );
  });

  it('streams 100,000 rows with every row delivered once', async () => {
    const body: string[] = ['project,period,metric,value,note\r\n'];
    for (let i = 0; i < 100_000; i++) body.push(`P${i % 97},2025-Q${(i % 4) + 1},OUT-${i % 13},${i}.5,${i % 10 === 0 ? '"a, b"' : ''}\r\n`);
    const file = path.join(tmp, 'big.csv');
    writeFileSync(file, body.join(''));
    let count = 0;
    let lastLine = 0;
    const res = await streamMonitoringCsv(file, 'big.csv', {}, (r) => {
      count++;
      lastLine = r.line;
    });
    expect(res).to.deep.equal({ diagnostics: [], rows: 100_000, encoding: 'utf-8' });
    expect(count).to.equal(100_000);
    expect(lastLine).to.equal(100_001);
  });
});
