// Workbooks in the one pipeline (FORMATS.md §6, issue 13 stage 2): what a workbook yields goes
// through the same schema and rules as YAML, every finding is at its sheet and cell in every
// validate format, walking skips what is not a form, a dossier and its 自评表 pair up, and the
// commands read workbooks as data (score --data, variance --data).
import { expect } from 'chai';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { review } from '../../../src/commands/review/run.js';
import { score } from '../../../src/commands/score/run.js';
import { validate } from '../../../src/commands/validate/run.js';
import { variance } from '../../../src/commands/variance/run.js';
import type { Diagnostic } from '../../../src/core/diagnostics.js';
import type { FormatOptions, ValidateReport } from '../../../src/core/report.js';
import { xlsx as scoreXlsx } from '../../../src/formats/score/xlsx.js';
import { validateFormats } from '../../../src/formats/validate/index.js';
import { fixture, ROOT } from '../../helpers/run.js';
import { tempDir } from '../../helpers/temp.js';

const XLSX = fixture('xlsx');
const en: FormatOptions = { lang: 'en', color: false, version: 'test' };

const all = (r: ValidateReport): Diagnostic[] => [...r.diagnostics, ...r.files.flatMap((f) => f.diagnostics)];
const place = (d: Diagnostic) => [d.file, d.code, d.severity, d.sheet ?? null, d.cell ?? null, d.line ?? null, d.column ?? null];

describe('io/workbooks: a workbook is validated like YAML, at its sheets and cells', () => {
  it('a placeholder 申报表: the reading errors at their cells, no schema error repeated at the same value', async () => {
    const { report } = await validate({ paths: ['placeholder.xlsx'], cwd: XLSX, lang: 'en' });
    expect(report.files.map((f) => [f.file, f.kind, f.valid])).to.deep.equal([['placeholder.xlsx', 'ProjectDossier', false]]);
    // The placeholders leave the two indicators without operator, target and unit: the schema
    // would say so at the same indicators, and does not.
    expect(all(report).map(place)).to.deep.equal([
      ['placeholder.xlsx', 'form-no-objectives', 'warning', '申报表', 'B3', 3, 2],
      ['placeholder.xlsx', 'form-no-weights', 'info', '申报表', 'B7', 7, 2],
      ['placeholder.xlsx', 'target-placeholder', 'error', '申报表', 'E8', 8, 5],
      ['placeholder.xlsx', 'target-placeholder', 'error', '申报表', 'E9', 9, 5],
    ]);
  });

  it('puts the sheet and cell in every validate format', async () => {
    const { report } = await validate({ paths: ['placeholder.xlsx'], cwd: XLSX, lang: 'en' });
    const json = JSON.parse(validateFormats.json(report, en));
    expect(json.files[0].diagnostics[2]).to.include({ code: 'target-placeholder', sheet: '申报表', cell: 'E8', line: 8, column: 5, path: '/indicators/0/target' });
    // A YAML diagnostic has no sheet or cell keys (the contract adds them for workbooks only).
    const stylish = validateFormats.stylish(report, en);
    expect(stylish).to.match(/^placeholder\.xlsx$/m);
    expect(stylish).to.match(/^ {2}placeholder\.xlsx 申报表!E8 +error +the target "≥\*\*人次" is an unfilled placeholder/m);
    const sarif = JSON.parse(validateFormats.sarif(report, en));
    const result = sarif.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'target-placeholder');
    expect(result.locations[0].physicalLocation.region).to.deep.equal({ startLine: 8, startColumn: 5 });
    expect(result.locations[0].logicalLocations).to.deep.equal([{ name: 'E8', fullyQualifiedName: '申报表!E8', kind: 'element' }]);
    expect(result.properties).to.deep.equal({ path: '/indicators/0/target', sheet: '申报表', cell: 'E8' });
    const github = validateFormats.github(report, en);
    expect(github).to.contain('::error file=placeholder.xlsx,line=8,col=5,title=bpm target-placeholder 申报表!E8::the target');
    const junit = validateFormats.junit(report, en);
    expect(junit).to.contain('name="target-placeholder 申报表!E8"');
    expect(junit).to.contain('error target-placeholder placeholder.xlsx:申报表!E8 (/indicators/0/target)');
    const markdown = validateFormats.markdown(report, en);
    expect(markdown).to.contain('| 申报表!E8 | error | target-placeholder |');
  });

  it('a rule finding about a workbook value is at its cell (budget-initial-differs in the Sichuan 自评表)', async () => {
    const { report } = await validate({ paths: ['sichuan.xlsx'], cwd: XLSX, lang: 'en' });
    const d = all(report).find((x) => x.code === 'budget-initial-differs')!;
    expect(place(d)).to.deep.equal(['sichuan.xlsx', 'budget-initial-differs', 'warning', '部门预算项目支出绩效自评表', 'C7', 7, 3]);
  });

  it('one file result per workbook, whatever its sheets; each finding at the sheet of its project', async () => {
    const { report } = await validate({ paths: ['several-projects.xlsx'], cwd: XLSX, lang: 'en' });
    expect(report.files.map((f) => f.file)).to.deep.equal(['several-projects.xlsx']);
    const goal = all(report).filter((d) => d.code === 'goal-no-number').map((d) => [d.file, d.sheet, d.cell]);
    expect(goal).to.deep.equal([
      ['several-projects.xlsx', '慢病防控', 'B7'],
      ['several-projects.xlsx', '疫苗接种', 'B7'],
    ]);
    // review reviews each project of the workbook on its own, under the workbook's name.
    const { report: rev } = await review({ paths: ['several-projects.xlsx'], cwd: XLSX, lang: 'en' });
    expect(rev.files.map((f) => [f.file, f.review.project?.code])).to.deep.equal([
      ['several-projects.xlsx', 'DL-2025-WJ-012'],
      ['several-projects.xlsx', 'DL-2025-WJ-011'],
    ]);
    // score gives each project only the problems of its own sheet.
    const { report: s } = await score({ paths: ['several-projects.xlsx'], cwd: XLSX, lang: 'en' });
    const sheets = Object.fromEntries(s.projects.map((p) => [p.code, [...new Set(p.diagnostics.map((d) => d.sheet))]]));
    expect(sheets).to.deep.equal({ 'DL-2025-WJ-011': ['疫苗接种'], 'DL-2025-WJ-012': ['慢病防控'] });
    expect(s.projects.flatMap((p) => p.files)).to.deep.equal(['several-projects.xlsx', 'several-projects.xlsx', 'several-projects.xlsx', 'several-projects.xlsx']);
  });

  it('walking skips a workbook without a form and one of bpm\'s reports; named, each is an error', async () => {
    const dir = tempDir('bpm-wb-');
    try {
      cpSync(join(ROOT, 'examples/culture-community-events'), join(dir, 'p'), { recursive: true });
      cpSync(join(XLSX, 'no-form.xlsx'), join(dir, 'p', '通讯录.xlsx'));
      const { report: scored } = await score({ paths: ['p'], cwd: dir, lang: 'en' });
      writeFileSync(join(dir, 'p', 'report.xlsx'), scoreXlsx(scored, en));
      writeFileSync(join(dir, 'p', '~$dossier.xlsx'), Buffer.from('owner file of an open workbook'));
      const walked = await validate({ paths: ['p'], cwd: dir, lang: 'en' });
      expect(walked.report.files.map((f) => f.file)).to.deep.equal(['p/dossier.yaml', 'p/evaluation.yaml', 'p/monitoring.csv']);
      expect(walked.report.summary).to.include({ errors: 0 });
      const named = await validate({ paths: ['p/通讯录.xlsx', 'p/report.xlsx'], cwd: dir, lang: 'en' });
      expect(all(named.report).filter((d) => d.severity === 'error').map((d) => [d.file, d.code])).to.deep.equal([
        ['p/report.xlsx', 'xlsx-is-bpm-report'],
        ['p/通讯录.xlsx', 'xlsx-no-form'],
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('an old .xls is refused when named, and found by walking it is a warning', async () => {
    const named = await validate({ paths: ['legacy.xls'], cwd: XLSX, lang: 'en' });
    expect(all(named.report).map((d) => [d.code, d.severity])).to.deep.equal([['xlsx-legacy', 'error']]);
    const walked = await validate({ paths: ['.'], cwd: fixture('validate', 'xlsx-legacy-skipped'), lang: 'en' });
    expect(all(walked.report).map((d) => [d.code, d.severity])).to.deep.equal([['xlsx-legacy-skipped', 'warning']]);
  });
});

describe('io/workbooks: a dossier and its 自评表 in one run', () => {
  it('the YAML dossier is the reference: no second dossier, the 自评表 is the evaluation', async () => {
    const dir = tempDir('bpm-wb-');
    try {
      cpSync(join(ROOT, 'examples/old-neighbourhood-renovation/dossier.yaml'), join(dir, 'dossier.yaml'));
      cpSync(join(XLSX, 'self-evaluation.xlsx'), join(dir, 'self-evaluation.xlsx'));
      const { report } = await validate({ paths: ['.'], cwd: dir, lang: 'en' });
      expect(report.files.map((f) => [f.file, f.kind])).to.deep.equal([
        ['dossier.yaml', 'ProjectDossier'],
        ['self-evaluation.xlsx', 'Evaluation'],
      ]);
      // Same targets and weights: nothing changed; the form's lack of objectives is moot.
      expect(all(report).map((d) => d.code)).to.deep.equal(['form-score-out-of-band']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('re-keys the 自评表 to the reference codes by indicator name, and its cells are still found', async () => {
    const dir = tempDir('bpm-wb-');
    try {
      // The YAML dossier numbers its indicators otherwise: OUT-1 and OUT-2 swapped.
      const yaml = readFileSync(join(ROOT, 'examples/old-neighbourhood-renovation/dossier.yaml'), 'utf8').replace('code: OUT-1\n', 'code: X-1\n').replace('code: OUT-2\n', 'code: OUT-1\n').replace('code: X-1\n', 'code: OUT-2\n');
      writeFileSync(join(dir, 'dossier.yaml'), yaml);
      cpSync(join(XLSX, 'self-evaluation.xlsx'), join(dir, 'self-evaluation.xlsx'));
      const { report } = await score({ paths: ['.'], cwd: dir, lang: 'en' });
      const p = report.projects[0];
      expect(p.status).to.equal('scored');
      const byName = Object.fromEntries(p.indicators.map((i) => [i.code, [i.name, i.score?.toFixed(2)]]));
      expect(byName['OUT-1']).to.deep.equal(['完成改造建筑面积', '10.21']);
      expect(byName['OUT-2']).to.deep.equal(['完成改造老旧小区数量', '6.67']);
      // The recheck compares the form's claims under the reference's codes…
      expect(p.discrepancies.map((x) => x.item)).to.include('indicator:OUT-2');
      // …and a finding about OUT-2's actual points at the form's row of that indicator.
      const { report: v } = await validate({ paths: ['.'], cwd: dir, lang: 'en' });
      const band = all(v).find((d) => d.code === 'form-score-out-of-band')!;
      expect([band.sheet, band.cell]).to.deep.equal(['自评表', 'H19']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a 申报表 without 分值 takes the 自评表\'s weights; without a 自评表 its evaluation cannot be scored', async () => {
    const { report } = await score({ paths: ['.'], cwd: fixture('validate', 'weights-missing'), lang: 'en' });
    expect(report.projects.map((p) => [p.code, p.status])).to.deep.equal([['declaration', 'invalid']]);
    expect(report.diagnostics.filter((d) => d.severity === 'error').map((d) => [d.code, d.sheet, d.cell])).to.deep.equal([['weights-missing', '申报表', 'B8']]);
  });
});

describe('io/workbooks: workbooks as monitoring data', () => {
  it('variance --data book.xlsx reads its monitoring sheet; a problem of a row is at its cell', async () => {
    const dir = tempDir('bpm-wb-');
    try {
      cpSync(join(ROOT, 'examples/old-neighbourhood-renovation/dossier.yaml'), join(dir, 'dossier.yaml'));
      const run = await variance({ paths: ['dossier.yaml'], data: [join(XLSX, 'monitoring.xlsx')], cwd: dir, lang: 'en' });
      const projects = [...run.report.projects];
      expect(projects[0].periods.map((p) => [p.period, p.budget.actual])).to.deep.equal([
        ['2025-Q1', 265.4],
        ['2025-Q2', 818.6],
        ['2025-08', 1204.7],
      ]);
      expect(run.report.diagnostics.filter((d) => d.severity !== 'info').map((d) => [d.code, d.sheet, d.cell])).to.deep.equal([]);
      // A workbook without a monitoring sheet named as data is an error.
      const none = await variance({ paths: ['dossier.yaml'], data: [join(XLSX, 'declaration.xlsx')], cwd: dir, lang: 'en' });
      [...none.report.projects];
      expect(none.report.diagnostics.filter((d) => d.severity === 'error').map((d) => [d.code, d.args?.variant])).to.deep.equal([['xlsx-no-form', 'monitoring']]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a data problem of a workbook row points at the cell it is about', async () => {
    const dir = tempDir('bpm-wb-');
    try {
      // The sheet's rows are for DL-2025-ZJ-001; the dossier of this run has another code.
      const yaml = readFileSync(join(ROOT, 'examples/old-neighbourhood-renovation/dossier.yaml'), 'utf8').replace('DL-2025-ZJ-001', 'DL-2025-ZJ-009');
      writeFileSync(join(dir, 'dossier.yaml'), yaml);
      cpSync(join(XLSX, 'monitoring.xlsx'), join(dir, 'data.xlsx'));
      const { report } = await validate({ paths: ['.'], cwd: dir, lang: 'en' });
      const unknown = all(report).filter((d) => d.code === 'unknown-project').map((d) => [d.file, d.sheet, d.cell, d.line, d.column]);
      expect(unknown).to.deep.equal([2, 3, 4, 5, 6, 7, 8].map((r) => ['data.xlsx', '监控数据', `A${r}`, r, 1]));
      // score ignores the rows of projects outside the run, with one info line.
      const { report: s } = await score({ paths: ['dossier.yaml'], data: ['data.xlsx'], cwd: dir, lang: 'en' });
      expect(s.ignoredProjects).to.deep.equal(['DL-2025-ZJ-001']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
