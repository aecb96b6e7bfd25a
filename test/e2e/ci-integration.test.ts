// bpm in a CI pipeline and an editor's save hook: the GitHub Action and pre-commit hook
// definitions, SARIF that code scanning accepts (rule help, stable fingerprints), report paths
// relative to the repository root, standard input, --skip-non-bpm and JUnit warnings.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';
import { parse } from 'yaml';
import { fixture, ROOT, spawnBpm } from '../helpers/run.js';
import { findAll, parseXml } from '../unit/formats/xml-check.js';
import { tempDir } from '../helpers/temp.js';

interface SarifRule {
  id: string;
  name: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  help?: { text: string; markdown: string };
  helpUri?: string;
}
interface SarifLog {
  runs: {
    tool: { driver: { informationUri?: string; rules: SarifRule[] } };
    results: { ruleId: string; partialFingerprints: Record<string, string>; locations: { physicalLocation: { artifactLocation: { uri: string }; region?: { startLine: number } } }[] }[];
  }[];
}

const BROKEN = fixture('validate', 'realistic-broken-dossier');

describe('e2e: CI and editor integration', function () {
  this.timeout(60_000);
  let tmp: string;
  beforeEach(() => (tmp = tempDir('bpm-ci-')));
  afterEach(() => rmSync(tmp, { recursive: true, force: true }));

  it('action.yml: a composite action running bpm validate with paths, format, output, args and working-directory', () => {
    const action = parse(readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as {
      inputs: Record<string, { default?: string }>;
      outputs: Record<string, unknown>;
      runs: { using: string; steps: { run?: string; env?: Record<string, string>; 'working-directory'?: string }[] };
    };
    expect(Object.keys(action.inputs)).to.have.members(['paths', 'format', 'output', 'args', 'working-directory']);
    expect(action.inputs.format.default).to.equal('github');
    expect(action.runs.using).to.equal('composite');
    const step = action.runs.steps.find((s) => s.run?.includes('bin/bpm.js" validate'));
    expect(step, 'a step that runs bpm validate').to.not.equal(undefined);
    expect(step!['working-directory']).to.equal('${{ inputs.working-directory }}');
    expect(step!.env!.BPM_DOCS_URL).to.match(/github\.action_repository.*docs\/rules\.md$/);
    expect(action.outputs).to.have.property('exit-code');
  });

  it('.pre-commit-hooks.yaml: node hooks for bpm files (the whole tree, and staged files only)', () => {
    const hooks = parse(readFileSync(path.join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as { id: string; entry: string; language: string; files: string; pass_filenames?: boolean }[];
    expect(hooks.map((h) => h.id)).to.deep.equal(['bpm-validate', 'bpm-validate-staged']);
    for (const h of hooks) {
      expect(h.language).to.equal('node');
      const re = new RegExp(h.files);
      for (const f of ['p/dossier.yaml', 'a.yml', 'data/monitoring.csv', '自评表.xlsx']) expect(re.test(f), f).to.equal(true);
      for (const f of ['package.json', 'README.md']) expect(re.test(f), f).to.equal(false);
    }
    expect(hooks[0]).to.include({ entry: 'bpm validate --cache', pass_filenames: false });
    expect(hooks[1].entry).to.equal('bpm validate --skip-non-bpm');
  });

  describe('SARIF for code scanning', () => {
    const sarifOf = (args: string[], env: NodeJS.ProcessEnv = {}, cwd = ROOT) => {
      const r = spawnBpm(['validate', ...args, '--format', 'sarif'], { cwd, env });
      return JSON.parse(r.stdout) as SarifLog;
    };

    it('every rule has a name, short and full descriptions and help in the language of --lang', () => {
      for (const lang of ['en', 'zh']) {
        const log = sarifOf([BROKEN, '--lang', lang]);
        const rules = log.runs[0].tool.driver.rules;
        expect(rules.map((r) => r.id)).to.include.members(['budget-sources-sum', 'vague-goal', 'target-unit-missing', 'milestone-decreasing']);
        for (const r of rules) {
          expect(r.name, r.id).to.match(/^[A-Z][A-Za-z0-9]+$/);
          expect(r.shortDescription.text, r.id).to.be.a('string').and.not.equal(r.id);
          expect(r.fullDescription.text, r.id).to.be.a('string').and.not.equal('');
          expect(r.help?.text, r.id).to.match(lang === 'zh' ? /检查内容：.*\n原因：.*\n修改方法：/s : /What it checks: .*\nWhy: .*\nHow to fix: /s);
          expect(r.help?.markdown, r.id).to.match(lang === 'zh' ? /^\*\*检查内容\*\*：/ : /^\*\*What it checks\*\*: /);
          if (lang === 'zh') {
            expect(r.shortDescription.text, r.id).to.match(/[\u4e00-\u9fff]/);
            // The help itself is Chinese, not the English text under Chinese labels.
            for (const line of r.help!.text.split('\n')) expect(line.replace(/^[^：]+：/, ''), `${r.id}: ${line}`).to.match(/[\u4e00-\u9fff]/);
          }
        }
        expect(rules.find((r) => r.id === 'budget-sources-sum')!.name).to.equal('BudgetSourcesSum');
      }
    });

    it('links each rule to its section of docs/rules.md when bpm knows where its docs are, and invents no address', () => {
      const bare = sarifOf([BROKEN]);
      expect(bare.runs[0].tool.driver.informationUri).to.equal(undefined);
      expect(bare.runs[0].tool.driver.rules.every((r) => r.helpUri === undefined)).to.equal(true);
      const base = 'https://github.example/owner/bpm/blob/v1/docs/rules.md';
      const linked = sarifOf([BROKEN], { BPM_DOCS_URL: base });
      for (const r of linked.runs[0].tool.driver.rules) expect(r.helpUri).to.equal(`${base}#${r.id}`);
      expect(linked.runs[0].tool.driver.informationUri).to.equal('https://github.example/owner/bpm/blob/v1');
    });

    it('partialFingerprints stay the same when lines move, and differ between problems', () => {
      cpSync(BROKEN, path.join(tmp, 'p'), { recursive: true });
      const before = sarifOf(['p'], {}, tmp).runs[0].results;
      const file = path.join(tmp, 'p', 'dossier.yaml');
      writeFileSync(file, '# a comment\n# and another\n\n' + readFileSync(file, 'utf8'));
      const after = sarifOf(['p'], {}, tmp).runs[0].results;
      const print = (r: SarifLog['runs'][0]['results'][0]) => r.partialFingerprints['bpmFingerprint/v1'];
      expect(after.map((r) => r.locations[0].physicalLocation.region!.startLine)).to.deep.equal(before.map((r) => r.locations[0].physicalLocation.region!.startLine + 3));
      expect(after.map(print)).to.deep.equal(before.map(print));
      expect(new Set(before.map(print)).size).to.equal(before.length);
      for (const p of before.map(print)) expect(p).to.match(/^[0-9a-f]{32}(:\d+)?$/);
    });
  });

  describe('paths relative to the repository root', () => {
    function repo(): string {
      const root = path.join(tmp, 'repo');
      mkdirSync(path.join(root, 'projects'), { recursive: true });
      cpSync(BROKEN, path.join(root, 'projects', 'care'), { recursive: true });
      expect(spawnSync('git', ['init', '-q', root]).status).to.equal(0);
      return root;
    }
    it('run in a subfolder, github file= and SARIF uri are relative to the git top level', () => {
      const root = repo();
      const gh = spawnBpm(['validate', 'care', '--format', 'github'], { cwd: path.join(root, 'projects') });
      expect(gh.stdout.split('\n')[0]).to.match(/^::error file=projects\/care\/dossier\.yaml,line=\d+/);
      const log = JSON.parse(spawnBpm(['validate', 'care', '--format', 'sarif'], { cwd: path.join(root, 'projects') }).stdout) as SarifLog;
      expect(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).to.equal('projects/care/dossier.yaml');
      // The human formats keep paths as the user typed them.
      expect(spawnBpm(['validate', 'care'], { cwd: path.join(root, 'projects') }).stdout).to.match(/^care\/dossier\.yaml$/m);
    });
    it('GITHUB_WORKSPACE wins over the git top level; outside any repository the working directory counts', () => {
      const root = repo();
      const gh = spawnBpm(['validate', 'care', '--format', 'github'], { cwd: path.join(root, 'projects'), env: { GITHUB_WORKSPACE: path.join(root, 'projects') } });
      expect(gh.stdout.split('\n')[0]).to.match(/^::error file=care\/dossier\.yaml,/);
      cpSync(BROKEN, path.join(tmp, 'plain'), { recursive: true });
      const plain = spawnBpm(['validate', 'plain', '--format', 'github'], { cwd: tmp });
      expect(plain.stdout.split('\n')[0]).to.match(/^::error file=plain\/dossier\.yaml,/);
    });
  });

  describe('standard input', () => {
    const dossier = readFileSync(path.join(BROKEN, 'dossier.yaml'), 'utf8');
    it('bpm validate - --stdin-filename NAME reads the document from stdin and names it NAME', () => {
      const r = spawnBpm(['validate', '-', '--stdin-filename', 'projects/care/dossier.yaml', '--format', 'json'], { input: dossier });
      expect(r.code).to.equal(1);
      const j = JSON.parse(r.stdout) as { files: { file: string; kind: string; diagnostics: { code: string; line: number }[] }[] };
      expect(j.files.map((f) => [f.file, f.kind])).to.deep.equal([['projects/care/dossier.yaml', 'ProjectDossier']]);
      expect(j.files[0].diagnostics.map((d) => d.code)).to.include('budget-sources-sum');
      const withoutName = spawnBpm(['validate', '-'], { input: dossier });
      expect(withoutName.stdout).to.match(/^<stdin>$/m);
    });
    it('a .csv name makes stdin monitoring data, checked against the dossiers named beside it', () => {
      const ex = path.join(ROOT, 'examples', 'culture-community-events');
      const csv = readFileSync(path.join(ex, 'monitoring.csv'), 'utf8');
      const ok = spawnBpm(['validate', '-', path.join(ex, 'dossier.yaml'), '--stdin-filename', 'monitoring.csv', '--format', 'json'], { input: csv });
      expect(ok.code, ok.stdout).to.equal(0);
      expect((JSON.parse(ok.stdout) as { files: { kind: string }[] }).files.map((f) => f.kind).sort()).to.deep.equal(['MonitoringData', 'ProjectDossier']);
      const bad = spawnBpm(['validate', '-', '--stdin-filename', 'data/monitoring.csv'], { input: 'project,period,metric,value\nDL-1,2025-Q1,spend,十万\n' });
      expect(bad.code).to.equal(1);
      expect(bad.stdout).to.match(/^data\/monitoring\.csv$/m);
      expect(bad.stdout).to.match(/2:\d+ +error .*value-not-number/);
    });
    it('--cache is not used for standard input (nothing to fingerprint), and the result is right', () => {
      const r = spawnBpm(['validate', '-', '--cache', '--cache-location', path.join(tmp, 'c'), '--stdin-filename', 'd.yaml'], { input: dossier });
      expect(r.code).to.equal(1);
      expect(r.stdout).to.match(/budget-sources-sum/);
    });
  });

  it('--skip-non-bpm: named files that are not bpm documents are skipped, as a walk skips them', () => {
    writeFileSync(path.join(tmp, 'workflow.yml'), 'on: push\njobs: {}\n');
    writeFileSync(path.join(tmp, 'contacts.csv'), 'name,phone\n张三,123\n');
    cpSync(path.join(ROOT, 'examples', 'culture-community-events', 'dossier.yaml'), path.join(tmp, 'dossier.yaml'));
    const files = ['workflow.yml', 'contacts.csv', 'dossier.yaml'];
    const strict = spawnBpm(['validate', ...files], { cwd: tmp });
    expect(strict.code).to.equal(1);
    expect(strict.stdout).to.match(/not-bpm-document/);
    const skipping = spawnBpm(['validate', '--skip-non-bpm', ...files, '--format', 'json'], { cwd: tmp });
    expect(skipping.code, skipping.stdout).to.equal(0);
    expect((JSON.parse(skipping.stdout) as { files: { file: string }[] }).files.map((f) => f.file)).to.deep.equal(['dossier.yaml']);
  });

  it('--junit-warnings failure lists warnings as failures of type "warning"; the default keeps them as output', () => {
    const warn = fixture('validate', 'vague-goal');
    const def = parseXml(spawnBpm(['validate', warn, '--format', 'junit']).stdout);
    expect(findAll(def, 'failure')).to.have.length(0);
    const r = spawnBpm(['validate', warn, '--format', 'junit', '--junit-warnings', 'failure']);
    expect(r.code).to.equal(0);
    const root = parseXml(r.stdout);
    const failures = findAll(root, 'failure');
    expect(failures.map((f) => f.attrs.type)).to.deep.equal(['warning']);
    expect(root.attrs.failures).to.equal('1');
    for (const s of findAll(root, 'testsuite')) expect(s.attrs.failures).to.equal(String(findAll(s, 'failure').length));
  });
});
