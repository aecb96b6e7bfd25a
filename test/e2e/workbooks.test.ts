// End-to-end: workbooks through the real binary (bin/bpm.js). Bad input — a corrupt zip, an
// encrypted workbook, an old .xls, a workbook without a form, an enormous sheet, a formula without
// its cached value, a zip bomb — gives a clear message at the sheet and cell where it applies and
// the documented exit code, never a stack trace; the input is left as it was and a failed run
// writes nothing. The xlsx formats need a file; -o replaces bpm's own workbook report, never a form.
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { readWorkbook } from '../../src/io/xlsx/read.js';
import { writeZip } from '../../src/io/xlsx/zip.js';
import { fixture, spawnBpm } from '../helpers/run.js';
import { tempDir } from '../helpers/temp.js';

const XLSX = fixture('xlsx');
const hash = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** A workbook of one sheet with more filled cells than a workbook may have (1,000,000). */
function enormous(): Buffer {
  const row = '<c><v>1</v></c>'.repeat(10_001);
  const rows: string[] = [];
  for (let r = 1; r <= 100; r++) rows.push(`<row r="${r}">${row}</row>`);
  const ns = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const pkg = 'http://schemas.openxmlformats.org/package/2006/relationships';
  return writeZip([
    { name: '_rels/.rels', data: Buffer.from(`<Relationships xmlns="${pkg}"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`) },
    { name: 'xl/workbook.xml', data: Buffer.from(`<workbook xmlns="${ns}" xmlns:r="${rel}"><sheets><sheet name="大表" sheetId="1" r:id="rId1"/></sheets></workbook>`) },
    { name: 'xl/_rels/workbook.xml.rels', data: Buffer.from(`<Relationships xmlns="${pkg}"><Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`) },
    { name: 'xl/worksheets/sheet1.xml', data: Buffer.from(`<worksheet xmlns="${ns}"><sheetData>${rows.join('')}</sheetData></worksheet>`) },
  ]);
}

interface Case {
  name: string;
  file: string;
  /** The diagnostic, where it is (`sheet!cell`, or null for the whole file). */
  code: string;
  at: string | null;
}

const CASES: Case[] = [
  { name: 'a corrupt zip', file: 'corrupt.xlsx', code: 'xlsx-corrupt', at: null },
  { name: 'an encrypted workbook', file: 'encrypted.xlsx', code: 'xlsx-encrypted', at: null },
  { name: 'an old .xls', file: 'legacy.xls', code: 'xlsx-legacy', at: null },
  { name: 'no recognisable sheet', file: 'no-form.xlsx', code: 'xlsx-no-form', at: '通讯录!A1' },
  { name: 'a zip bomb', file: 'zip-bomb.xlsx', code: 'xlsx-too-large', at: '自评表!A1' },
  { name: 'a formula without its cached value', file: 'formula-no-value.xlsx', code: 'xlsx-formula-no-value', at: '自评表!I6' },
  { name: 'an enormous sheet', file: 'enormous.xlsx', code: 'xlsx-too-large', at: '大表!A1' },
];

describe('e2e: bad workbooks', () => {
  let dir: string;
  before(() => {
    dir = tempDir('bpm-e2e-wb-');
    for (const c of CASES) if (c.file !== 'enormous.xlsx') copyFileSync(join(XLSX, c.file), join(dir, c.file));
    writeFileSync(join(dir, 'enormous.xlsx'), enormous());
    // The old .xls under the name of a WPS workbook is refused alike.
    copyFileSync(join(XLSX, 'legacy.xls'), join(dir, 'legacy.et'));
  });

  for (const c of CASES) {
    it(`${c.name}: validate and score exit 1 with ${c.code}${c.at ? ` at ${c.at}` : ''}, nothing else`, () => {
      const before = hash(join(dir, c.file));
      const v = spawnBpm(['validate', c.file, '--format', 'json'], { cwd: dir });
      expect(v.code, v.stderr).to.equal(1);
      expect(v.stderr).to.equal('');
      const d = JSON.parse(v.stdout).files[0].diagnostics.find((x: { code: string }) => x.code === c.code);
      expect(d, v.stdout).to.not.equal(undefined);
      expect(d.severity).to.equal('error');
      expect(d.sheet === undefined ? null : `${d.sheet}!${d.cell}`).to.equal(c.at);
      // stylish: under the workbook's name, each row at `file.xlsx sheet!cell` (FORMATS.md §5).
      const text = spawnBpm(['validate', c.file], { cwd: dir });
      expect(text.code).to.equal(1);
      expect(text.stdout).to.contain(`${c.file}\n`);
      if (c.at) expect(text.stdout).to.match(new RegExp(`^  ${`${c.file} ${c.at}`.replace(/[!.]/g, '\\$&')} +error`, 'm'));
      expect(text.stdout + text.stderr).to.not.match(/\n\s+at \S+ \(|Error:/);
      // score says the same and exits 1; the workbook is untouched.
      const s = spawnBpm(['score', c.file, '--format', 'json'], { cwd: dir });
      expect(s.code).to.equal(1);
      expect(JSON.parse(s.stdout).diagnostics.map((x: { code: string }) => x.code)).to.include(c.code);
      expect(hash(join(dir, c.file))).to.equal(before);
    });
  }

  it('a WPS .et is refused like an .xls, with the hint to save it as .xlsx', () => {
    const r = spawnBpm(['validate', 'legacy.et'], { cwd: dir });
    expect(r.code).to.equal(1);
    expect(r.stdout).to.contain('save it as an Excel workbook (.xlsx)');
  });

  it('a failed score writes no workbook: usage errors before any work, no temporary file left', () => {
    const before = readdirSync(dir).sort();
    const terminal = spawnBpm(['score', 'formula-no-value.xlsx', '--format', 'xlsx'], { cwd: dir });
    expect(terminal.code).to.equal(2);
    expect(terminal.stderr).to.contain('--format xlsx writes an Excel workbook').and.contain('-o score.xlsx');
    expect(terminal.stdout).to.equal('');
    const variance = spawnBpm(['variance', '.', '--format', 'xlsx', '-o', '-'], { cwd: dir });
    expect(variance.code).to.equal(2);
    expect(variance.stderr).to.contain('-o variance.xlsx');
    // -o onto one of the inputs: refused (exit 2), the input intact.
    const h = hash(join(dir, 'no-form.xlsx'));
    const onInput = spawnBpm(['score', 'no-form.xlsx', '--format', 'xlsx', '-o', 'no-form.xlsx'], { cwd: dir });
    expect(onInput.code).to.equal(2);
    expect(hash(join(dir, 'no-form.xlsx'))).to.equal(h);
    expect(readdirSync(dir).sort()).to.deep.equal(before);
  });
});

describe('e2e: workbook reports', () => {
  it('score --format xlsx -o writes a workbook; running again replaces it; a form workbook is protected', () => {
    const dir = tempDir('bpm-e2e-report-');
    const out = join(dir, '评价结果.xlsx');
    const r = spawnBpm(['score', 'examples', '--format', 'xlsx', '-o', out, '--lang', 'zh']);
    expect(r.code, r.stderr).to.equal(0);
    expect(r.stdout).to.equal('');
    const wb = readWorkbook(readFileSync(out));
    expect(wb.sheets[0].name).to.equal('汇总');
    expect(wb.sheets.at(-1)!.name).to.equal('复核');
    // The same -o again: bpm's own report may be replaced.
    expect(spawnBpm(['score', 'examples', '--format', 'xlsx', '-o', out]).code).to.equal(0);
    // A filled-in form in the way is not, unless --force.
    const form = join(dir, 'self-evaluation.xlsx');
    copyFileSync(join(XLSX, 'self-evaluation.xlsx'), form);
    const refused = spawnBpm(['score', 'examples', '--format', 'xlsx', '-o', form]);
    expect(refused.code).to.equal(2);
    expect(refused.stderr).to.contain('input workbook');
    expect(hash(form)).to.equal(hash(join(XLSX, 'self-evaluation.xlsx')));
    expect(spawnBpm(['score', 'examples', '--format', 'xlsx', '-o', form, '--force']).code).to.equal(0);
    // Walked, the report is not read back as a form.
    const walked = spawnBpm(['validate', dir, '--format', 'json']);
    expect(JSON.parse(walked.stdout).files).to.deep.equal([]);
  });

  it('score --format xlsx --out-dir writes one workbook per project and nothing to stdout', () => {
    const dir = tempDir('bpm-e2e-outdir-');
    const r = spawnBpm(['score', 'examples', '--format', 'xlsx', '--out-dir', dir]);
    expect(r.code, r.stderr).to.equal(0);
    expect(r.stdout).to.equal('');
    expect(readdirSync(dir).sort()).to.deep.equal(['DL-2025-HB-001.xlsx', 'DL-2025-JY-001.xlsx', 'DL-2025-MZ-001.xlsx', 'DL-2025-TY-001.xlsx', 'DL-2025-WL-001.xlsx', 'DL-2025-ZJ-001.xlsx']);
    expect(readWorkbook(readFileSync(join(dir, 'DL-2025-TY-001.xlsx'))).sheets.map((s) => s.name)).to.deep.equal(['Summary', 'DL-2025-TY-001', 'Recheck']);
  });

  it('variance --data book.xlsx --format xlsx -o writes the monitoring workbook', () => {
    const dir = tempDir('bpm-e2e-var-');
    const out = join(dir, 'monitoring-report.xlsx');
    const r = spawnBpm(['variance', 'examples/old-neighbourhood-renovation/dossier.yaml', '--data', join(XLSX, 'monitoring.xlsx'), '--format', 'xlsx', '-o', out]);
    expect(r.code, r.stderr).to.equal(0);
    expect(existsSync(out)).to.equal(true);
    expect(readWorkbook(readFileSync(out)).sheets.map((s) => s.name)).to.deep.equal(['Summary', 'DL-2025-ZJ-001']);
  });
});
