// End-to-end: `bpm validate`, `bpm init` and `bpm schema` as a user runs them (spawning
// bin/bpm.js): options, every output format, languages, colour and the exit codes of
// FORMATS.md §4. Inputs are the fixture folders of test/fixtures/validate/.
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { expect } from 'chai';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { fixture, spawnBpm, type RunResult } from '../helpers/run.js';
import { findAll, parseXml } from '../unit/formats/xml-check.js';
import { tempDir } from '../helpers/temp.js';

const NO_STACK = /^\s+at /m;

function tmp(): string {
  return tempDir('bpm-cli-');
}

/** A writable copy of a fixture folder (so that -o and init never write into the repository). */
function copyFixture(name: string): string {
  const dir = tmp();
  cpSync(fixture('validate', name), dir, { recursive: true });
  rmSync(join(dir, 'expected.json'));
  return dir;
}

function hashTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string, rel: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name), `${rel}${e.name}/`);
      else out[rel + e.name] = createHash('sha256').update(readFileSync(join(d, e.name))).digest('hex');
    }
  };
  walk(dir, '');
  return out;
}

function clean(r: RunResult): RunResult {
  expect(r.stderr, 'no stack trace').to.not.match(NO_STACK);
  return r;
}

describe('e2e: bpm validate options and formats', function () {
  this.timeout(60_000);
  const broken = fixture('validate', 'weights-sum');
  const warn = fixture('validate', 'vague-goal');

  it('exit codes follow FORMATS.md §4', () => {
    expect(clean(spawnBpm(['validate', '.'], { cwd: fixture('validate', '_valid') })).code, 'clean').to.equal(0);
    expect(clean(spawnBpm(['validate', '.'], { cwd: broken })).code, 'errors').to.equal(1);
    expect(clean(spawnBpm(['validate', '.'], { cwd: warn })).code, 'warnings only').to.equal(0);
    expect(clean(spawnBpm(['validate', 'missing.yaml'], { cwd: broken })).code, 'missing file').to.equal(2);
    expect(clean(spawnBpm(['validate', 'nothing/**/*.yaml'], { cwd: broken })).code, 'unmatched glob').to.equal(2);
    expect(clean(spawnBpm(['validate', '--bogus'], { cwd: broken })).code, 'unknown flag').to.equal(2);
    expect(clean(spawnBpm(['validate', '--format', 'xml'], { cwd: broken })).code, 'unknown format').to.equal(2);
    expect(clean(spawnBpm(['validate', '--policy', 'no-such-policy.yaml'], { cwd: broken })).code, 'unreadable policy').to.equal(2);
    const empty = tmp();
    mkdirSync(join(empty, 'x.yaml'));
    const r = clean(spawnBpm(['validate', 'x.yaml'], { cwd: empty }));
    expect(r.code, 'a directory with nothing to read').to.equal(2);
    expect(r.stderr).to.match(/x\.yaml/);
  });

  it('a file named explicitly that is not a bpm document is an error; walked, it is skipped', () => {
    const explicit = clean(spawnBpm(['validate', 'docker-compose.yml', '--format', 'json'], { cwd: fixture('validate', 'not-bpm-document') }));
    expect(explicit.code).to.equal(1);
    expect(JSON.parse(explicit.stdout).files[0].diagnostics[0].code).to.equal('not-bpm-document');
    const walked = clean(spawnBpm(['validate', '.', '--format', 'json'], { cwd: fixture('validate', 'walked-non-bpm-skipped') }));
    expect(walked.code).to.equal(0);
    expect(JSON.parse(walked.stdout).files.map((f: { file: string }) => f.file)).to.deep.equal(['dossier.yaml']);
  });

  it('--max-warnings N fails when there are more warnings than N', () => {
    expect(spawnBpm(['validate', '.', '--max-warnings', '0'], { cwd: warn }).code).to.equal(1);
    expect(spawnBpm(['validate', '.', '--max-warnings', '1'], { cwd: warn }).code).to.equal(0);
    expect(clean(spawnBpm(['validate', '.', '--max-warnings', 'many'], { cwd: warn })).code).to.equal(2);
  });

  it('--quiet shows errors only', () => {
    const loud = spawnBpm(['validate', '.', '--lang', 'en'], { cwd: warn });
    expect(loud.stdout).to.include('vague-goal');
    const quiet = spawnBpm(['validate', '.', '--quiet', '--lang', 'en'], { cwd: warn });
    expect(quiet.code).to.equal(0);
    expect(quiet.stdout).to.not.include('vague-goal');
    const errors = spawnBpm(['validate', '.', '--quiet', '--lang', 'en'], { cwd: broken });
    expect(errors.stdout).to.include('weights-sum');
  });

  it('-o FILE writes atomically what stdout would show, and never over an input', () => {
    const dir = copyFixture('weights-sum');
    const before = hashTree(dir);
    const stdout = spawnBpm(['validate', '.', '--format', 'json'], { cwd: dir });
    const r = clean(spawnBpm(['validate', '.', '--format', 'json', '-o', 'out/report.json'], { cwd: join(dir) }));
    // out/ does not exist: a write error is exit 2 and leaves nothing behind…
    expect(r.code).to.equal(2);
    expect(existsSync(join(dir, 'out'))).to.equal(false);
    // …and into an existing directory the file holds exactly the stdout report.
    const ok = spawnBpm(['validate', '.', '--format', 'json', '-o', 'report.json'], { cwd: dir });
    expect(ok.code).to.equal(1);
    expect(ok.stdout).to.equal('');
    expect(readFileSync(join(dir, 'report.json'), 'utf8')).to.equal(stdout.stdout);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).to.deep.equal([]);
    rmSync(join(dir, 'report.json'));
    const refuse = clean(spawnBpm(['validate', '.', '-o', 'dossier.yaml'], { cwd: dir }));
    expect(refuse.code).to.equal(2);
    expect(refuse.stderr).to.match(/dossier\.yaml/);
    expect(hashTree(dir)).to.deep.equal(before);
  });

  it('speaks the language of --lang, else of LANG (zh_CN → Chinese)', () => {
    const zh = spawnBpm(['validate', '.'], { cwd: broken, env: { LANG: 'zh_CN.UTF-8' } });
    expect(zh.stdout).to.match(/效益指标分值合计 25/);
    expect(zh.stdout).to.match(/个问题/);
    const en = spawnBpm(['validate', '.'], { cwd: broken, env: { LANG: 'en_US.UTF-8' } });
    expect(en.stdout).to.match(/the effect indicators weigh 25 points/);
    const forced = spawnBpm(['validate', '.', '--lang', 'en'], { cwd: broken, env: { LANG: 'zh_CN.UTF-8' } });
    expect(forced.stdout).to.equal(en.stdout);
    expect(spawnBpm(['validate', '.', '--lang', 'fr'], { cwd: broken }).code).to.equal(2);
  });

  it('colours only when asked: FORCE_COLOR=1 colours, --no-color and FORCE_COLOR=0 do not', () => {
    const ESC = '\u001b[';
    expect(spawnBpm(['validate', '.'], { cwd: broken, env: { FORCE_COLOR: '1' } }).stdout).to.include(ESC);
    expect(spawnBpm(['validate', '.', '--no-color'], { cwd: broken, env: { FORCE_COLOR: '1' } }).stdout).to.not.include(ESC);
    expect(spawnBpm(['validate', '.'], { cwd: broken, env: { FORCE_COLOR: '0' } }).stdout).to.not.include(ESC);
    // Machine formats are never coloured.
    expect(spawnBpm(['validate', '.', '--format', 'json'], { cwd: broken, env: { FORCE_COLOR: '1' } }).stdout).to.not.include(ESC);
  });

  it('--format json matches FORMATS.md §5 field by field', () => {
    const r = spawnBpm(['validate', '.', '--format', 'json', '--lang', 'en'], { cwd: broken });
    expect(r.code).to.equal(1);
    const json = JSON.parse(r.stdout);
    expect(json).to.include({ tool: 'bpm', command: 'validate' });
    expect(json.version).to.match(/^\d+\.\d+\.\d+/);
    expect(json.files).to.have.length(1);
    const f = json.files[0];
    expect(Object.keys(f)).to.include.members(['file', 'kind', 'valid', 'diagnostics']);
    expect(f).to.include({ file: 'dossier.yaml', kind: 'ProjectDossier', valid: false });
    const d = f.diagnostics[0];
    expect(Object.keys(d)).to.include.members(['code', 'severity', 'message', 'path', 'line', 'column']);
    expect(d).to.include({ code: 'weights-sum', severity: 'error', path: '/indicators/2/weight', line: 44, column: 13 });
    expect(d.message).to.be.a('string').and.not.equal('');
    expect(json.summary).to.deep.equal({ files: 1, errors: 1, warnings: 0 });
  });

  it('--format sarif validates against the SARIF 2.1.0 schema (subset) with rule ids, levels and regions', () => {
    const schema = JSON.parse(readFileSync(fixture('formats', 'sarif-2.1.0-subset.schema.json'), 'utf8'));
    const ajv = new Ajv.default({ allErrors: true, strict: true, strictRequired: false });
    addFormats.default(ajv);
    const check = ajv.compile(schema);
    for (const [dir, lang] of [[broken, 'en'], [warn, 'zh'], [fixture('validate', 'csv-unknown-column'), 'en'], [fixture('validate', '_valid'), 'zh']] as const) {
      const r = spawnBpm(['validate', '.', '--format', 'sarif', '--lang', lang], { cwd: dir });
      const log = JSON.parse(r.stdout);
      expect(check(log), JSON.stringify(check.errors)).to.equal(true);
      for (const res of log.runs[0].results) {
        expect(res.ruleId).to.be.a('string');
        expect(log.runs[0].tool.driver.rules[res.ruleIndex].id).to.equal(res.ruleId);
        expect(res.locations[0].physicalLocation.region.startLine).to.be.a('number');
      }
      for (const rule of log.runs[0].tool.driver.rules) expect(rule.shortDescription.text, rule.id).to.not.equal(rule.id);
    }
    const log = JSON.parse(spawnBpm(['validate', '.', '--format', 'sarif'], { cwd: broken }).stdout);
    expect(log.runs[0].results[0]).to.deep.include({ ruleId: 'weights-sum', level: 'error' });
    expect(log.runs[0].results[0].locations[0].physicalLocation.region).to.deep.equal({ startLine: 44, startColumn: 13 });
  });

  it('--format junit is well-formed XML with one failure per error', () => {
    const r = spawnBpm(['validate', '.', '--format', 'junit'], { cwd: fixture('validate', 'schema-several') });
    const root = parseXml(r.stdout);
    expect(findAll(root, 'failure')).to.have.length(3);
    const ok = parseXml(spawnBpm(['validate', '.', '--format', 'junit'], { cwd: fixture('validate', '_valid') }).stdout);
    expect(findAll(ok, 'failure')).to.have.length(0);
    expect(findAll(ok, 'testsuite').length).to.be.greaterThan(0);
  });

  it('--format github writes one workflow command per diagnostic', () => {
    const r = spawnBpm(['validate', '.', '--format', 'github', '--lang', 'en'], { cwd: fixture('validate', 'schema-several') });
    const lines = r.stdout.trim().split('\n');
    expect(lines).to.have.length(3);
    // Paths are relative to the repository root (code scanning and annotations resolve them there).
    expect(lines[0]).to.match(/^::error file=test\/fixtures\/validate\/schema-several\/dossier\.yaml,line=21,col=5,title=bpm missing-field::/);
    const w = spawnBpm(['validate', '.', '--format', 'github'], { cwd: warn });
    expect(w.stdout).to.match(/^::warning file=test\/fixtures\/validate\/vague-goal\/dossier\.yaml,line=19,col=7,title=bpm vague-goal::/);
  });

  it('--format markdown gives a table per file with problems', () => {
    const r = spawnBpm(['validate', '.', '--format', 'markdown', '--lang', 'en'], { cwd: broken });
    expect(r.stdout).to.match(/^#/m);
    expect(r.stdout).to.match(/\|\s*44:13\s*\|/);
    expect(r.stdout).to.include('weights-sum');
  });
});

describe('e2e: bpm init and bpm schema', function () {
  this.timeout(60_000);

  it('init writes four files that validate with exit 0, with a $schema line that resolves', () => {
    const dir = tmp();
    const r = clean(spawnBpm(['init', 'proj', '--lang', 'en'], { cwd: dir }));
    expect(r.code).to.equal(0);
    expect(readdirSync(join(dir, 'proj')).sort()).to.deep.equal(['dossier.yaml', 'evaluation.yaml', 'monitoring.csv', 'strategy.yaml']);
    const v = clean(spawnBpm(['validate', 'proj'], { cwd: dir }));
    expect(v.stdout + v.stderr).to.match(/no problems/);
    expect(v.code).to.equal(0);
    // The path is relative to the written file (a committed folder must not name this machine).
    for (const [file, id] of [['dossier.yaml', /project-dossier/], ['evaluation.yaml', /evaluation/]] as const) {
      const line = /^# yaml-language-server: \$schema=(\S+)$/m.exec(readFileSync(join(dir, 'proj', file), 'utf8'));
      expect(line).to.not.equal(null);
      expect(isAbsolute(line![1]), line![1]).to.equal(false);
      expect(line![1]).to.not.include('\\');
      expect(JSON.parse(readFileSync(resolve(dir, 'proj', line![1]), 'utf8')).$id).to.match(id);
    }
  });

  it('init --year moves the example to that year, and the strategy plan\'s $schema line resolves too', () => {
    const dir = tmp();
    expect(clean(spawnBpm(['init', 'p', '--year', '2027'], { cwd: dir })).code).to.equal(0);
    const dossier = readFileSync(join(dir, 'p', 'dossier.yaml'), 'utf8');
    expect(dossier).to.match(/^  code: DL-2027-WL-001$/m);
    expect(dossier).to.match(/^  year: 2027$/m);
    expect(dossier).to.include('period: {start: 2027-01-01, end: 2027-12-31}');
    expect(dossier).to.include('（2027年度）');
    expect(dossier).to.not.match(/2025/);
    expect(readFileSync(join(dir, 'p', 'evaluation.yaml'), 'utf8')).to.match(/^project: DL-2027-WL-001$/m);
    const csv = readFileSync(join(dir, 'p', 'monitoring.csv'), 'utf8');
    expect(csv.split('\n')[1]).to.equal('DL-2027-WL-001,2027-Q1,spend,78.5,');
    expect(csv).to.not.match(/2025/);
    const v = clean(spawnBpm(['validate', 'p', '--lang', 'en'], { cwd: dir }));
    expect(v.stdout + v.stderr).to.match(/no problems/);
    expect(v.code).to.equal(0);
    const s = clean(spawnBpm(['score', 'p', '--format', 'json'], { cwd: dir }));
    expect(s.code).to.equal(0);
    expect(JSON.parse(s.stdout).projects[0]).to.include({ code: 'DL-2027-WL-001', total: 98.3 });
    const line = /^# yaml-language-server: \$schema=(\S+)$/m.exec(readFileSync(join(dir, 'p', 'strategy.yaml'), 'utf8'));
    expect(JSON.parse(readFileSync(resolve(dir, 'p', line![1]), 'utf8')).$id).to.match(/strategy-plan/);
    expect(clean(spawnBpm(['init', 'q', '--year', '25', '--lang', 'en'], { cwd: dir })).stderr).to.equal('bpm: invalid value for --year: "25"\n');
  });

  it('init --blank writes a skeleton whose every placeholder is a located error naming the field, and that validates once filled in', () => {
    const dir = tmp();
    const r = clean(spawnBpm(['init', 'b', '--blank', '--year', '2026', '--lang', 'en'], { cwd: dir }));
    expect(r.code).to.equal(0);
    expect(readdirSync(join(dir, 'b')).sort()).to.deep.equal(['dossier.yaml', 'evaluation.yaml', 'monitoring.csv']);
    const v = clean(spawnBpm(['validate', 'b', '--format', 'json'], { cwd: dir }));
    expect(v.code).to.equal(1);
    const files = JSON.parse(v.stdout).files as { file: string; diagnostics: { code: string; line: number; message: string; path: string }[] }[];
    const all = files.flatMap((f) => f.diagnostics.map((d) => ({ ...d, file: f.file })));
    expect(new Set(all.map((d) => d.code))).to.deep.equal(new Set(['placeholder']));
    expect(all.length).to.equal(23);
    const total = all.find((d) => d.path === '/budget/total')!;
    expect(total).to.include({ file: 'b/dossier.yaml', line: 17, message: 'fill in budget.total (it is still the placeholder "TODO")' });
    expect(all.find((d) => d.path === '/indicators/2/weight')!.message).to.equal('fill in indicators[2].weight (it is still the placeholder "TODO")');
    // zh: the placeholder word is 待填写
    clean(spawnBpm(['init', 'z', '--blank', '--year', '2026', '--lang', 'zh'], { cwd: dir }));
    expect(readFileSync(join(dir, 'z', 'dossier.yaml'), 'utf8')).to.match(/^  total: 待填写 /m);

    // Filled in, the skeleton is a valid project that scores.
    const fill: Record<string, string[]> = {
      code: ['DL-2026-JY-009'], name: ['图书馆夜间开放', '夜间开放场次', '夜间到馆读者人次', '读者满意度'], department: ['大连市文化和旅游局'], unit: ['大连图书馆', '场', '人次'],
      objectives: ['[S3.2]'], total: ['120'], goal: ['2026年内开放夜间阅览不少于200场，接待读者3万人次以上，读者满意度达到90%以上。'],
      target: ['200', '30000', '90'], weight: ['50', '30', '10'], project: ['DL-2026-JY-009'], executed: ['118'], 'OUT-1': ['204'], 'EFF-1': ['31500'], 'SAT-1': ['93'],
    };
    for (const name of ['dossier.yaml', 'evaluation.yaml']) {
      const file = join(dir, 'b', name);
      const text = readFileSync(file, 'utf8').replace(/^(\s*(?:- )?)([\w-]+): (\[)?TODO(\])?/gm, (_m, indent: string, key: string) => `${indent}${key}: ${fill[key].shift()}`);
      expect(text).to.not.match(/: \[?TODO/);
      writeFileSync(file, text);
    }
    const ok = clean(spawnBpm(['validate', 'b', '--lang', 'en'], { cwd: dir }));
    expect(ok.stdout + ok.stderr).to.match(/no problems/);
    expect(ok.code).to.equal(0);
    const score = clean(spawnBpm(['score', 'b', '--format', 'json'], { cwd: dir }));
    expect(JSON.parse(score.stdout).projects[0]).to.include({ code: 'DL-2026-JY-009', status: 'scored', total: 99.83 });
  });

  it('init refuses to overwrite (exit 2) and modifies nothing, even when only one file exists', () => {
    const dir = tmp();
    expect(spawnBpm(['init'], { cwd: dir }).code).to.equal(0);
    writeFileSync(join(dir, 'dossier.yaml'), '# my own work\n');
    const before = hashTree(dir);
    const again = clean(spawnBpm(['init', '--lang', 'en'], { cwd: dir }));
    expect(again.code).to.equal(2);
    expect(again.stderr).to.match(/refusing to overwrite/);
    expect(hashTree(dir)).to.deep.equal(before);

    const partial = tmp();
    writeFileSync(join(partial, 'monitoring.csv'), 'mine\n');
    expect(clean(spawnBpm(['init'], { cwd: partial })).code).to.equal(2);
    expect(readdirSync(partial)).to.deep.equal(['monitoring.csv']);
  });

  it('schema prints a valid JSON Schema per kind; an unknown kind is exit 2', () => {
    for (const [arg, id] of [[undefined, 'project-dossier'], ['Evaluation', 'evaluation'], ['policy', 'scoring-policy'], ['StrategyPlan', 'strategy-plan']] as const) {
      const r = clean(spawnBpm(arg ? ['schema', arg] : ['schema']));
      expect(r.code).to.equal(0);
      const s = JSON.parse(r.stdout);
      expect(s.$schema).to.equal('https://json-schema.org/draft/2020-12/schema');
      expect(s.$id).to.include(id);
    }
    const bad = clean(spawnBpm(['schema', 'Budget', '--lang', 'en']));
    expect(bad.code).to.equal(2);
    expect(bad.stderr).to.match(/unknown document kind/);
    expect(bad.stdout).to.equal('');
  });
});
