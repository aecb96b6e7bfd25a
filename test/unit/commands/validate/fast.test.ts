// bin/bpm.js runs `bpm validate` without building the commander program
// (src/commands/validate/fast.ts). It must print exactly what the program prints, and leave every
// command line it is not sure of to the program.
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';
import { Command } from 'commander';
import fc from 'fast-check';
import { openCache, variantOf } from '../../../../src/commands/validate/cache.js';
import { FAST_OPTIONS, fastValidate, parseFast } from '../../../../src/commands/validate/fast.js';
import { register } from '../../../../src/commands/validate/register.js';
import type { CliEnv } from '../../../../src/cli/env.js';
import { spawnSync } from 'node:child_process';
import { BIN, captured, ROOT, runCli, spawnBpm } from '../../../helpers/run.js';
import { tempDir } from '../../../helpers/temp.js';

function fast(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}) {
  return captured(fastValidate, args, { cwd, env });
}

/** The same command line without the cache options. */
function uncached(args: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--cache') continue;
    if (args[i] === '--cache-location' || args[i] === '--cache-strategy') i++;
    else out.push(args[i]);
  }
  return out;
}

describe('validate fast path (bin/bpm.js before the program)', function () {
  this.timeout(60_000);

  /** The commander program's `validate` command, with an action that only records what it was given. */
  function commanderValidate() {
    const program = new Command().exitOverride().configureOutput({ writeOut: () => {}, writeErr: () => {} });
    register(program, { cwd: ROOT, stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: {}, exact: false, exitCode: 0 } as CliEnv);
    const cmd = program.commands[0].exitOverride();
    let got: { paths: string[]; opts: Record<string, unknown> } | undefined;
    cmd.action((paths: string[], opts: Record<string, unknown>) => {
      got = { paths, opts: { ...opts } };
    });
    const parse = async (args: string[]) => {
      got = undefined;
      try {
        await program.parseAsync(['node', 'bpm', ...args]);
      } catch {
        return undefined; // a usage error (or help): commander would not run the command
      }
      return got;
    };
    return { cmd, parse };
  }

  it('knows every option of `bpm validate` as commander defines it: flags, key, value, choices, default', () => {
    const { cmd } = commanderValidate();
    const flags = cmd.options.flatMap((o) => [o.short, o.long].filter((x): x is string => x !== undefined)).sort();
    expect(Object.keys(FAST_OPTIONS).sort()).to.deep.equal(flags);
    for (const o of cmd.options) {
      const expected = { key: o.attributeName(), takesValue: o.required || o.optional, choices: o.argChoices, default: o.negate ? undefined : o.defaultValue, negate: o.negate || undefined };
      for (const flag of [o.short, o.long].filter((x) => x !== undefined)) {
        const mine = FAST_OPTIONS[flag];
        expect({ key: mine.key, takesValue: mine.takesValue, choices: mine.choices && [...mine.choices], default: mine.default, negate: mine.negate }, flag).to.deep.equal(expected);
      }
    }
  });

  it('reads every command line it takes as commander does (generated command lines, fast-check)', async () => {
    const { parse } = commanderValidate();
    const words = [...Object.keys(FAST_OPTIONS), ...Object.values(FAST_OPTIONS).flatMap((o) => o.choices ?? []), 'a', 'dir/b', '3', '-1', '1.5', 'x', '--', '-', '--format=json', '-qf', '--help', '--cache', '--cache'];
    let taken = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom(...words), { maxLength: 8 }), async (rest) => {
        const args = ['validate', ...rest];
        const fast = parseFast(args);
        if (!fast) return;
        taken++;
        const slow = await parse(args);
        expect(slow, args.join(' ')).to.not.equal(undefined);
        expect({ paths: fast.paths, opts: fast.opts }, args.join(' ')).to.deep.equal(slow);
      }),
      { numRuns: 3000, seed: 42 },
    );
    expect(taken).to.be.greaterThan(100);
  });

  it('takes only command lines it is sure of', () => {
    expect(parseFast(['validate', 'a', '--cache', '-f', 'json', 'b', '--lang', 'zh', '-q', '--no-color', '--max-warnings', '3'])).to.deep.equal({
      paths: ['a', 'b'],
      opts: { cache: true, format: 'json', lang: 'zh', quiet: true, color: false, maxWarnings: 3, cacheStrategy: 'content', junitWarnings: 'output' },
    });
    expect(parseFast(['validate', '--cache-location', 'c'])?.opts.cacheLocation).to.equal('c');
    // Without the cache, and `-` (standard input) as a path, as commander reads it.
    expect(parseFast(['validate', 'a'])).to.deep.equal({ paths: ['a'], opts: { format: 'stylish', cacheStrategy: 'content', junitWarnings: 'output' } });
    expect(parseFast(['validate', '--cache', '-'])).to.deep.equal({ paths: ['-'], opts: { cache: true, format: 'stylish', cacheStrategy: 'content', junitWarnings: 'output' } });
    for (const args of [
      ['review', 'a', '--cache'],
      ['validate', '--cache', '--help'],
      ['validate', '--cache', '-h'],
      ['validate', '--cache', '--format=json'],
      ['validate', '--cache', '-fjson'],
      ['validate', '--cache', '-qf', 'json'],
      ['validate', '--cache', '--format', 'xml'],
      ['validate', '--cache', '--format'],
      ['validate', '--cache', '--lang', 'fr'],
      ['validate', '--cache', '--cache-strategy', 'mtime'],
      ['validate', '--cache', '--max-warnings', '-1'],
      ['validate', '--cache', '--max-warnings', '1.5'],
      ['validate', '--cache', '--cache'],
      ['validate', '--cache', '-f', 'json', '--format', 'json'],
      ['validate', '--cache', '-o', '-'],
      ['validate', '--cache', '--', 'a'],
      ['validate', '--cache', '--unknown'],
    ]) {
      expect(parseFast(args), args.join(' ')).to.equal(undefined);
    }
  });

  describe('on a tree', () => {
    let dir: string;
    beforeEach(() => {
      dir = tempDir('bpm-fast-');
      cpSync(path.join(ROOT, 'examples'), path.join(dir, 'examples'), { recursive: true });
      const f = path.join(dir, 'examples/culture-community-events/dossier.yaml');
      writeFileSync(f, readFileSync(f, 'utf8').replace('weight: 15\n    basis: plan\n    baseline: 42', 'weight: 16\n    basis: plan\n    baseline: 42'));
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    it('prints what the program prints, without the cache and with it (validated and stored, then kept output)', async () => {
      const lines = [
        ['validate', 'examples', '--cache'],
        ['validate', '--cache', 'examples', '-f', 'json', '--lang', 'zh'],
        ['validate', 'examples', '--cache', '--cache-strategy', 'metadata', '-f', 'sarif'],
        ['validate', 'examples', '--cache', '-q', '--max-warnings', '0', '-f', 'github'],
        ['validate', 'examples/culture-community-events', '--cache-location', 'c.cache', '-f', 'markdown'],
      ];
      for (const args of lines) {
        const plain = await runCli(uncached(args), { cwd: dir });
        expect(plain.code).to.equal(1);
        expect(await fast(uncached(args), dir), uncached(args).join(' ')).to.deep.equal({ code: plain.code, stdout: plain.stdout, stderr: '' });
        // No cache yet (or not this rendering): validated, printed and stored.
        const first = await fast(args, dir);
        expect(first, args.join(' ')).to.deep.equal({ code: plain.code, stdout: plain.stdout, stderr: '' });
        const slow = await runCli(args, { cwd: dir });
        expect(slow.code).to.equal(1);
        const quick = await fast(args, dir);
        expect(quick, args.join(' ')).to.deep.equal({ code: slow.code, stdout: slow.stdout, stderr: '' });
        expect(quick.stdout).to.equal(plain.stdout);
      }
      // Colour comes from the environment, as in the program.
      const colour = await runCli(['validate', 'examples', '--cache'], { cwd: dir, env: { FORCE_COLOR: '1' } });
      expect(await fast(['validate', 'examples', '--cache'], dir, { FORCE_COLOR: '1' })).to.deep.equal({ code: 1, stdout: colour.stdout, stderr: '' });
      // Five renderings of one cache: the oldest (plain stylish) was dropped; rendered again from
      // the cached results, it is kept again.
      const plainStylish = async () => {
        const { cache } = await openCache({ paths: ['examples'], cwd: dir, lang: 'en' }, { strategy: 'content' });
        return cache.hit && cache.output(variantOf('stylish', 'en', false, undefined)) !== undefined;
      };
      expect(await plainStylish()).to.equal(false);
      const again = await fast(['validate', 'examples', '--cache', '--no-color'], dir, { FORCE_COLOR: '1' });
      expect(again).to.deep.equal({ code: 1, stdout: (await runCli(['validate', 'examples'], { cwd: dir })).stdout, stderr: '' });
      expect(await plainStylish()).to.equal(true);
      // A change: validated again.
      writeFileSync(path.join(dir, 'examples/strategy.yaml'), readFileSync(path.join(dir, 'examples/strategy.yaml'), 'utf8') + '# revised\n');
      const changed = await fast(['validate', 'examples', '--cache', '-f', 'json'], dir);
      expect(changed).to.deep.equal({ code: 1, stdout: (await runCli(['validate', 'examples', '-f', 'json'], { cwd: dir })).stdout, stderr: '' });
    });

    it('writes -o like the program, and reports an output over an input like it', async () => {
      await runCli(['validate', 'examples', '--cache', '-f', 'json'], { cwd: dir });
      const r = await fast(['validate', 'examples', '--cache', '-f', 'json', '-o', 'out.json'], dir);
      expect(r).to.deep.equal({ code: 1, stdout: '', stderr: '' });
      expect(readFileSync(path.join(dir, 'out.json'), 'utf8')).to.equal((await runCli(['validate', 'examples', '-f', 'json'], { cwd: dir })).stdout);
      const target = 'examples/health-elderly-care/dossier.yaml';
      const before = readFileSync(path.join(dir, target), 'utf8');
      const over = await fast(['validate', 'examples', '--cache', '-f', 'json', '-o', target], dir);
      const slow = await runCli(['validate', 'examples', '--cache', '-f', 'json', '-o', target], { cwd: dir });
      expect(over).to.deep.equal({ code: 2, stdout: '', stderr: slow.stderr });
      expect(slow.code).to.equal(2);
      expect(readFileSync(path.join(dir, target), 'utf8')).to.equal(before);
      expect(existsSync(path.join(dir, 'examples/health-elderly-care/.dossier.yaml.tmp'))).to.equal(false);
    });

    it('reports a missing path as the program does', async () => {
      for (const args of [['validate', 'nowhere', '--cache'], ['validate', 'nowhere', '--lang', 'zh']]) {
        const slow = await runCli(args, { cwd: dir });
        expect(slow.code).to.equal(2);
        expect(slow.stderr).to.match(/^bpm: .*nowhere/);
        expect(await fast(args, dir), args.join(' ')).to.deep.equal(slow);
      }
    });

    it('through bin/bpm.js: the same bytes and exit code as a run without the cache', () => {
      const plain = spawnBpm(['validate', 'examples', '-f', 'json'], { cwd: dir });
      const first = spawnBpm(['validate', 'examples', '-f', 'json', '--cache'], { cwd: dir });
      const second = spawnBpm(['validate', 'examples', '-f', 'json', '--cache'], { cwd: dir });
      expect(first).to.deep.equal(plain);
      expect(second).to.deep.equal(plain);
      expect(plain.code).to.equal(1);
      // Not a line the fast path takes: the program answers (help).
      const help = spawnBpm(['validate', '--cache', '--help'], { cwd: dir });
      expect(help.code).to.equal(0);
      expect(help.stdout).to.contain('--cache-strategy');
    });
  });

  it('bin/bpm.js validate loads CommonJS only: itself, dist/validate.cjs and the validator, no ES module, not the program', () => {
    const dir = tempDir('bpm-fast-load-');
    try {
      // A module required before bin/bpm.js lists, as the process exits, what it loaded.
      const probe = path.join(dir, 'probe.cjs');
      writeFileSync(
        probe,
        `process.on('exit', () => process.stderr.write(JSON.stringify({
          esm: process.moduleLoadList.filter((m) => m.includes('esm/translators')),
          ours: Object.keys(require.cache).filter((f) => !f.includes('node_modules') && f !== ${JSON.stringify(probe)}).map((f) => require('node:path').relative(${JSON.stringify(ROOT)}, f)),
        })));`,
      );
      const load = (args: string[]) => {
        const r = spawnSync(process.execPath, ['-r', probe, BIN, ...args], { cwd: ROOT, encoding: 'utf8' });
        return { code: r.status, ...(JSON.parse(r.stderr.slice(r.stderr.lastIndexOf('{'))) as { esm: string[]; ours: string[] }) };
      };
      const one = load(['validate', 'examples/culture-community-events/dossier.yaml']);
      expect(one.code).to.equal(0);
      expect(one.esm, 'no ES module loaded').to.deep.equal([]);
      expect(one.ours.sort()).to.deep.equal(['bin/bpm.js', 'dist/validate.cjs', 'dist/validators/ProjectDossier.cjs']);
      // Another command goes to the program, CommonJS too (dist/cli.cjs).
      const score = load(['score', 'examples/culture-community-events']);
      expect(score.ours).to.include('dist/cli.cjs').and.not.include('dist/validate.cjs');
      expect(score.esm, 'no ES module loaded').to.deep.equal([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
