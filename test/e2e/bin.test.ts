// bin/bpm.js itself: whatever happens below it, a run that does not finish with an answer never
// exits 0. Here it runs over stand-in programs (a dist/ of its own in a temporary directory) that
// fail where the program's own error boundary cannot catch them, with Node's gentlest settings
// for unhandled promise rejections.
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { expect } from 'chai';
import { ROOT } from '../helpers/run.js';
import { tempDir } from '../helpers/temp.js';

/** bin/bpm.js over a dist/cli.cjs whose source is `program`; its exit code and standard error. */
function runOver(program: string, args: string[], env: NodeJS.ProcessEnv = {}) {
  const dir = tempDir('bpm-bin-');
  mkdirSync(path.join(dir, 'bin'));
  mkdirSync(path.join(dir, 'dist'));
  cpSync(path.join(ROOT, 'bin', 'bpm.js'), path.join(dir, 'bin', 'bpm.js'));
  cpSync(path.join(ROOT, 'bin', 'package.json'), path.join(dir, 'bin', 'package.json'));
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'stand-in', version: '9.9.9', type: 'module' }));
  writeFileSync(path.join(dir, 'dist', 'cli.cjs'), program);
  const r = spawnSync(process.execPath, [path.join(dir, 'bin', 'bpm.js'), ...args], { encoding: 'utf8', env: { ...process.env, ...env } });
  return { code: r.status, stderr: r.stderr, stdout: r.stdout };
}

describe('e2e: bin/bpm.js', () => {
  for (const mode of ['throw', 'warn', 'none']) {
    it(`a program that cannot load ends the run with its message and exit 1 (--unhandled-rejections=${mode})`, () => {
      const r = runOver("throw new Error('dist/cli.cjs is broken');\n", ['score', '.'], { NODE_OPTIONS: `--unhandled-rejections=${mode}` });
      expect(r.code).to.equal(1);
      expect(r.stderr).to.include('dist/cli.cjs is broken');
    });
  }

  it('a program that never answers does not exit 0 (13, as an unsettled top-level await)', () => {
    const r = runOver('exports.main = () => new Promise(() => {});\n', ['score', '.']);
    expect(r.code).to.equal(13);
  });

  it("the program's exit code is the process's; --version is answered without the program", () => {
    expect(runOver('exports.main = async () => 2;\n', ['score', '.']).code).to.equal(2);
    expect(runOver('exports.main = async () => 0;\n', ['score', '.']).code).to.equal(0);
    const v = runOver("throw new Error('not loaded');\n", ['--version']);
    expect(v).to.deep.include({ code: 0, stdout: '9.9.9\n', stderr: '' });
  });
});
