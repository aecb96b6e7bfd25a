// The bad-input corpus (test/fixtures/hostile/, plus inputs made at test time: a 50 MB file, a
// directory named like a file, symlink loops, 10,000-deep block nesting) run through the real
// binary. Every case must end with a diagnostic or a clear error and the documented exit code,
// within a time bound, never with a stack trace or a hang, and no input file may be modified.
// variance and score are run on the same inputs once those commands exist in the build.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync, lstatSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';
import { fixture, spawnBpm, ROOT, type RunResult } from '../helpers/run.js';
import { tempDir } from '../helpers/temp.js';

const HOSTILE = fixture('hostile');
/** Generous: the slowest case takes well under a second on an idle machine. */
const TIME_LIMIT_MS = 30_000;

interface Case {
  file: string;
  /** Exit code of `bpm validate FILE --format json`. */
  code: 0 | 1 | 2;
  /** Diagnostic codes that must appear (json output), or the start of the error on stderr. */
  expect: string[];
  /** Those codes and no other (one clear problem, not a list of consequences). */
  only?: boolean;
}

// One line per fixture; README.md in the folder says what each one is.
const CASES: Case[] = [
  { file: 'truncated.yaml', code: 1, expect: ['yaml-syntax'] },
  { file: 'binary.yaml', code: 1, expect: ['binary-content'] },
  { file: 'invalid-utf8.yaml', code: 1, expect: ['invalid-utf8'], only: true },
  { file: 'utf16le-bom.yaml', code: 0, expect: [] },
  { file: 'utf16be-bom.yaml', code: 0, expect: [] },
  { file: 'utf16le-no-bom.yaml', code: 1, expect: ['binary-content'] },
  { file: 'empty.yaml', code: 1, expect: ['empty-file'] },
  { file: 'whitespace-only.yaml', code: 1, expect: ['empty-file'] },
  { file: 'billion-laughs.yaml', code: 1, expect: ['yaml-alias-bomb'] },
  { file: 'deep-nesting.yaml', code: 1, expect: ['yaml-too-deep'] },
  { file: 'proto-keys.yaml', code: 1, expect: ['unknown-key'] },
  { file: 'huge-numbers.yaml', code: 1, expect: ['out-of-range'] },
  { file: 'huge-amounts.yaml', code: 1, expect: ['non-finite-number'] },
  { file: 'infinite-total.yaml', code: 1, expect: ['non-finite-number'] },
  { file: 'nul-bytes.yaml', code: 1, expect: ['binary-content'] },
  { file: 'not-bpm.yaml', code: 1, expect: ['not-bpm-document'] },
  { file: 'top-level-list.yaml', code: 1, expect: ['not-a-mapping'] },
  { file: 'duplicate-keys.yaml', code: 1, expect: ['duplicate-key'] },
  { file: 'unknown-tag.yaml', code: 1, expect: ['yaml-warning', 'wrong-type'] },
  { file: 'unbalanced-quotes.csv', code: 1, expect: ['csv-unbalanced-quote'] },
  { file: 'wrong-columns.csv', code: 1, expect: ['csv-column-count'] },
  { file: 'nul-bytes.csv', code: 1, expect: ['binary-content'] },
  { file: 'gbk-with-utf8-bom.csv', code: 0, expect: ['encoding-mismatch'] },
  { file: 'binary.csv', code: 1, expect: ['binary-content'], only: true },
  { file: 'empty.csv', code: 1, expect: ['csv-empty'] },
  { file: 'huge-values.csv', code: 1, expect: ['value-not-number'] },
];

const sha = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');

/** Hashes of every regular file below `dir` (symlinks are not followed). */
function hashTree(dir: string, out = new Map<string, string>()): Map<string, string> {
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    const st = lstatSync(p);
    if (st.isDirectory()) hashTree(p, out);
    else if (st.isFile()) out.set(p, sha(p));
  }
  return out;
}

function timed(args: string[], cwd = ROOT): RunResult & { ms: number } {
  const t0 = Date.now();
  const r = spawnBpm(args, { cwd, timeout: TIME_LIMIT_MS });
  return { ...r, ms: Date.now() - t0 };
}

/** The properties every run on hostile input must have, whatever the command. */
function expectSane(r: RunResult & { ms: number }, what: string): void {
  expect(r.code, `${what}: killed by the time limit or a signal\n${r.stderr}`).to.not.equal(-1);
  expect(r.ms, what).to.be.below(TIME_LIMIT_MS);
  expect(r.stderr, `${what}: stack trace on stderr`).to.not.match(/^\s+at /m);
  expect(r.stderr, what).to.not.match(/Warning:|ExperimentalWarning/);
  expect([0, 1, 2], what).to.include(r.code);
}

function codesOf(stdout: string): string[] {
  const json = JSON.parse(stdout) as { files: { diagnostics: { code: string }[] }[]; diagnostics: { code: string }[] };
  return [...json.diagnostics, ...json.files.flatMap((f) => f.diagnostics)].map((d) => d.code);
}

/** Whether this build has the subcommand (an unknown one makes commander print the main help). */
describe('e2e: hostile inputs', function () {
  this.timeout(TIME_LIMIT_MS * 4);
  let hashesBefore: Map<string, string>;
  let tmp: string;

  before(() => {
    hashesBefore = hashTree(HOSTILE);
    tmp = tempDir('bpm-hostile-');
  });
  after(() => {
    // No input file was modified, created or removed by any run.
    expect([...hashTree(HOSTILE)]).to.deep.equal([...hashesBefore]);
    rmSync(tmp, { recursive: true, force: true });
  });

  it('every fixture in the folder has a case (and every case a fixture)', () => {
    const files = readdirSync(HOSTILE).filter((f) => f !== 'README.md').sort();
    expect(files).to.deep.equal(CASES.map((c) => c.file).sort());
  });

  for (const c of CASES) {
    it(`validate ${c.file}: exit ${c.code}, ${c.expect.join(', ') || 'no diagnostics'}`, () => {
      const r = timed(['validate', path.join(HOSTILE, c.file), '--format', 'json']);
      expectSane(r, c.file);
      expect(r.code, r.stderr).to.equal(c.code);
      const codes = codesOf(r.stdout);
      for (const code of c.expect) expect(codes, c.file).to.include(code);
      if (c.only) expect(codes, c.file).to.deep.equal(c.expect);
      if (c.code === 0 && c.expect.length === 0) expect(codes).to.deep.equal([]);
    });
  }

  it('a whole directory of hostile files: one report, exit 1, within the time bound', () => {
    const r = timed(['validate', HOSTILE, '--format', 'json']);
    expectSane(r, 'directory');
    expect(r.code).to.equal(1);
    expect(codesOf(r.stdout)).to.include.members(['yaml-alias-bomb', 'binary-content', 'csv-unbalanced-quote']);
  });

  it('a 50 MB file (made at test time): file-too-large, named or found by walking', () => {
    const dir = path.join(tmp, 'big');
    mkdirSync(dir);
    const big = path.join(dir, 'big.yaml');
    writeFileSync(big, 'apiVersion: bpm/v1\nkind: ProjectDossier\ngoal: ' + 'x'.repeat(50 * 1024 * 1024) + '\n');
    const hash = sha(big);
    for (const arg of [big, dir]) {
      const r = timed(['validate', arg, '--format', 'json']);
      expectSane(r, arg);
      expect(r.code).to.equal(1);
      expect(codesOf(r.stdout)).to.include('file-too-large');
    }
    const csv = path.join(dir, 'big.csv');
    const row = 'DL-2025-WL-001,2025-Q1,OUT-1,"9",' + 'n'.repeat(40) + '\n';
    writeFileSync(csv, 'project,period,metric,value,note\n' + row.repeat(Math.ceil((50 * 1024 * 1024) / row.length)));
    const r = timed(['validate', csv, '--format', 'json']);
    expectSane(r, 'big.csv');
    expect(sha(big)).to.equal(hash);
  });

  it('a directory named like a file: walked as a directory, never read as a file', () => {
    const d = path.join(tmp, 'dossier.yaml');
    mkdirSync(d);
    writeFileSync(path.join(d, 'notes.txt'), 'not yaml');
    const r = timed(['validate', d, path.join(ROOT, 'examples/culture-community-events/dossier.yaml'), '--format', 'json']);
    expectSane(r, 'dir');
    // Walked as a directory: it holds nothing to check, which is a usage error like an
    // unmatched glob (exit 2, said on stderr), never an attempt to read it as a file.
    expect(r.code).to.equal(2);
    expect(r.stderr).to.match(/^bpm: .*dossier\.yaml/);
    const g = timed(['validate', path.join(tmp, '*.yaml'), '--format', 'json']);
    expectSane(g, 'glob');
    expect([0, 1, 2]).to.include(g.code);
  });

  it('symlink loops (made at test time): walked once, never forever', () => {
    const d = path.join(tmp, 'loop');
    mkdirSync(path.join(d, 'sub'), { recursive: true });
    writeFileSync(path.join(d, 'sub', 'dossier.yaml'), readFileSync(path.join(ROOT, 'examples/culture-community-events/dossier.yaml')));
    symlinkSync(d, path.join(d, 'sub', 'back'));
    symlinkSync(path.join(d, 'self.yaml'), path.join(d, 'self.yaml'));
    symlinkSync(path.join(d, 'b.yaml'), path.join(d, 'a.yaml'));
    symlinkSync(path.join(d, 'a.yaml'), path.join(d, 'b.yaml'));
    const r = timed(['validate', d, '--format', 'json']);
    expectSane(r, 'loop');
    expect(r.code).to.equal(0);
    expect((JSON.parse(r.stdout) as { files: unknown[] }).files).to.have.length(1);
    const named = timed(['validate', path.join(d, 'self.yaml')]);
    expectSane(named, 'self loop named');
    expect(named.code).to.equal(2);
    expect(named.stderr).to.match(/^bpm: /);
  });

  it('10,000-deep block nesting (made at test time): a diagnostic, no stack overflow', () => {
    const f = path.join(tmp, 'deep-block.yaml');
    let text = 'apiVersion: bpm/v1\nkind: ProjectDossier\nproject:\n';
    for (let i = 0; i < 10_000; i++) text += `${' '.repeat(i + 1)}-\n`;
    writeFileSync(f, text);
    const r = timed(['validate', f, '--format', 'json']);
    expectSane(r, 'deep-block');
    expect(r.code).to.equal(1);
  });

  describe('variance and score on the same inputs (when they exist)', () => {
    const dossiers = path.join(ROOT, 'examples');
    it('bpm variance: hostile CSVs and dossiers never crash or hang', function () {
      for (const c of CASES) {
        const target = path.join(HOSTILE, c.file);
        const args = c.file.endsWith('.csv') ? ['variance', dossiers, '--data', target, '--format', 'json'] : ['variance', target, '--data', path.join(dossiers, 'culture-community-events/monitoring.csv'), '--format', 'json'];
        const r = timed(args);
        expectSane(r, `variance ${c.file}`);
        if (c.code === 1 && !c.file.endsWith('.csv')) expect(r.code, `variance ${c.file}`).to.not.equal(0);
      }
    });
    it('bpm score: hostile documents never crash or hang', function () {
      for (const c of CASES.filter((x) => x.file.endsWith('.yaml'))) {
        const r = timed(['score', path.join(HOSTILE, c.file), '--format', 'json']);
        expectSane(r, `score ${c.file}`);
        if (c.code === 1) expect(r.code, `score ${c.file}`).to.not.equal(0);
      }
    });
  });
});
