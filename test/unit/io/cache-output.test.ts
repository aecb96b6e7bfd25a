// validate --cache keeps the rendered output of the last few (format, language, colour, quiet)
// combinations: an unchanged run prints those bytes, or renders the cached results for another
// combination. Either way the output must be byte-identical to a fresh run's, and every change
// that could alter a result must be noticed.
import { cpSync, mkdirSync, readFileSync, rmSync, statSync, truncateSync, utimesSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { expect } from 'chai';
import { validate } from '../../../src/commands/validate/run.js';
import { discoverInputs } from '../../../src/io/discover.js';
import { RunCache, runKey } from '../../../src/io/cache.js';
import { resolvePolicyRef } from '../../../src/io/policy-files.js';
import { VERSION } from '../../../src/version.js';
import { ROOT, runCli } from '../../helpers/run.js';
import { tempDir } from '../../helpers/temp.js';

const FORMATS = ['stylish', 'json', 'junit', 'sarif', 'github', 'markdown'];

describe('io/cache: cached output is byte-identical, and every change is noticed', function () {
  this.timeout(60_000);
  let dir: string;
  beforeEach(() => {
    dir = tempDir('bpm-cache-out-');
    cpSync(path.join(ROOT, 'examples'), path.join(dir, 'examples'), { recursive: true });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const cli = (args: string[], env: NodeJS.ProcessEnv = {}) => runCli(args, { cwd: dir, env });
  const run = (extra: Partial<Parameters<typeof validate>[0]> = {}) =>
    validate({ paths: ['examples'], cwd: dir, lang: 'en', cache: { strategy: 'content' }, ...extra });
  const codes = (r: Awaited<ReturnType<typeof validate>>) => r.report.files.flatMap((f) => f.diagnostics.map((d) => `${f.file} ${d.code}`));
  const culture = () => path.join(dir, 'examples/culture-community-events/dossier.yaml');
  /** Same length, one weight off: a weights-sum error appears. */
  const breakWeights = (f = culture()) => writeFileSync(f, readFileSync(f, 'utf8').replace('weight: 15\n    basis: plan\n    baseline: 42', 'weight: 16\n    basis: plan\n    baseline: 42'));

  it('prints what a fresh run prints in every format, language, colour and --quiet, stored or rendered from the cached results', async () => {
    // Findings of every kind: the rule fixtures and the hostile corpus, validated together.
    cpSync(path.join(ROOT, 'test/fixtures/validate'), path.join(dir, 'v'), { recursive: true });
    cpSync(path.join(ROOT, 'test/fixtures/hostile'), path.join(dir, 'h'), { recursive: true });
    // Where the parser runs out of stack depends on how deep the call stack already is (a cached
    // and a fresh run in one process differ); that file's position is not a property of the cache.
    rmSync(path.join(dir, 'h/deep-nesting.yaml'));
    rmSync(path.join(dir, 'h/billion-laughs.yaml')); // slow, and nothing a cache could get wrong
    const variants: { args: string[]; env: NodeJS.ProcessEnv }[] = [];
    for (const format of FORMATS) for (const lang of ['en', 'zh']) variants.push({ args: ['-f', format, '--lang', lang], env: {} });
    variants.push({ args: ['--quiet'], env: {} }, { args: ['-f', 'markdown', '--quiet'], env: {} }, { args: [], env: { FORCE_COLOR: '1' } });
    const fresh = [];
    for (const v of variants) fresh.push(await cli(['validate', 'v', 'h', ...v.args], v.env));
    expect(fresh[0].code).to.equal(1);
    expect(fresh[0].stdout.length).to.be.greaterThan(1000);
    expect(fresh.at(-1)!.stdout).to.not.equal(fresh[0].stdout); // coloured stylish differs from plain
    // The first pass validates once and stores each rendering (from the cached results; with
    // more than four, the oldest are dropped); then the last ones print kept bytes and the first
    // ones are rendered from the cached results again.
    const n = variants.length;
    for (const i of [...Array(n).keys(), n - 1, n - 2, n - 3, 0, 1]) {
      const r = await cli(['validate', 'v', 'h', '--cache', ...variants[i].args], variants[i].env);
      expect(r.stdout, variants[i].args.join(' ')).to.equal(fresh[i].stdout);
      expect(r.code).to.equal(fresh[i].code);
    }
    // The same in a new process, as a user runs it (the default stylish format).
    const { spawnBpm } = await import('../../helpers/run.js');
    const a = spawnBpm(['validate', 'v', 'h', '--cache'], { cwd: dir });
    const b = spawnBpm(['validate', 'v', 'h', '--cache'], { cwd: dir });
    expect(b.stdout).to.equal(a.stdout);
    expect(b.stdout).to.equal(fresh[0].stdout); // stylish, English (LANG=en_US.UTF-8)
    expect(b.code).to.equal(1);
  });

  it('gives the exit code of --max-warnings from the cache, and writes -o from it', async () => {
    const f = path.join(dir, 'examples/health-elderly-care/dossier.yaml');
    writeFileSync(f, readFileSync(f, 'utf8').replace(/^(\s*goal:\s*)(.*)$/m, '$1进一步提高服务质量'));
    const fresh = await cli(['validate', 'examples', '--max-warnings', '0']);
    expect(fresh.code).to.equal(1);
    expect(fresh.stdout).to.match(/warning/);
    for (let i = 0; i < 2; i++) {
      expect((await cli(['validate', 'examples', '--max-warnings', '0', '--cache'])).code).to.equal(1);
      expect((await cli(['validate', 'examples', '--cache'])).code).to.equal(0);
    }
    const out = await cli(['validate', 'examples', '--cache', '-f', 'json', '-o', 'report.json']);
    expect(out.code).to.equal(0);
    expect(readFileSync(path.join(dir, 'report.json'), 'utf8')).to.equal((await cli(['validate', 'examples', '-f', 'json'])).stdout);
    const over = await cli(['validate', 'examples', '--cache', '-f', 'json', '-o', 'examples/health-elderly-care/dossier.yaml']);
    expect(over.code).to.equal(2);
    expect(readFileSync(f, 'utf8')).to.contain('进一步提高服务质量');
  });

  it('metadata strategy: hashes a file modified too recently to trust its timestamp, even if size and mtime come back', async () => {
    // A second-granular timestamp, as a file system with coarse timestamps would record it.
    const f = culture();
    const t = Math.floor(Date.now() / 1000);
    utimesSync(f, t, t);
    const first = await run({ cache: { strategy: 'metadata' } });
    expect(codes(first).some((c) => c.endsWith('weights-sum'))).to.equal(false);
    // Rewritten within the same tick: same size, same mtime, other content.
    const size = statSync(f).size;
    breakWeights(f);
    utimesSync(f, t, t);
    expect(statSync(f).size).to.equal(size);
    const again = await run({ cache: { strategy: 'metadata' } });
    expect(again.cached).to.equal(false);
    expect(codes(again).some((c) => c.endsWith('weights-sum'))).to.equal(true);
  });

  it('metadata strategy: trusts an old timestamp (no read), and a touch alone does not invalidate', async () => {
    const f = culture();
    const old = new Date('2020-01-02T03:04:05Z');
    utimesSync(f, old, old);
    await run({ cache: { strategy: 'metadata' } });
    // Touched, same content: hashed, found unchanged.
    utimesSync(f, new Date(), new Date());
    expect((await run({ cache: { strategy: 'metadata' } })).cached).to.equal(true);
    // Same size and timestamps as recorded, other content: metadata cannot see it (ESLint's
    // trade-off, documented); the content strategy does.
    utimesSync(f, old, old);
    await run({ cache: { strategy: 'metadata' } });
    breakWeights(f);
    utimesSync(f, old, old);
    expect((await run({ cache: { strategy: 'metadata' } })).cached).to.equal(true);
    const content = await run({ cache: { strategy: 'content' } });
    expect(content.cached).to.equal(false);
    expect(codes(content).some((c) => c.endsWith('weights-sum'))).to.equal(true);
  });

  it('is keyed by bpm version and the working directory', async () => {
    await run();
    const inputs = await discoverInputs(['examples'], { cwd: dir });
    const file = path.join(dir, '.bpmcache');
    expect(RunCache.open(file, runKey({ version: VERSION, cwd: dir }), inputs, 'content').hit).to.equal(true);
    expect(RunCache.open(file, runKey({ version: `${VERSION}-next`, cwd: dir }), inputs, 'content').hit).to.equal(false);
    expect(RunCache.open(file, runKey({ version: VERSION, cwd: path.join(dir, 'examples') }), inputs, 'content').hit).to.equal(false);
    expect(RunCache.open(file, runKey({ version: VERSION, cwd: dir, encoding: 'gbk' }), inputs, 'content').hit).to.equal(false);
    expect(RunCache.open(file, runKey({ version: VERSION, cwd: dir }), inputs.slice(1), 'content').hit).to.equal(false);
    expect(RunCache.open(file, runKey({ version: VERSION, cwd: dir }), [...inputs].reverse(), 'content').hit).to.equal(false);
  });

  it('re-validates when a policy named by an Evaluation, or one it extends, changes', async () => {
    const ev = path.join(dir, 'examples/culture-community-events/evaluation.yaml');
    writeFileSync(ev, readFileSync(ev, 'utf8').replace('policy: self', 'policy: ../../policies/p.yaml'));
    const policies = path.join(dir, 'policies');
    mkdirSync(policies);
    writeFileSync(path.join(policies, 'base.yaml'), 'apiVersion: bpm/v1\nkind: ScoringPolicy\nname: base\nextends: self\n');
    writeFileSync(path.join(policies, 'p.yaml'), 'apiVersion: bpm/v1\nkind: ScoringPolicy\nname: p\nextends: ./base.yaml\n');
    const a = await run();
    expect(a.cached).to.equal(false);
    expect(codes(a).some((c) => c.endsWith('weights-sum'))).to.equal(false);
    expect((await run()).cached).to.equal(true);
    // The policy it extends changes the section weights: the dossier's weights no longer add up.
    writeFileSync(path.join(policies, 'base.yaml'), 'apiVersion: bpm/v1\nkind: ScoringPolicy\nname: base\nextends: self\nsections: {output: 40, effect: 40, satisfaction: 10}\n');
    const b = await run();
    expect(b.cached).to.equal(false);
    expect(codes(b).some((c) => c.startsWith('examples/culture-community-events/dossier.yaml') && c.endsWith('weights-sum'))).to.equal(true);
    expect((await run()).cached).to.equal(true);
    writeFileSync(path.join(policies, 'p.yaml'), 'apiVersion: bpm/v1\nkind: ScoringPolicy\nname: p\nextends: self\n');
    const c = await run();
    expect(c.cached).to.equal(false);
    expect(codes(c).some((x) => x.endsWith('weights-sum'))).to.equal(false);
  });

  it('caches a run whose Evaluation names a missing policy, and re-validates once the file appears', async () => {
    const ev = path.join(dir, 'examples/culture-community-events/evaluation.yaml');
    writeFileSync(ev, readFileSync(ev, 'utf8').replace('policy: self', 'policy: policies/later.yaml'));
    const missing = await run();
    expect(codes(missing).some((c) => c.endsWith('policy-unreadable'))).to.equal(true);
    const again = await run();
    expect(again.cached).to.equal(true);
    expect(codes(again)).to.deep.equal(codes(missing));
    mkdirSync(path.join(dir, 'examples/culture-community-events/policies'));
    const later = path.join(dir, 'examples/culture-community-events/policies/later.yaml');
    // A directory in its place reads differently (EISDIR): re-validated too.
    mkdirSync(later);
    const dirInstead = await run();
    expect(dirInstead.cached).to.equal(false);
    rmSync(later, { recursive: true });
    // A policy file below examples/ would be an input itself; this one lies outside the walk.
    const outside = path.join(dir, 'later.yaml');
    writeFileSync(ev, readFileSync(ev, 'utf8').replace('policy: policies/later.yaml', 'policy: ../../later.yaml'));
    await run();
    expect((await run()).cached).to.equal(true);
    writeFileSync(outside, 'apiVersion: bpm/v1\nkind: ScoringPolicy\nname: later\nextends: self\n');
    const found = await run();
    expect(found.cached).to.equal(false);
    expect(codes(found).some((c) => c.endsWith('policy-unreadable'))).to.equal(false);
  });

  it('fingerprints a policy file by the bytes the run read, not by what is there when the cache is written', () => {
    const p = path.join(dir, 'p.yaml');
    const text = 'apiVersion: bpm/v1\nkind: ScoringPolicy\nname: p\nextends: self\n';
    writeFileSync(p, text);
    const policyFilesRead = new Map<string, string>();
    resolvePolicyRef('p.yaml', dir, policyFilesRead);
    // Changed after the run read it: the record keeps what was read.
    writeFileSync(p, text + '# later\n');
    expect(policyFilesRead.get(p)).to.equal(createHash('sha1').update(text).digest('hex'));
    expect(() => resolvePolicyRef('missing.yaml', dir, policyFilesRead)).to.throw();
    expect(policyFilesRead.get(path.join(dir, 'missing.yaml'))).to.equal('!ENOENT');
    // Read twice in one run with different content: a fingerprint nothing matches.
    resolvePolicyRef('p.yaml', dir, policyFilesRead);
    expect(policyFilesRead.get(p)).to.equal('!CHANGED');
  });

  it('re-validates when the --strategy file outside the inputs changes', async () => {
    cpSync(path.join(dir, 'examples/strategy.yaml'), path.join(dir, 'plan.yaml'));
    rmSync(path.join(dir, 'examples/strategy.yaml'));
    const opts = { paths: ['examples/culture-community-events'], strategy: 'plan.yaml' };
    expect((await run(opts)).cached).to.equal(false);
    expect((await run(opts)).cached).to.equal(true);
    writeFileSync(path.join(dir, 'plan.yaml'), readFileSync(path.join(dir, 'plan.yaml'), 'utf8') + '# revised\n');
    expect((await run(opts)).cached).to.equal(false);
  });

  it('never mixes the header of one cache file with the sections of another written meanwhile', async () => {
    breakWeights();
    const fresh = await cli(['validate', 'examples', '-f', 'json']);
    await cli(['validate', 'examples', '-f', 'json', '--cache']);
    const inputs = await discoverInputs(['examples'], { cwd: dir });
    const variant = JSON.stringify(['json', 'en', false, false]);
    const looking = RunCache.open(path.join(dir, '.bpmcache'), runKey({ version: VERSION, cwd: dir }), inputs, 'content');
    expect(looking.hit).to.equal(true);
    // Another run adds a rendering: the file is replaced, its sections move.
    await cli(['validate', 'examples', '-f', 'sarif', '--cache']);
    const bytes = looking.output(variant);
    expect(bytes === undefined || bytes.toString('utf8') === fresh.stdout).to.equal(true);
    expect(looking.raw()).to.equal(undefined);
    expect((await cli(['validate', 'examples', '-f', 'json', '--cache'])).stdout).to.equal(fresh.stdout);
  });

  it('ignores a truncated cache file or one whose sections do not match its header', async () => {
    breakWeights();
    const fresh = await cli(['validate', 'examples', '-f', 'json']);
    await cli(['validate', 'examples', '-f', 'json', '--cache']);
    const file = path.join(dir, '.bpmcache');
    const size = statSync(file).size;
    truncateSync(file, size - 10);
    const r = await cli(['validate', 'examples', '-f', 'json', '--cache']);
    expect(r.stdout).to.equal(fresh.stdout);
    expect(statSync(file).size).to.equal(size); // rewritten whole
    // The first file's recorded hash damaged in place: once its timestamp changes, the metadata
    // strategy hashes it and finds no match; nothing stale is printed.
    const bytes = readFileSync(file);
    const nl = bytes.indexOf(10);
    const header = JSON.parse(bytes.subarray(0, nl).toString('utf8')) as { hashes: [number, number]; content: string };
    bytes.fill('0', nl + 1 + header.hashes[0], nl + 1 + header.hashes[0] + 40);
    writeFileSync(file, bytes);
    expect((await run({ cache: { strategy: 'content' } })).cached).to.equal(true); // content: one digest over all files
    const first = path.join(dir, 'examples/culture-community-events/dossier.yaml');
    utimesSync(first, new Date(), new Date());
    expect((await run({ cache: { strategy: 'metadata' } })).cached).to.equal(false);
    // The content digest in the header damaged: a miss for the content strategy.
    await run();
    const again = readFileSync(file, 'utf8');
    const digest = (JSON.parse(again.slice(0, again.indexOf('\n'))) as { content: string }).content;
    writeFileSync(file, again.replace(digest, '0'.repeat(40)));
    expect((await run()).cached).to.equal(false);
  });
});
