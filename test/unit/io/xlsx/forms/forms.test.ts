// Workbooks in the official layouts → raw documents, compared with hand-checked expectations
// (test/fixtures/xlsx/expected/*.json: data, the cell of every value, the diagnostics), and the
// 自评表 twin of examples/old-neighbourhood-renovation with that example's YAML.
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseYaml } from '../../../../../src/io/yaml.js';
import { readWorkbookDocuments, type WorkbookReading } from '../../../../../src/io/xlsx/forms/index.js';
import { fixture, ROOT } from '../../../../helpers/run.js';

type Doc = Record<string, any>;

const read = (name: string): WorkbookReading => readWorkbookDocuments(readFileSync(fixture('xlsx', name)), name);
const yaml = (path: string): Doc => parseYaml(readFileSync(join(ROOT, path), 'utf8'), path).data as Doc;
const diag = (r: WorkbookReading) => r.diagnostics.map((d) => [d.code, d.severity, d.sheet ?? null, d.cell ?? null, d.path ?? null]);

describe('io/xlsx/forms: the 自评表 twin of examples/old-neighbourhood-renovation', () => {
  const r = read('self-evaluation.xlsx');
  const [dossier, evaluation] = r.documents;

  it('yields a dossier equal to the example dossier, but for what the form does not carry', () => {
    const expected = yaml('examples/old-neighbourhood-renovation/dossier.yaml');
    delete expected.project.objectives;
    delete expected.project.category;
    delete expected.budget.schedule;
    for (const ind of expected.indicators) for (const k of ['basis', 'baseline', 'milestones', 'tracking']) delete ind[k];
    expect([dossier.kind, dossier.sheet, dossier.form]).to.deep.equal(['ProjectDossier', '自评表', 'self-evaluation']);
    expect(dossier.data).to.deep.equal(expected);
    expect(dossier.sections!.map((s) => [s.level1, s.points, s.pos.cell])).to.deep.equal([
      ['output', 50, 'B13'],
      ['effect', 30, 'B18'],
      ['satisfaction', 10, 'B21'],
    ]);
  });

  it('yields an evaluation equal to the example evaluation, but for what the form does not carry', () => {
    const expected = yaml('examples/old-neighbourhood-renovation/evaluation.yaml');
    delete expected.evaluator;
    // The form prints the claimed score (8) beside 未达成; the evaluator's own 4.5 is not on it.
    delete expected.actuals['EFF-2'].score;
    // A survey is printed as its rate: 504 / 640 = 78.75%.
    const survey = expected.actuals['SAT-1'].survey;
    expect((survey.satisfied / survey.respondents) * 100).to.equal(78.75);
    expected.actuals['SAT-1'] = { value: 78.75, note: expected.actuals['SAT-1'].note };
    // What the form carries beyond the YAML (FORMATS.md v1.1): the outcome and the budget row.
    expected.outcome = '完成8个小区改造，改造建筑面积4.9万平方米，更新管网6.2公里，惠及居民890户；其余4个小区顺延至2026年5月完工。';
    expected.claimed.budget = { initial: 2650.75, total: 2650.75, executed: 2253.14, rate: 85 };
    const actual = structuredClone(evaluation.data) as Doc;
    const texts: Record<string, string> = {};
    for (const [code, a] of Object.entries(actual.actuals as Doc)) {
      if (a && typeof a === 'object' && 'text' in a) {
        texts[code] = a.text;
        delete a.text;
      }
    }
    expect(actual).to.deep.equal({ ...expected, claimed: { ...expected.claimed } });
    expect(texts).to.deep.equal({ 'OUT-1': '8个', 'OUT-2': '4.9万平方米', 'OUT-5': '386元/平方米', 'EFF-1': '890户', 'SAT-1': '78.75%' });
  });

  it('remembers the cell of every value and reports what it could not take over', () => {
    const cell = (d: typeof dossier, p: string) => `${d.positions[p].sheet}!${d.positions[p].cell}`;
    expect(cell(dossier, '/indicators/3/target')).to.equal('自评表!E16');
    expect(cell(dossier, '/indicators/6/level1')).to.equal('自评表!B18');
    expect(cell(dossier, '/budget/sources/2/amount')).to.equal('自评表!F9');
    expect(cell(evaluation, '/claimed/total')).to.equal('自评表!H22');
    expect(cell(evaluation, '/claimed/execution')).to.equal('自评表!J6');
    expect(cell(evaluation, '/actuals/EFF-3')).to.equal('自评表!F20');
    expect(cell(evaluation, '/actuals/SAT-1/note')).to.equal('自评表!I21');
    expect(diag(r)).to.deep.equal([
      ['form-no-objectives', 'warning', '自评表', 'C3', '/project/objectives'],
      ['form-score-out-of-band', 'warning', '自评表', 'H19', '/actuals/EFF-2/score'],
    ]);
    expect(r.diagnostics[1]).to.include({ file: 'self-evaluation.xlsx', line: 19, column: 8 });
  });
});

describe('io/xlsx/forms: regional variants and other forms', () => {
  for (const [name, what] of [
    ['sichuan', 'Sichuan 自评表: 指标性质/指标值/度量单位 columns, 调整后预算数, numbers as text, blanks filled down, a row moved down, 其中 rows, the code in 项目名称'],
    ['declaration', 'central 申报表: amounts below their labels, no 分值, operator words, the file name as code'],
    ['declaration-local', 'local 申报表: amounts in 元 beside their labels, 项目编码, dates, 上年度实际水平 | 本年度计划水平, 分值, 取值依据, section points'],
    ['several-projects', 'several projects, one per sheet; the instruction sheet and the hidden sheet skipped'],
    ['monitoring', 'monitoring sheet: Chinese column names, percent formats, numbers as text, a month typed as a date'],
    ['placeholder', 'unfilled 申报表: ** placeholders are errors at their cells'],
  ] as const) {
    it(`${name}: ${what}`, () => {
      const r = read(`${name}.xlsx`);
      const expected = JSON.parse(readFileSync(fixture('xlsx', 'expected', `${name}.json`), 'utf8'));
      const got = r.documents.map((d) => ({
        kind: d.kind,
        sheet: d.sheet,
        form: d.form,
        ...(d.sections?.length ? { sections: d.sections.map((s) => [s.level1, s.points, s.pos.cell]) } : {}),
        data: d.data,
        positions: Object.fromEntries(Object.entries(d.positions).map(([k, v]) => [k, v.cell])),
      }));
      expect(got).to.deep.equal(expected.documents);
      expect(diag(r)).to.deep.equal(expected.diagnostics);
    });
  }
});

describe('io/xlsx/forms: broken workbooks give a located diagnostic, never a throw', () => {
  for (const [name, code, sheet, cell] of [
    ['corrupt.xlsx', 'xlsx-corrupt', null, null],
    ['encrypted.xlsx', 'xlsx-encrypted', null, null],
    ['legacy.xls', 'xlsx-legacy', null, null],
    ['zip-bomb.xlsx', 'xlsx-too-large', '自评表', 'A1'],
    ['no-form.xlsx', 'xlsx-no-form', '通讯录', 'A1'],
    ['formula-no-value.xlsx', 'xlsx-formula-no-value', '自评表', 'I6'],
    ['placeholder.xlsx', 'target-placeholder', '申报表', 'E8'],
  ] as const) {
    it(`${name}: ${code}${sheet ? ` at ${sheet}!${cell}` : ''}`, () => {
      const r = read(name);
      const errors = r.diagnostics.filter((d) => d.severity === 'error');
      expect(errors.length).to.be.greaterThan(0);
      expect([errors[0].code, errors[0].sheet ?? null, errors[0].cell ?? null, errors[0].file]).to.deep.equal([code, sheet, cell, name]);
    });
  }

  it('a formula without a cached value leaves the figure out (no guess) and says so once per cell', () => {
    const r = read('formula-no-value.xlsx');
    expect(r.diagnostics.filter((d) => d.code === 'xlsx-formula-no-value').map((d) => [d.cell, d.args?.formula])).to.deep.equal([
      ['I6', 'G6/F6'],
      ['J6', 'H6*I6'],
    ]);
    const evaluation = r.documents.find((d) => d.kind === 'Evaluation')!.data as Doc;
    expect(evaluation.claimed.execution).to.equal(undefined);
    expect(evaluation.claimed.budget).to.deep.equal({ initial: 2650.75, total: 2650.75, executed: 2253.14 });
  });

  it('the zip bomb is refused while inflating, with nothing read', () => {
    const r = read('zip-bomb.xlsx');
    expect(r.documents).to.deep.equal([]);
    expect(r.diagnostics.map((d) => [d.code, d.args])).to.deep.equal([['xlsx-too-large', { variant: 'entry', limit: 64 * 1024 * 1024 }]]);
  });
});
