// End-to-end: files that are not ordinary files, and outputs that must not destroy anything
// (issue "trust at the edges"). Each case is a reproducer: FIFOs and devices given as inputs or
// as -o, a full disk under stdout, a symbolic link as -o, temporaries left by a killed run, a
// walk that would leave its root through a link, a report written over a document, and bpm's
// own reports read back as monitoring data.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, lstatSync, mkdirSync, openSync, closeSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';
import { BIN, ROOT, spawnBpm } from '../helpers/run.js';
import { tempDir } from '../helpers/temp.js';

const EXAMPLE = path.join(ROOT, 'examples', 'culture-community-events');

function mkfifo(p: string): void {
  const r = spawnSync('mkfifo', [p]);
  if (r.status !== 0) throw new Error(`mkfifo failed: ${r.stderr}`);
}

/** One line on stderr, starting with `bpm:`, no stack trace. */
function oneLine(stderr: string): string {
  const lines = stderr.trim().split('\n');
  expect(lines, stderr).to.have.length(1);
  expect(stderr).to.match(/^bpm: /);
  expect(stderr).not.to.match(/\n\s+at /);
  return lines[0];
}

describe('e2e: special files and safe outputs', function () {
  this.timeout(60_000);
  let tmp: string;
  beforeEach(() => {
    tmp = tempDir('bpm-special-');
    cpSync(EXAMPLE, path.join(tmp, 'p'), { recursive: true });
  });
  afterEach(() => rmSync(tmp, { recursive: true, force: true }));

  describe('inputs that are not regular files are refused (exit 2), never read forever', () => {
    it('validate /dev/zero', () => {
      const r = spawnBpm(['validate', '/dev/zero'], { timeout: 10_000 });
      expect(r.code).to.equal(2);
      expect(oneLine(r.stderr)).to.match(/\/dev\/zero: it is a device, not a regular file/);
    });
    it('validate a FIFO (would block forever)', () => {
      mkfifo(path.join(tmp, 'fifo.yaml'));
      const r = spawnBpm(['validate', 'fifo.yaml'], { cwd: tmp, timeout: 10_000 });
      expect(r.code).to.equal(2);
      expect(oneLine(r.stderr)).to.match(/fifo\.yaml: it is a named pipe \(FIFO\)/);
    });
    it('variance --data /dev/zero (would never end)', () => {
      const r = spawnBpm(['variance', 'p', '--data', '/dev/zero'], { cwd: tmp, timeout: 10_000 });
      expect(r.code).to.equal(2);
      expect(oneLine(r.stderr)).to.match(/\/dev\/zero: it is a device/);
    });
    it('a FIFO found by walking is skipped, not waited on', () => {
      mkfifo(path.join(tmp, 'p', 'pipe.csv'));
      symlinkSync('pipe.csv', path.join(tmp, 'p', 'link-to-pipe.yaml'));
      const r = spawnBpm(['validate', 'p'], { cwd: tmp, timeout: 10_000 });
      expect(r.code, r.stderr).to.equal(0);
    });
    it('--policy /dev/zero is an unreadable policy, not a hang', () => {
      const r = spawnBpm(['score', 'p', '--policy', '/dev/zero'], { cwd: tmp, timeout: 10_000 });
      expect(r.code).to.equal(2);
      expect(r.stderr).to.match(/dev\/zero/);
    });
  });

  describe('-o writes through what is not a regular file, and keeps a symbolic link a link', () => {
    it('-o FIFO: the reader gets the report and the FIFO stays a FIFO', async () => {
      const fifo = path.join(tmp, 'out.fifo');
      mkfifo(fifo);
      const reader = spawn('cat', [fifo]);
      let got = '';
      reader.stdout.on('data', (c: Buffer) => (got += c.toString()));
      const done = new Promise((resolve) => reader.on('close', resolve));
      const r = spawnBpm(['validate', 'p', '--format', 'json', '-o', 'out.fifo'], { cwd: tmp, timeout: 20_000 });
      await done;
      expect(r.code, r.stderr).to.equal(0);
      expect(JSON.parse(got).tool).to.equal('bpm');
      expect(lstatSync(fifo).isFIFO()).to.equal(true);
    });
    it('-o /dev/full: a one-line write error, exit 2, and /dev/full is still a device', () => {
      const r = spawnBpm(['validate', 'p', '-o', '/dev/full'], { cwd: tmp });
      expect(r.code).to.equal(2);
      expect(oneLine(r.stderr)).to.match(/ENOSPC/);
      expect(statSync('/dev/full').isCharacterDevice()).to.equal(true);
    });
    it('-o /dev/null: exit 0 and /dev/null is still a device', () => {
      const r = spawnBpm(['validate', 'p', '-o', '/dev/null'], { cwd: tmp });
      expect(r.code, r.stderr).to.equal(0);
      expect(statSync('/dev/null').isCharacterDevice()).to.equal(true);
      expect(lstatSync('/dev/null').isSymbolicLink() || lstatSync('/dev/null').isCharacterDevice()).to.equal(true);
    });
    it('-o a symbolic link: its target is replaced atomically, the link stays', () => {
      writeFileSync(path.join(tmp, 'real.json'), 'old');
      symlinkSync('real.json', path.join(tmp, 'link.json'));
      const r = spawnBpm(['validate', 'p', '--format', 'json', '-o', 'link.json'], { cwd: tmp });
      expect(r.code, r.stderr).to.equal(0);
      expect(lstatSync(path.join(tmp, 'link.json')).isSymbolicLink()).to.equal(true);
      expect(JSON.parse(readFileSync(path.join(tmp, 'real.json'), 'utf8')).tool).to.equal('bpm');
    });
    it('-o a dangling symbolic link creates the file it names', () => {
      mkdirSync(path.join(tmp, 'reports'));
      symlinkSync('reports/new.json', path.join(tmp, 'latest.json'));
      const r = spawnBpm(['validate', 'p', '--format', 'json', '-o', 'latest.json'], { cwd: tmp });
      expect(r.code, r.stderr).to.equal(0);
      expect(lstatSync(path.join(tmp, 'latest.json')).isSymbolicLink()).to.equal(true);
      expect(JSON.parse(readFileSync(path.join(tmp, 'reports', 'new.json'), 'utf8')).tool).to.equal('bpm');
    });
    it('-o a directory is a usage error', () => {
      mkdirSync(path.join(tmp, 'dir'));
      const r = spawnBpm(['validate', 'p', '-o', 'dir'], { cwd: tmp });
      expect(r.code).to.equal(2);
      expect(oneLine(r.stderr)).to.match(/dir: it is a directory/);
    });
  });

  it('stdout on a full disk: one line, exit 2, no stack trace', () => {
    const fd = openSync('/dev/full', 'w');
    try {
      for (const args of [['validate', 'p'], ['score', 'p'], ['variance', 'p']]) {
        const res = spawnSync(process.execPath, [BIN, ...args], { cwd: tmp, stdio: ['ignore', fd, 'pipe'], encoding: 'utf8', env: { PATH: process.env.PATH, LANG: 'en_US.UTF-8', FORCE_COLOR: '0' } });
        expect(res.status, `${args[0]}: ${res.stderr}`).to.equal(2);
        expect(oneLine(res.stderr)).to.match(/standard output \(ENOSPC: no space left on device\)/);
      }
    } finally {
      closeSync(fd);
    }
  });

  it('a temporary left by a killed run (its process gone) is removed by the next write; a live one is kept', () => {
    const stale = path.join(tmp, '.out.json.999999999.abcdefabcdef.tmp');
    const live = path.join(tmp, `.out.json.${process.pid}.abcdefabcdef.tmp`);
    writeFileSync(stale, 'partial');
    writeFileSync(live, 'in progress');
    const r = spawnBpm(['validate', 'p', '-o', 'out.json'], { cwd: tmp });
    expect(r.code, r.stderr).to.equal(0);
    expect(existsSync(stale)).to.equal(false);
    expect(existsSync(live)).to.equal(true);
    expect(readdirSync(tmp).filter((n) => n.endsWith('.tmp'))).to.deep.equal([path.basename(live)]);
  });

  it('a directory walk stays inside the root it was given: links out of it are not followed', () => {
    const sub = path.join(tmp, 'w', 'sub');
    mkdirSync(sub, { recursive: true });
    cpSync(path.join(EXAMPLE, 'dossier.yaml'), path.join(tmp, 'w', 'parent.yaml'));
    cpSync(path.join(EXAMPLE, 'dossier.yaml'), path.join(sub, 'own.yaml'));
    symlinkSync('..', path.join(sub, 'up')); // loop/up -> ..
    symlinkSync('../../p', path.join(sub, 'elsewhere'));
    symlinkSync('../parent.yaml', path.join(sub, 'parent-link.yaml'));
    const r = spawnBpm(['validate', 'w/sub', '--format', 'json'], { cwd: tmp });
    expect(r.code, r.stderr).to.equal(0);
    expect((JSON.parse(r.stdout) as { files: { file: string }[] }).files.map((f) => f.file)).to.deep.equal(['w/sub/own.yaml']);
    // A link inside the root is still followed.
    symlinkSync('own.yaml', path.join(sub, 'same.yaml'));
    mkdirSync(path.join(sub, 'inner'));
    symlinkSync('../own.yaml', path.join(sub, 'inner', 'back.yaml'));
    const again = spawnBpm(['validate', 'w', '--format', 'json'], { cwd: tmp });
    expect((JSON.parse(again.stdout) as { files: { file: string }[] }).files.map((f) => f.file)).to.deep.equal(['w/parent.yaml', 'w/sub/own.yaml']);
  });

  describe('never over a bpm document without --force', () => {
    it('bpm schema -o dossier.yaml refuses (exit 2, file unchanged); --force replaces it', () => {
      const file = path.join(tmp, 'p', 'dossier.yaml');
      const before = readFileSync(file, 'utf8');
      const r = spawnBpm(['schema', '-o', 'p/dossier.yaml'], { cwd: tmp });
      expect(r.code).to.equal(2);
      expect(oneLine(r.stderr)).to.match(/refusing to write over p\/dossier\.yaml: it is a bpm dossier \(ProjectDossier\).*--force/);
      expect(readFileSync(file, 'utf8')).to.equal(before);
      const forced = spawnBpm(['schema', '-o', 'p/dossier.yaml', '--force'], { cwd: tmp });
      expect(forced.code, forced.stderr).to.equal(0);
      expect(JSON.parse(readFileSync(file, 'utf8')).$schema).to.be.a('string');
    });
    it('a monitoring CSV that is not an input of the run is protected too; a report of bpm is not', () => {
      cpSync(path.join(EXAMPLE, 'monitoring.csv'), path.join(tmp, 'data.csv'));
      const r = spawnBpm(['score', 'p', '--format', 'csv', '-o', 'data.csv'], { cwd: tmp });
      expect(r.code).to.equal(2);
      expect(oneLine(r.stderr)).to.match(/monitoring data file/);
      // Writing the same report twice is fine: the first one is bpm's own report.
      expect(spawnBpm(['score', 'p', '--format', 'csv', '-o', 'report.csv'], { cwd: tmp }).code).to.equal(0);
      const twice = spawnBpm(['score', 'p', '--format', 'csv', '-o', 'report.csv'], { cwd: tmp });
      expect(twice.code, twice.stderr).to.equal(0);
    });
    it('Chinese messages', () => {
      const r = spawnBpm(['schema', '-o', 'p/dossier.yaml', '--lang', 'zh'], { cwd: tmp });
      expect(oneLine(r.stderr)).to.match(/拒绝覆盖 p\/dossier\.yaml：它是 bpm 绩效目标文档/);
    });
  });

  it('score --out-dir into a project folder: the next run ignores those reports (same result)', () => {
    const examples = path.join(tmp, 'ex');
    cpSync(path.join(ROOT, 'examples'), examples, { recursive: true });
    const before = spawnBpm(['score', 'ex', '--format', 'json'], { cwd: tmp });
    for (const lang of ['en', 'zh']) {
      const out = spawnBpm(['score', 'ex', '--format', 'csv', '--lang', lang, '--out-dir', `ex/culture-community-events/${lang}`], { cwd: tmp });
      expect(out.code, out.stderr).to.equal(0);
      const v = spawnBpm(['variance', 'ex', '--format', 'csv', '--lang', lang, '-o', `ex/culture-community-events/variance-${lang}.csv`], { cwd: tmp });
      expect(v.code, v.stderr).to.equal(0);
    }
    const after = spawnBpm(['score', 'ex', '--format', 'json'], { cwd: tmp });
    expect(after.code, after.stderr).to.equal(before.code);
    expect(after.stdout).to.equal(before.stdout);
    const validated = spawnBpm(['validate', 'ex', '--format', 'json'], { cwd: tmp });
    expect(validated.code, validated.stdout).to.equal(0);
    const variance = spawnBpm(['variance', 'ex', '--format', 'json'], { cwd: tmp });
    expect((JSON.parse(variance.stdout) as { diagnostics: unknown[] }).diagnostics).to.deep.equal([]);
  });
});
