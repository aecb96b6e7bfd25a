// End-to-end: `bpm import` turns workbooks into YAML documents (and monitoring sheets into a
// CSV), names the source in the first line, never writes over a file without --force, and
// writes nothing when a workbook has an error.
import { expect } from 'chai';
import { copyFileSync, existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { parseMonitoringCsv } from '../../src/io/csv.js';
import { readWorkbookDocuments } from '../../src/io/xlsx/forms/index.js';
import { readWorkbook } from '../../src/io/xlsx/read.js';
import { fixture, spawnBpm } from '../helpers/run.js';
import { tempDir } from '../helpers/temp.js';

const book = (name: string) => fixture('xlsx', name);
const tmp = () => tempDir('bpm-import-');

function files(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1).split('\\').join('/'))
    .sort();
}

describe('e2e: bpm import', () => {
  it('writes one folder per project with dossier.yaml and evaluation.yaml, and the monitoring sheet as CSV', () => {
    const dir = tmp();
    const r = spawnBpm(['import', book('self-evaluation.xlsx'), book('several-projects.xlsx'), book('monitoring.xlsx'), '-o', 'out'], { cwd: dir });
    expect(r.code, r.stderr).to.equal(0);
    const out = join(dir, 'out');
    expect(files(out)).to.deep.equal([
      'DL-2025-WJ-011/dossier.yaml',
      'DL-2025-WJ-011/evaluation.yaml',
      'DL-2025-WJ-012/dossier.yaml',
      'DL-2025-WJ-012/evaluation.yaml',
      'DL-2025-ZJ-001/dossier.yaml',
      'DL-2025-ZJ-001/evaluation.yaml',
      'monitoring.csv',
    ]);
    expect(r.stdout).to.include('out/DL-2025-ZJ-001/evaluation.yaml');
    // Warnings go to stderr, located at their sheet and cell.
    expect(r.stderr).to.include('self-evaluation.xlsx 自评表!H19  warning');
    expect(r.stderr).to.include('form-score-out-of-band');

    const text = readFileSync(join(out, 'DL-2025-ZJ-001/evaluation.yaml'), 'utf8');
    const [first, second] = text.split('\n');
    expect(first).to.equal(`# Imported by bpm from ${book('self-evaluation.xlsx')}, sheet "自评表"`);
    const schema = /^# yaml-language-server: \$schema=(\S+)$/.exec(second)![1];
    expect(existsSync(resolve(join(out, 'DL-2025-ZJ-001'), schema))).to.equal(true);
    expect(schema.endsWith('schemas/evaluation.schema.json')).to.equal(true);
    // The YAML holds exactly the documents read from the workbook, keys in bpm's order.
    const [dossier, evaluation] = readWorkbookDocuments(readFileSync(book('self-evaluation.xlsx')), 'x').documents;
    expect(parse(text)).to.deep.equal(evaluation.data);
    const dossierText = readFileSync(join(out, 'DL-2025-ZJ-001/dossier.yaml'), 'utf8');
    expect(parse(dossierText)).to.deep.equal(dossier.data);
    expect(Object.keys(parse(dossierText))).to.deep.equal(['apiVersion', 'kind', 'project', 'budget', 'goal', 'indicators']);
    expect(dossierText).to.include('    operator: ">="\n');

    const csv = parseMonitoringCsv(readFileSync(join(out, 'monitoring.csv')), 'monitoring.csv');
    expect(csv.diagnostics).to.deep.equal([]);
    const sheet = readWorkbookDocuments(readFileSync(book('monitoring.xlsx')), 'monitoring.xlsx').documents[0].data.rows as { period: string; metric: string; value: string; percent: boolean; note?: string }[];
    expect(csv.rows.map((x) => [x.period, x.metric, x.value, x.percent, x.note])).to.deep.equal(sheet.map((x) => [x.period, x.metric, x.value, x.percent, x.note]));
  });

  it('refuses to write over existing files (exit 2, nothing changed) unless --force', () => {
    const dir = tmp();
    expect(spawnBpm(['import', book('sichuan.xlsx'), '--lang', 'zh'], { cwd: dir }).code).to.equal(0);
    const target = join(dir, '51000021R000000019951/dossier.yaml');
    expect(readFileSync(target, 'utf8').split('\n')[0]).to.equal(`# 由 bpm 导入自 ${book('sichuan.xlsx')} 的工作表“部门预算项目支出绩效自评表”`);
    const before = statSync(target).mtimeMs;
    const again = spawnBpm(['import', book('sichuan.xlsx')], { cwd: dir });
    expect(again.code).to.equal(2);
    expect(again.stderr).to.include('refusing to overwrite existing files: 51000021R000000019951/dossier.yaml, 51000021R000000019951/evaluation.yaml');
    expect(statSync(target).mtimeMs).to.equal(before);
    const forced = spawnBpm(['import', book('sichuan.xlsx'), '--force'], { cwd: dir });
    expect(forced.code, forced.stderr).to.equal(0);
  });

  it('writes nothing when a workbook has an error, and says where (exit 1)', () => {
    const dir = tmp();
    const r = spawnBpm(['import', book('self-evaluation.xlsx'), book('formula-no-value.xlsx'), book('corrupt.xlsx'), book('legacy.xls'), '-o', 'out'], { cwd: dir });
    expect(r.code).to.equal(1);
    expect(files(join(dir, 'out'))).to.deep.equal([]);
    expect(r.stderr).to.include('formula-no-value.xlsx 自评表!I6  error');
    expect(r.stderr).to.include('xlsx-formula-no-value');
    expect(r.stderr).to.match(/corrupt\.xlsx {2}error {2}.*save it again as \.xlsx.*xlsx-corrupt/);
    expect(r.stderr).to.match(/legacy\.xls {2}error {2}.*\.xls.*xlsx-legacy/);
    expect(r.stderr).to.include('Nothing was written');
    expect(r.stderr).to.not.match(/\n\s+at /); // no stack trace
  });

  it('writes nothing when what a workbook holds fails bpm validate (a blank 申报表: required fields missing), exit 1', () => {
    const dir = tmp();
    expect(spawnBpm(['init', '--format', 'xlsx', 'blank'], { cwd: dir }).code).to.equal(0);
    const validate = spawnBpm(['validate', 'blank/dossier.xlsx', '-f', 'json'], { cwd: dir });
    const expected = JSON.parse(validate.stdout).files[0].diagnostics.filter((d: { severity: string }) => d.severity === 'error');
    expect(expected.length).to.be.greaterThan(3);
    const r = spawnBpm(['import', 'blank/dossier.xlsx', '-o', 'out'], { cwd: dir });
    expect(r.code).to.equal(1);
    expect(files(join(dir, 'out'))).to.deep.equal([]);
    // The same errors as bpm validate, at the same cells.
    for (const d of expected) expect(r.stderr).to.include(`blank/dossier.xlsx ${d.sheet}!${d.cell}  error  ${d.message}  ${d.code}`);
    expect(r.stderr).to.include('required field "goal" is missing');
    expect(r.stderr).to.include('Nothing was written');
  });

  it('reports two workbooks of the same project as duplicates; a missing file is a usage error', () => {
    const dir = tmp();
    copyFileSync(book('self-evaluation.xlsx'), join(dir, 'copy.xlsx'));
    const dup = spawnBpm(['import', book('self-evaluation.xlsx'), 'copy.xlsx', '-o', 'out'], { cwd: dir });
    expect(dup.code).to.equal(1);
    expect(dup.stderr).to.match(/copy\.xlsx 自评表!H3 {2}error {2}.*DL-2025-ZJ-001.*project-code-duplicate/);
    expect(dup.stderr).to.match(/copy\.xlsx 自评表!A1 {2}error {2}.*evaluation-duplicate/);
    expect(files(join(dir, 'out'))).to.deep.equal([]);
    const missing = spawnBpm(['import', 'nope.xlsx'], { cwd: dir });
    expect(missing.code).to.equal(2);
    expect(missing.stderr).to.include('nope.xlsx');
    // The same file named twice is read once.
    const twice = spawnBpm(['import', book('sichuan.xlsx'), book('sichuan.xlsx'), '-o', 'twice'], { cwd: dir });
    expect(twice.code, twice.stderr).to.equal(0);
    expect(files(join(dir, 'twice'))).to.deep.equal(['51000021R000000019951/dossier.yaml', '51000021R000000019951/evaluation.yaml']);
  });
});

describe('e2e: bpm init --format xlsx', () => {
  it('writes a blank 绩效目标申报表 workbook, the same bytes each time, and never over a file', () => {
    const dir = tmp();
    const r = spawnBpm(['init', '--format', 'xlsx', 'a'], { cwd: dir });
    expect(r.code, r.stderr).to.equal(0);
    expect(r.stdout).to.include('a/dossier.xlsx');
    expect(spawnBpm(['init', '--format', 'xlsx', 'b'], { cwd: dir }).code).to.equal(0);
    const a = readFileSync(join(dir, 'a/dossier.xlsx'));
    expect(a.equals(readFileSync(join(dir, 'b/dossier.xlsx')))).to.equal(true);
    const wb = readWorkbook(a);
    expect(wb.sheets.map((s) => [s.name, s.state])).to.deep.equal([
      ['绩效目标申报表', 'visible'],
      ['选项', 'hidden'],
    ]);
    const again = spawnBpm(['init', '--format', 'xlsx', 'a'], { cwd: dir });
    expect(again.code).to.equal(2);
    expect(again.stderr).to.include('a/dossier.xlsx');
    expect(files(join(dir, 'a'))).to.deep.equal(['dossier.xlsx']);
  });
});
