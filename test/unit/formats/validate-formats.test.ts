import { readFileSync } from 'node:fs';
import { expect } from 'chai';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { FormatOptions, ReviewReport, ValidateReport } from '../../../src/core/report.js';
import { formats as catalog } from '../../../src/i18n/catalog/formats.js';
import { hasMessage, t } from '../../../src/i18n/index.js';
import { validateFormats } from '../../../src/formats/validate/index.js';
import { DEFAULT_VALIDATE_FORMAT, formatNames, isFormatName, VALIDATE_FORMATS } from '../../../src/formats/names.js';
import { escapeData, escapeProperty } from '../../../src/formats/validate/github.js';
import { findAll, parseXml, type XmlElement } from './xml-check.js';

const BELL = '\u0007';
const ESC = '\u001b';
const TRICKY = `Indicator "OUT-2" needs a unit | <b>&amp; 100% done\nsecond line${BELL} bell${ESC}[31m`;

const en: FormatOptions = { lang: 'en', color: false, version: '1.2.3' };
const zh: FormatOptions = { lang: 'zh', color: false, version: '1.2.3' };

function sample(): ValidateReport {
  return {
    command: 'validate',
    files: [
      {
        file: 'p/dossier.yaml',
        kind: 'ProjectDossier',
        valid: false,
        // Deliberately unsorted: formatters must not depend on the order they are given.
        diagnostics: [
          { code: 'missing-unit', severity: 'error', message: TRICKY, path: '/indicators/1', line: 20, column: 7, file: 'p/dossier.yaml' },
          { code: 'weights-sum', severity: 'error', message: '指标权重合计为 90,应为 100', path: '/indicators/0/weight', line: 12, column: 5, file: 'p/dossier.yaml' },
          { code: 'baseline-missing', severity: 'info', message: 'No baseline for OUT-1', path: '/indicators/0', line: 14, column: 5, file: 'p/dossier.yaml' },
          { code: 'vague-goal', severity: 'warning', message: '年度总体目标过于笼统', path: '/goal', line: 3, column: 7, file: 'p/dossier.yaml' },
        ],
      },
      {
        file: 'p/评价,终稿.yaml',
        kind: 'Evaluation',
        valid: true,
        diagnostics: [
          { code: 'over-achievement', severity: 'warning', message: 'OUT-1: actual 52 exceeds target 50 by 4%, explain', path: '/actuals/OUT-1', line: 8, column: 3, file: 'p/评价,终稿.yaml' },
        ],
      },
      { file: 'p/ok.yaml', kind: 'StrategyPlan', valid: true, diagnostics: [] },
      {
        file: 'data/monitoring.csv',
        kind: 'MonitoringData',
        valid: false,
        diagnostics: [{ code: 'unreadable', severity: 'error', message: 'Cannot decode file', file: 'data/monitoring.csv' }],
      },
    ],
    diagnostics: [{ code: 'unmatched-glob', severity: 'warning', message: 'No file matches "x/*.yaml"' }],
    summary: { files: 4, errors: 3, warnings: 3 },
  };
}

/** A piece of a hand-made review report that `bpm review` always fills in, left out or malformed. */
const loose = <T,>(v: unknown): T => v as T;

/** A review report put together by hand: the formatters leave out what is missing or malformed. */
function reviewSample(): ReviewReport {
  return {
    command: 'review',
    files: [
      {
        file: 'a/dossier.yaml',
        kind: 'ProjectDossier',
        valid: true,
        diagnostics: [{ code: 'vague-goal', severity: 'warning', message: 'Goal | vague', line: 4, column: 7 }],
        review: loose({ score: 85, verdict: 'pass', dimensions: { clarity: { score: 18 }, relevance: { score: 20, note: 'x' } } }),
      },
      { file: 'b/dossier.yaml', kind: 'ProjectDossier', valid: true, diagnostics: [], review: loose(undefined) },
      { file: 'c/dossier.yaml', kind: 'ProjectDossier', valid: true, diagnostics: [], review: loose('not an object') },
      { file: 'd/dossier.yaml', kind: 'ProjectDossier', valid: true, diagnostics: [], review: loose({ score: 55, verdict: 'revise' }) },
    ],
    diagnostics: [],
    summary: { files: 4, errors: 0, warnings: 1 },
    review: loose(undefined),
  };
}

function clean(): ValidateReport {
  return {
    command: 'validate',
    files: [
      { file: 'a.yaml', kind: 'ProjectDossier', valid: true, diagnostics: [] },
      { file: 'b.yaml', kind: 'Evaluation', valid: true, diagnostics: [] },
    ],
    diagnostics: [],
    summary: { files: 2, errors: 0, warnings: 0 },
  };
}

/** Terminal columns, measured independently of the code under test (CJK and fullwidth = 2). */
function columns(s: string): number {
  let n = 0;
  for (const ch of s) n += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return n;
}

describe('validate formats: registry', () => {
  it('has the six formats, stylish first and default', () => {
    expect(Object.keys(validateFormats)).to.deep.equal(['stylish', 'json', 'junit', 'sarif', 'github', 'markdown']);
    expect(formatNames(VALIDATE_FORMATS)).to.deep.equal(Object.keys(validateFormats));
    expect(formatNames(VALIDATE_FORMATS)[0]).to.equal('stylish');
    expect(DEFAULT_VALIDATE_FORMAT).to.equal('stylish');
    expect(isFormatName(VALIDATE_FORMATS, 'sarif')).to.equal(true);
    expect(isFormatName(VALIDATE_FORMATS, 'toString')).to.equal(false);
    expect(isFormatName(VALIDATE_FORMATS, 'table')).to.equal(false);
  });

  it('describes every format in English and Chinese', () => {
    for (const name of formatNames(VALIDATE_FORMATS)) {
      expect(catalog.en[VALIDATE_FORMATS[name]], name).to.be.a('string').and.not.equal('');
      expect(catalog.zh[VALIDATE_FORMATS[name]], name).to.match(/[\u4e00-\u9fff]/);
    }
  });

  it('has every fmt.* key in both languages', () => {
    expect(Object.keys(catalog.zh).sort()).to.deep.equal(Object.keys(catalog.en).sort());
    for (const key of Object.keys(catalog.en)) expect(key).to.match(/^fmt\./);
  });

  it('every formatter is pure and deterministic, whatever the input order', () => {
    const shuffled = sample();
    shuffled.files[0].diagnostics.reverse();
    for (const name of formatNames(VALIDATE_FORMATS)) {
      for (const opts of [en, zh, { ...en, color: true }]) {
        const a = validateFormats[name](sample(), opts);
        expect(a, name).to.equal(validateFormats[name](shuffled, opts));
        expect(a.endsWith('\n'), name).to.equal(true);
      }
    }
  });
});

describe('validate formats: json', () => {
  let out: string;
  let doc: any; // parsed JSON under test
  before(() => {
    out = validateFormats.json(sample(), en);
    doc = JSON.parse(out);
  });

  it('follows FORMATS.md §5 key by key', () => {
    expect(Object.keys(doc)).to.deep.equal(['tool', 'version', 'command', 'files', 'diagnostics', 'summary']);
    expect(doc.tool).to.equal('bpm');
    expect(doc.version).to.equal('1.2.3');
    expect(doc.command).to.equal('validate');
    expect(doc.summary).to.deep.equal({ files: 4, errors: 3, warnings: 3 });
    expect(Object.keys(doc.summary)).to.deep.equal(['files', 'errors', 'warnings']);
    expect(doc.files.map((f: { file: string }) => f.file)).to.deep.equal(['p/dossier.yaml', 'p/评价,终稿.yaml', 'p/ok.yaml', 'data/monitoring.csv']);
    const f0 = doc.files[0];
    expect(Object.keys(f0)).to.deep.equal(['file', 'kind', 'valid', 'diagnostics']);
    expect(f0.kind).to.equal('ProjectDossier');
    expect(f0.valid).to.equal(false);
    expect(f0.diagnostics.map((d: { code: string }) => d.code)).to.deep.equal(['vague-goal', 'weights-sum', 'baseline-missing', 'missing-unit']);
    expect(Object.keys(f0.diagnostics[1])).to.deep.equal(['code', 'severity', 'message', 'path', 'line', 'column']);
    expect(f0.diagnostics[1]).to.deep.equal({
      code: 'weights-sum',
      severity: 'error',
      message: '指标权重合计为 90,应为 100',
      path: '/indicators/0/weight',
      line: 12,
      column: 5,
    });
    expect(f0.diagnostics[3].message).to.equal(TRICKY);
    expect(doc.files[2]).to.deep.equal({ file: 'p/ok.yaml', kind: 'StrategyPlan', valid: true, diagnostics: [] });
  });

  it('writes null for an unknown position and keeps report-level diagnostics', () => {
    expect(doc.files[3].diagnostics[0]).to.deep.equal({
      code: 'unreadable',
      severity: 'error',
      message: 'Cannot decode file',
      path: null,
      line: null,
      column: null,
    });
    expect(doc.diagnostics).to.deep.equal([
      { code: 'unmatched-glob', severity: 'warning', message: 'No file matches "x/*.yaml"', path: null, line: null, column: null, file: null },
    ]);
    expect(JSON.parse(validateFormats.json(clean(), en)).diagnostics).to.deep.equal([]);
  });

  it('is indented by two spaces and ends with a newline', () => {
    expect(out.startsWith('{\n  "tool": "bpm",\n  "version": "1.2.3",\n  "command": "validate",\n')).to.equal(true);
    expect(out.endsWith('}\n')).to.equal(true);
  });

  it('adds review objects for bpm review, only where present', () => {
    const r = JSON.parse(validateFormats.json(reviewSample(), en));
    expect(r.command).to.equal('review');
    expect(Object.keys(r.files[0])).to.deep.equal(['file', 'kind', 'valid', 'diagnostics', 'review']);
    expect(r.files[0].review).to.deep.equal(reviewSample().files[0].review);
    expect(r.files[1]).to.not.have.property('review');
  });
});

describe('validate formats: junit', () => {
  let xml: string;
  let root: XmlElement;
  let suites: XmlElement[];
  before(() => {
    xml = validateFormats.junit(sample(), en);
    root = parseXml(xml);
    suites = findAll(root, 'testsuite');
  });
  const suite = (name: string): XmlElement => {
    const s = suites.find((x) => x.attrs.name === name);
    if (!s) throw new Error(`no testsuite ${name}`);
    return s;
  };

  it('is well-formed XML with one suite per file, report-level first', () => {
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites')).to.equal(true);
    expect(root.name).to.equal('testsuites');
    expect(suites.map((s) => s.attrs.name)).to.deep.equal(['bpm', 'p/dossier.yaml', 'p/评价,终稿.yaml', 'p/ok.yaml', 'data/monitoring.csv']);
  });

  it('has one failure per error, and the counts agree', () => {
    expect(findAll(root, 'failure')).to.have.length(3);
    expect(root.attrs.failures).to.equal('3');
    expect(root.attrs.tests).to.equal(String(findAll(root, 'testcase').length));
    for (const s of suites) {
      expect(s.attrs.tests, s.attrs.name).to.equal(String(s.children.length));
      expect(s.attrs.failures, s.attrs.name).to.equal(String(findAll(s, 'failure').length));
    }
    expect(suite('p/dossier.yaml').attrs.failures).to.equal('2');
    expect(suite('data/monitoring.csv').attrs.failures).to.equal('1');
  });

  it('passes valid files and keeps warnings visible without failing', () => {
    const ok = suite('p/ok.yaml');
    expect(ok.children).to.have.length(1);
    expect(ok.children[0].attrs.name).to.equal('valid');
    expect(ok.children[0].children).to.have.length(0);
    const evaluation = suite('p/评价,终稿.yaml');
    expect(findAll(evaluation, 'failure')).to.have.length(0);
    expect(findAll(evaluation, 'skipped')).to.have.length(0);
    expect(findAll(evaluation, 'system-out')[0].text).to.contain('actual 52 exceeds target 50');
    expect(evaluation.children.map((c) => c.attrs.name)).to.deep.equal(['over-achievement 8:3', 'valid']);
  });

  it('escapes markup and newlines and makes control characters visible', () => {
    const failure = findAll(suite('p/dossier.yaml'), 'failure').find((f) => f.attrs.type === 'missing-unit');
    expect(failure).to.not.equal(undefined);
    const f = failure as XmlElement;
    expect(f.attrs.message).to.contain('| <b>&amp; 100% done\nsecond line\\u0007 bell\\u001b[31m');
    expect(f.text).to.contain('p/dossier.yaml:20:7');
    expect(f.text).to.contain('<b>&amp;');
    expect(xml).to.not.contain(BELL);
    expect(xml).to.not.contain(ESC);
  });

  it('never lets ]]> or illegal characters through', () => {
    const r = sample();
    r.files[2].diagnostics.push({ code: 'x', severity: 'error', message: 'a ]]> b \u0000 \uFFFF \uD800 c', line: 1, column: 1 });
    const out = validateFormats.junit(r, en);
    expect(() => parseXml(out)).to.not.throw();
    expect(out).to.not.contain(']]>');
  });

  it('the well-formedness checker itself rejects broken XML', () => {
    expect(() => parseXml('<a><b></a>')).to.throw();
    expect(() => parseXml('<a>x & y</a>')).to.throw();
    expect(() => parseXml(`<a>${BELL}</a>`)).to.throw();
    expect(() => parseXml('<a b="1" b="2"/>')).to.throw();
    expect(() => parseXml('<a b="<"/>')).to.throw();
    expect(() => parseXml('<a>]]></a>')).to.throw();
    expect(() => parseXml('<a>')).to.throw();
  });
});

describe('validate formats: sarif', () => {
  let validate: ValidateFunction;
  let log: any; // parsed JSON under test
  let run: any;
  before(() => {
    const schema = JSON.parse(readFileSync(new URL('../../fixtures/formats/sarif-2.1.0-subset.schema.json', import.meta.url), 'utf8'));
    // ajv and ajv-formats are CommonJS: under NodeNext the default import is module.exports, whose
    // `default` property is the class / plugin (at run time and for the type checker alike).
    // strictRequired is off because SARIF's anyOf-of-required idiom names properties declared
    // by the enclosing object, which is valid JSON Schema.
    const ajv = new Ajv.default({ allErrors: true, strict: true, strictRequired: false });
    addFormats.default(ajv);
    validate = ajv.compile(schema);
    log = JSON.parse(validateFormats.sarif(sample(), en));
    run = log.runs[0];
  });

  it('validates against the SARIF 2.1.0 subset schema', () => {
    const ok = validate(log);
    expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 2)).to.deep.equal([]);
    expect(ok).to.equal(true);
    for (const r of [reviewSample(), clean()]) {
      expect(validate(JSON.parse(validateFormats.sarif(r, zh))), JSON.stringify(validate.errors)).to.equal(true);
    }
  });

  it('the schema can fail', () => {
    const broken = JSON.parse(JSON.stringify(log));
    broken.runs[0].results[0].locations[0].physicalLocation.region.startLine = 0;
    expect(validate(broken)).to.equal(false);
    const typo = JSON.parse(JSON.stringify(log));
    typo.runs[0].results[0].mesage = typo.runs[0].results[0].message;
    expect(validate(typo)).to.equal(false);
    expect(validate({ version: '2.0.0', runs: [] })).to.equal(false);
  });

  it('describes bpm and one rule per distinct code', () => {
    expect(log.$schema).to.equal('https://json.schemastore.org/sarif-2.1.0.json');
    expect(log.version).to.equal('2.1.0');
    expect(log.runs).to.have.length(1);
    expect(run.tool.driver.name).to.equal('bpm');
    expect(run.tool.driver.version).to.equal('1.2.3');
    const ids = run.tool.driver.rules.map((r: { id: string }) => r.id);
    expect(ids).to.deep.equal(['baseline-missing', 'missing-unit', 'over-achievement', 'unreadable', 'vague-goal', 'weights-sum']);
    const rule = run.tool.driver.rules[ids.indexOf('weights-sum')];
    // The rule's title from the catalogs when there is one, else the code itself.
    expect(rule.shortDescription.text).to.equal(hasMessage('title.weights-sum') ? t('en', 'title.weights-sum') : 'weights-sum');
    expect(rule.defaultConfiguration.level).to.equal('error');
    expect(run.tool.driver.rules[ids.indexOf('baseline-missing')].defaultConfiguration.level).to.equal('note');
  });

  it('maps levels, rule indexes and regions', () => {
    expect(run.results).to.have.length(6);
    for (const r of run.results) {
      expect(run.tool.driver.rules[r.ruleIndex].id).to.equal(r.ruleId);
      // GitHub code scanning rejects a result without a location.
      expect(r.locations).to.have.length.greaterThan(0);
      expect(r.locations[0].physicalLocation.artifactLocation.uriBaseId).to.equal('%SRCROOT%');
    }
    const byCode = (code: string) => run.results.find((r: { ruleId: string }) => r.ruleId === code);
    expect(byCode('weights-sum').level).to.equal('error');
    expect(byCode('vague-goal').level).to.equal('warning');
    expect(byCode('baseline-missing').level).to.equal('note');
    expect(byCode('weights-sum').locations[0].physicalLocation.region).to.deep.equal({ startLine: 12, startColumn: 5 });
    expect(byCode('weights-sum').message.text).to.equal('指标权重合计为 90,应为 100');
    expect(byCode('unreadable').locations[0].physicalLocation).to.not.have.property('region');
    expect(byCode('over-achievement').locations[0].physicalLocation.artifactLocation.uri).to.equal(
      'p/%E8%AF%84%E4%BB%B7%2C%E7%BB%88%E7%A8%BF.yaml',
    );
  });

  it('lists artifacts and puts file-less diagnostics in tool notifications', () => {
    expect(run.artifacts.map((a: { location: { uri: string } }) => decodeURIComponent(a.location.uri))).to.deep.equal([
      'p/dossier.yaml',
      'p/评价,终稿.yaml',
      'p/ok.yaml',
      'data/monitoring.csv',
    ]);
    for (const r of run.results) {
      const loc = r.locations[0].physicalLocation.artifactLocation;
      expect(run.artifacts[loc.index].location.uri).to.equal(loc.uri);
    }
    expect(run.results.some((r: { ruleId: string }) => r.ruleId === 'unmatched-glob')).to.equal(false);
    expect(run.invocations[0].toolExecutionNotifications).to.deep.equal([
      { level: 'warning', message: { text: 'No file matches "x/*.yaml"' }, descriptor: { id: 'unmatched-glob' } },
    ]);
    expect(run.invocations[0].executionSuccessful).to.equal(true);
  });

  it('writes forward-slash relative URIs, and an empty results array when clean', () => {
    const r = clean();
    r.files[0].file = '.\\sub dir\\a.yaml';
    r.files[0].diagnostics.push({ code: 'x', severity: 'warning', message: 'm', line: 2 });
    const out = JSON.parse(validateFormats.sarif(r, en)).runs[0];
    expect(out.results[0].locations[0].physicalLocation.artifactLocation.uri).to.equal('sub%20dir/a.yaml');
    expect(out.results[0].locations[0].physicalLocation.region).to.deep.equal({ startLine: 2 });
    expect(JSON.parse(validateFormats.sarif(clean(), en)).runs[0].results).to.deep.equal([]);
  });
});

describe('validate formats: github', () => {
  let lines: string[];
  before(() => {
    lines = validateFormats.github(sample(), en).trimEnd().split('\n');
  });

  it('writes one workflow command per diagnostic', () => {
    expect(lines).to.have.length(7);
    for (const l of lines) expect(l).to.match(/^::(error|warning|notice) /);
    expect(lines[0]).to.equal('::warning title=bpm unmatched-glob::No file matches "x/*.yaml"');
    expect(lines).to.include('::error file=p/dossier.yaml,line=12,col=5,title=bpm weights-sum::指标权重合计为 90,应为 100');
    expect(lines).to.include('::notice file=p/dossier.yaml,line=14,col=5,title=bpm baseline-missing::No baseline for OUT-1');
    expect(lines).to.include('::error file=data/monitoring.csv,title=bpm unreadable::Cannot decode file');
  });

  it('escapes data and properties as the Actions toolkit does', () => {
    expect(lines).to.include(
      '::error file=p/dossier.yaml,line=20,col=7,title=bpm missing-unit::' +
        'Indicator "OUT-2" needs a unit | <b>&amp; 100%25 done%0Asecond line\\u0007 bell\\u001b[31m',
    );
    // `:` and `,` are escaped in properties (the file name) but not in the message.
    expect(lines).to.include(
      '::warning file=p/评价%2C终稿.yaml,line=8,col=3,title=bpm over-achievement::OUT-1: actual 52 exceeds target 50 by 4%25, explain',
    );
    expect(escapeData('a%b\r\nc')).to.equal('a%25b%0D%0Ac');
    expect(escapeProperty('a:b,c%\n')).to.equal('a%3Ab%2Cc%25%0A');
  });

  it('honours --quiet and writes nothing when clean', () => {
    const quiet = validateFormats.github(sample(), { ...en, quiet: true }).trimEnd().split('\n');
    expect(quiet).to.have.length(3);
    for (const l of quiet) expect(l.startsWith('::error ')).to.equal(true);
    expect(validateFormats.github(clean(), en)).to.equal('');
  });
});

describe('validate formats: stylish', () => {
  let out: string;
  before(() => {
    out = validateFormats.stylish(sample(), en);
  });

  it('lists positions, severities, messages and codes, without colour when off', () => {
    expect(out).to.contain('12:5');
    expect(out).to.not.match(/\u001b\[/);
    expect(out).to.not.contain(BELL);
    expect(out).to.contain('\\u0007');
    expect(out).to.contain('weights-sum');
    expect(out).to.contain('指标权重合计为 90,应为 100');
    expect(out.endsWith('✖ 6 problems (3 errors, 3 warnings) in 3 files; 1 info\n')).to.equal(true);
  });

  it('uses colour only when asked', () => {
    const coloured = validateFormats.stylish(sample(), { ...en, color: true });
    expect(coloured).to.match(/\u001b\[\d+m/);
    expect(coloured.replace(/\u001b\[\d+m/g, '')).to.equal(out);
  });

  it('groups by file, report-level first, and leaves out files without problems', () => {
    const general = out.indexOf('General\n');
    const dossier = out.indexOf('p/dossier.yaml\n');
    expect(general).to.equal(0);
    expect(dossier).to.be.greaterThan(general);
    expect(out.indexOf('data/monitoring.csv\n')).to.be.greaterThan(out.indexOf('p/评价,终稿.yaml\n'));
    expect(out).to.not.contain('p/ok.yaml');
  });

  it('aligns the columns by terminal width, Chinese counting double', () => {
    const block = out.split('\n\n').find((b) => b.startsWith('p/dossier.yaml')) as string;
    const rows = block.split('\n').slice(1).filter((l) => /^\s+\d+:\d+/.test(l));
    expect(rows).to.have.length(4);
    const codeColumn = (row: string): number => {
      const code = /\S+$/.exec(row) as RegExpExecArray;
      return columns(row.slice(0, code.index));
    };
    const positions = rows.map(codeColumn);
    expect(new Set(positions).size, rows.join('\n')).to.equal(1);
    const severityColumn = rows.map((r) => columns(r.slice(0, r.search(/error|warning|info/))));
    expect(new Set(severityColumn).size).to.equal(1);
    // The second line of a multi-line message starts under the first.
    const first = block.split('\n').find((l) => l.includes('Indicator "OUT-2"')) as string;
    const second = block.split('\n').find((l) => l.includes('second line')) as string;
    expect(second.search(/\S/)).to.equal(first.indexOf('Indicator'));
  });

  it('speaks Chinese', () => {
    const z = validateFormats.stylish(sample(), zh);
    expect(z).to.contain('错误');
    expect(z.endsWith('✖ 共 6 个问题（3 个错误，3 个警告），涉及 3 个文件；另有 1 条提示\n')).to.equal(true);
    expect(validateFormats.stylish(clean(), zh)).to.equal('✔ 已检查 2 个文件，未发现问题\n');
  });

  it('honours --quiet and says so when clean', () => {
    const q = validateFormats.stylish(sample(), { ...en, quiet: true });
    expect(q).to.not.match(/^ +\d+:\d+ +warning /m);
    expect(q).to.not.contain('vague-goal');
    expect(q).to.not.contain('p/评价');
    expect(q.endsWith('✖ 3 problems (3 errors, 0 warnings) in 2 files\n')).to.equal(true);
    expect(validateFormats.stylish(clean(), en)).to.equal('✔ 2 files checked, no problems\n');
    expect(validateFormats.stylish(clean(), { ...en, quiet: true })).to.equal('✔ 2 files checked, no errors\n');
  });
});

describe('validate formats: markdown', () => {
  let out: string;
  before(() => {
    out = validateFormats.markdown(sample(), en);
  });
  const tableRows = (md: string): string[] => md.split('\n').filter((l) => l.startsWith('|'));
  /** Cells of a row, split on unescaped pipes. */
  const cells = (row: string): string[] => row.split(/(?<!\\)\|/).slice(1, -1).map((c) => c.trim());

  it('has a title, a summary, a table per file with problems and a clean list', () => {
    expect(out.startsWith('# bpm validate\n\n✖ 6 problems (3 errors, 3 warnings) in 3 files; 1 info\n')).to.equal(true);
    expect(out).to.contain('| Line:Col | Severity | Code | Message |');
    expect(out).to.contain('| 12:5 | error | weights-sum | 指标权重合计为 90,应为 100 |');
    expect(out).to.contain('| — | error | unreadable | Cannot decode file |');
    expect(out).to.contain('## General\n');
    expect(out).to.contain('## p/dossier.yaml\n');
    expect(out).to.contain('## ✔ Files without problems\n\n- p/ok.yaml\n');
    expect(out).to.not.contain('## p/ok.yaml');
  });

  it('escapes pipes, markup and newlines in cells', () => {
    for (const row of tableRows(out)) expect(cells(row), row).to.have.length(4);
    const row = tableRows(out).find((r) => r.includes('missing-unit')) as string;
    expect(row).to.contain('needs a unit \\| &lt;b&gt;&amp;amp; 100% done<br>second line\\\\u0007 bell');
    expect(out).to.not.contain('<b>');
    expect(out).to.not.contain(BELL);
    expect(out).to.not.contain(ESC);
  });

  it('speaks Chinese', () => {
    const z = validateFormats.markdown(sample(), zh);
    expect(z.startsWith('# bpm 校验报告\n')).to.equal(true);
    expect(z).to.contain('| 行：列 | 级别 | 代码 | 说明 |');
    expect(z).to.contain('| 12:5 | 错误 | weights-sum |');
  });

  it('shows score and verdict for bpm review, gracefully when absent', () => {
    const r = validateFormats.markdown(reviewSample(), en);
    expect(r.startsWith('# bpm review\n')).to.equal(true);
    expect(r).to.contain('| File | Score | Verdict | Dimensions | Errors | Warnings |');
    expect(r).to.contain('| a/dossier.yaml | 85 | pass | clarity 18 · relevance 20 | 0 | 1 |');
    expect(r).to.contain('| b/dossier.yaml | — | — | — | 0 | 0 |');
    expect(r).to.contain('| c/dossier.yaml | — | — | — | 0 | 0 |');
    expect(r).to.contain('| d/dossier.yaml | 55 | revise | — | 0 | 0 |');
    expect(r).to.contain('| 4:7 | warning | vague-goal | Goal \\| vague |');
    for (const row of tableRows(r)) expect(cells(row).length, row).to.be.oneOf([4, 6]);
    const z = validateFormats.markdown(reviewSample(), zh);
    expect(z).to.contain('| a/dossier.yaml | 85 | 通过 |');
    expect(z).to.contain('| d/dossier.yaml | 55 | 需修改 |');
  });

  it('honours --quiet', () => {
    const q = validateFormats.markdown(sample(), { ...en, quiet: true });
    expect(q).to.not.contain('vague-goal');
    expect(q).to.contain('weights-sum');
  });
});
