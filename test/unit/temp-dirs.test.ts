// test/helpers/temp.ts: a run's temporary directories share one parent, which is gone when the
// run ends, whether mocha finishes, the process exits early or it is terminated. Each case runs a
// child process whose TMPDIR is a fresh directory of this run, so whatever it leaves is seen here.
import { expect } from 'chai';
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from '../helpers/run.js';
import { tempDir } from '../helpers/temp.js';

const HELPER = pathToFileURL(path.join(ROOT, 'test/helpers/temp.ts')).href;
const MOCHA = createRequire(import.meta.url).resolve('mocha/bin/mocha.js');

interface Child {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs node (with tsx) on `args` with TMPDIR=`tmp`; with `kill`, sends it once it prints "ready". */
function runNode(args: string[], tmp: string, kill?: NodeJS.Signals): Promise<Child> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, TMPDIR: tmp, FORCE_COLOR: '0' },
    });
    let stdout = '';
    let stderr = '';
    let killed = false;
    child.stdout.on('data', (c: Buffer) => {
      stdout += c.toString('utf8');
      if (kill && !killed && /^ready$/m.test(stdout)) killed = child.kill(kill);
    });
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

/** The parent directory the child reported on a line "root <path>". */
function reportedRoot(out: string, tmp: string): string {
  const m = /^root (.+)$/m.exec(out);
  expect(m, out).to.not.equal(null);
  const root = m![1]!;
  expect(path.dirname(root)).to.equal(tmp);
  expect(path.basename(root)).to.match(/^bpm-test-/);
  return root;
}

/** What the child left in its TMPDIR, but for tsx's own cache. */
const leftOver = (tmp: string) => readdirSync(tmp).filter((name) => !name.startsWith('tsx-'));

describe('test helpers: tempDir removes what it made', function () {
  this.timeout(60_000);

  it('a mocha run: all directories under one parent, removed by the root after hook', async () => {
    const tmp = tempDir('bpm-temp-mocha-');
    const spec = path.join(tempDir('bpm-temp-spec-'), 'child.test.mjs');
    writeFileSync(
      spec,
      `import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { tempDir, tempRoot } from ${JSON.stringify(HELPER)};
let root;
describe('child', () => {
  it('makes directories', () => {
    const a = tempDir('bpm-a-');
    const b = tempDir('bpm-b-');
    root = tempRoot();
    console.log('root ' + root);
    console.log('dirs ' + [a, b].map((d) => path.relative(root, d).replace(/-[^-]*$/, '')).join(' '));
    mkdirSync(path.join(a, 'locked'));
    writeFileSync(path.join(a, 'locked', 'file.txt'), 'x');
    chmodSync(path.join(a, 'locked', 'file.txt'), 0o000);
    chmodSync(path.join(a, 'locked'), 0o500);
  });
});
// Registered after the helper's own hook, so it runs after it, before the process exits.
after(() => console.log('after hooks: parent ' + (existsSync(root) ? 'still there' : 'removed')));
`,
    );
    const r = await runNode([MOCHA, '--no-config', '--reporter', 'dot', spec], tmp);
    expect(r.code, r.stdout + r.stderr).to.equal(0);
    const root = reportedRoot(r.stdout, tmp);
    expect(r.stdout).to.match(/^dirs bpm-a bpm-b$/m);
    expect(r.stdout, r.stdout).to.match(/after hooks: parent removed$/m);
    expect(leftOver(tmp)).to.deep.equal([]);
    expect(existsSync(root)).to.equal(false);
  });

  it('a process that exits early: the parent is removed on exit', async () => {
    const tmp = tempDir('bpm-temp-exit-');
    const script = `import { tempDir, tempRoot } from ${JSON.stringify(HELPER)};
tempDir('bpm-x-');
console.log('root ' + tempRoot());
process.exit(3);`;
    const r = await runNode(['--input-type=module', '-e', script], tmp);
    expect(r.code, r.stderr).to.equal(3);
    reportedRoot(r.stdout, tmp);
    expect(leftOver(tmp)).to.deep.equal([]);
  });

  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`a process ended by ${signal}: the parent is removed, the process still dies of the signal`, async () => {
      const tmp = tempDir('bpm-temp-signal-');
      const script = `import { tempDir, tempRoot } from ${JSON.stringify(HELPER)};
tempDir('bpm-x-');
console.log('root ' + tempRoot());
console.log('ready');
setInterval(() => {}, 1000);`;
      const r = await runNode(['--input-type=module', '-e', script], tmp, signal);
      expect(r.signal, r.stderr).to.equal(signal);
      reportedRoot(r.stdout, tmp);
      expect(leftOver(tmp)).to.deep.equal([]);
    });
  }
});
