// bin/bpm.js itself: whatever happens below it, a run that does not finish with an answer never
// exits 0. Here it runs over stand-in programs (a dist/ of its own in a temporary directory) that
// fail where the program's own error boundary cannot catch them, with Node's gentlest settings
// for unhandled promise rejections.
import { cpSync, existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { Script } from 'node:vm';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { expect } from 'chai';
import { ROOT } from '../helpers/run.js';
import { tempDir } from '../helpers/temp.js';

/** bin/bpm.js over a dist/cli.cjs whose source is `program` (and `cache` as its code cache); its exit code and standard error. */
function runOver(program: string, args: string[], env: NodeJS.ProcessEnv = {}, cache?: Buffer) {
  const dir = tempDir('bpm-bin-');
  mkdirSync(path.join(dir, 'bin'));
  mkdirSync(path.join(dir, 'dist'));
  cpSync(path.join(ROOT, 'bin', 'bpm.js'), path.join(dir, 'bin', 'bpm.js'));
  cpSync(path.join(ROOT, 'bin', 'package.json'), path.join(dir, 'bin', 'package.json'));
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'stand-in', version: '9.9.9', type: 'module' }));
  writeFileSync(path.join(dir, 'dist', 'cli.cjs'), program);
  if (cache !== undefined) writeFileSync(path.join(dir, 'dist', 'cli.cjs.cache'), cache);
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

  it('loads the program from its code cache as require() would; a cache V8 refuses or of another bundle is passed over', () => {
    const program = (code: number) => `exports.main = async (argv) => { process.stdout.write(JSON.stringify({ argv: argv.slice(2), file: __filename.endsWith('cli.cjs'), dir: require('node:path').basename(__dirname), cached: require.cache[__filename] === module, vm: process.moduleLoadList.includes('NativeModule vm') })); return ${code}; };\n`;
    /** A cache file as the build writes it: the length of V8's data, the data, the bundle it was made from. */
    const cacheOf = (source: string, data = new Script(Module.wrap(source), { filename: 'cli.cjs' }).createCachedData()) => {
      const size = Buffer.alloc(4);
      size.writeUInt32LE(data.length);
      return Buffer.concat([size, data, Buffer.from(source)]);
    };
    // [bundle, cache file, whether it is compiled through node:vm with the cache's data]
    const cases: [string, Buffer, boolean][] = [
      [program(3), cacheOf(program(3)), true],
      // V8 refuses the data and compiles the bundle itself.
      [program(3), cacheOf(program(3), Buffer.from('not a code cache')), true],
      // The bundle edited after the build, to a source of the same length: its own code runs,
      // not the stale cache's (V8 would check only the length).
      [program(4), cacheOf(program(3)), false],
      [program(3), Buffer.alloc(0), false],
      [program(3), Buffer.from([255, 255, 255, 255]), false],
    ];
    for (const [source, cache, vm] of cases) {
      const r = runOver(source, ['score', '.'], {}, cache);
      expect(r.code).to.equal(source === program(4) ? 4 : 3);
      expect(JSON.parse(r.stdout)).to.deep.equal({ argv: ['score', '.'], file: true, dir: 'dist', cached: true, vm });
      expect(r.stderr).to.equal('');
    }
  });

  it('gives the same output through the code caches as through require() alone', () => {
    const dir = tempDir('bpm-bin-nocache-');
    cpSync(path.join(ROOT, 'bin'), path.join(dir, 'bin'), { recursive: true });
    cpSync(path.join(ROOT, 'dist'), path.join(dir, 'dist'), { recursive: true, filter: (f) => !f.endsWith('.cache') });
    cpSync(path.join(ROOT, 'package.json'), path.join(dir, 'package.json'));
    cpSync(path.join(ROOT, 'schemas'), path.join(dir, 'schemas'), { recursive: true });
    symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'));
    expect(existsSync(path.join(ROOT, 'dist', 'cli.cjs.cache')), 'the build writes the caches').to.equal(true);
    expect(existsSync(path.join(dir, 'dist', 'cli.cjs.cache'))).to.equal(false);
    for (const args of [['score', 'examples', '--lang', 'en'], ['validate', 'examples', '-f', 'json'], ['variance', 'examples/old-neighbourhood-renovation', '--lang', 'zh']]) {
      const run = (bin: string) => spawnSync(process.execPath, [bin, ...args], { cwd: ROOT, encoding: 'utf8' });
      const plain = run(path.join(dir, 'bin', 'bpm.js'));
      const cached = run(path.join(ROOT, 'bin', 'bpm.js'));
      expect({ code: cached.status, out: cached.stdout, err: cached.stderr }, args.join(' ')).to.deep.equal({ code: plain.status, out: plain.stdout, err: plain.stderr });
    }
  });

  it("the program's exit code is the process's; --version is answered without the program", () => {
    expect(runOver('exports.main = async () => 2;\n', ['score', '.']).code).to.equal(2);
    expect(runOver('exports.main = async () => 0;\n', ['score', '.']).code).to.equal(0);
    const v = runOver("throw new Error('not loaded');\n", ['--version']);
    expect(v).to.deep.include({ code: 0, stdout: '9.9.9\n', stderr: '' });
  });
});
