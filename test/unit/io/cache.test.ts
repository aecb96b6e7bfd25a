// validate --cache: reused only when nothing that could change the results has changed, and a
// cached run reports exactly what a fresh run reports (cross-file rules included).
import { cpSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';
import { validate } from '../../../src/commands/validate/run.js';
import { ROOT, runCli } from '../../helpers/run.js';
import { tempDir } from '../../helpers/temp.js';

describe('io/cache: validate --cache', () => {
  let dir: string;
  beforeEach(() => {
    dir = tempDir('bpm-cache-');
    cpSync(path.join(ROOT, 'examples'), path.join(dir, 'examples'), { recursive: true });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const run = (extra: Partial<Parameters<typeof validate>[0]> = {}) =>
    validate({ paths: ['examples'], cwd: dir, lang: 'en', cache: { strategy: 'content' }, ...extra });
  const codes = (r: Awaited<ReturnType<typeof validate>>) => r.report.files.flatMap((f) => f.diagnostics.map((d) => `${f.file}:${d.line}:${d.column} ${d.code}`));

  it('writes .bpmcache, then reuses it with byte-identical json output', async () => {
    const fresh = await runCli(['validate', 'examples', '--format', 'json'], { cwd: dir });
    const first = await runCli(['validate', 'examples', '--format', 'json', '--cache'], { cwd: dir });
    expect(existsSync(path.join(dir, '.bpmcache'))).to.equal(true);
    const second = await runCli(['validate', 'examples', '--format', 'json', '--cache'], { cwd: dir });
    expect(first.stdout).to.equal(fresh.stdout);
    expect(second.stdout).to.equal(fresh.stdout);
    expect(second.code).to.equal(fresh.code);
    const r = await run();
    expect(r.cached).to.equal(true);
  });

  it('re-validates a changed file (content hash), and positions stay right', async () => {
    await run();
    const f = path.join(dir, 'examples/culture-community-events/dossier.yaml');
    writeFileSync(f, readFileSync(f, 'utf8').replace('weight: 15\n    basis: plan\n    baseline: 42', 'weight: 16\n    basis: plan\n    baseline: 42'));
    const r = await run();
    expect(r.cached).to.equal(false);
    expect(codes(r).some((c) => c.includes('culture-community-events/dossier.yaml') && c.endsWith('weights-sum'))).to.equal(true);
    const again = await run();
    expect(again.cached).to.equal(true);
    expect(codes(again)).to.deep.equal(codes(r));
  });

  it('keeps cross-file rules right: a new file duplicating a project code is caught', async () => {
    await run();
    cpSync(path.join(dir, 'examples/health-elderly-care'), path.join(dir, 'examples/zz-copy'), { recursive: true });
    const r = await run();
    expect(r.cached).to.equal(false);
    expect(codes(r).some((c) => c.endsWith('project-code-duplicate'))).to.equal(true);
    rmSync(path.join(dir, 'examples/zz-copy'), { recursive: true });
    const back = await run();
    expect(codes(back).some((c) => c.endsWith('project-code-duplicate'))).to.equal(false);
  });

  it('is keyed by options and by policy files read outside the inputs', async () => {
    const policy = path.join(dir, 'policy.yaml');
    writeFileSync(policy, 'apiVersion: bpm/v1\nkind: ScoringPolicy\nname: p\nextends: self\n');
    const a = await run({ policy: 'policy.yaml' });
    expect(a.cached).to.equal(false);
    expect((await run({ policy: 'policy.yaml' })).cached).to.equal(true);
    expect((await run()).cached).to.equal(false); // another --policy
    await run({ policy: 'policy.yaml' });
    writeFileSync(policy, 'apiVersion: bpm/v1\nkind: ScoringPolicy\nname: p\nextends: self\nsections: {output: 40, effect: 40, satisfaction: 10}\n');
    const changed = await run({ policy: 'policy.yaml' });
    expect(changed.cached).to.equal(false);
    expect(codes(changed).some((c) => c.endsWith('weights-sum'))).to.equal(true);
  });

  it('renders cached results in the language asked for', async () => {
    const f = path.join(dir, 'examples/culture-community-events/dossier.yaml');
    writeFileSync(f, readFileSync(f, 'utf8').replace('weight: 15\n    basis: plan\n    baseline: 42', 'weight: 16\n    basis: plan\n    baseline: 42'));
    await run();
    const zh = await run({ lang: 'zh' });
    expect(zh.cached).to.equal(true);
    const msg = zh.report.files.flatMap((x) => x.diagnostics).find((d) => d.code === 'weights-sum')?.message ?? '';
    expect(/[\u4e00-\u9fff]/.test(msg)).to.equal(true);
  });

  it('ignores a corrupt or foreign cache file and honours --cache-location', async () => {
    writeFileSync(path.join(dir, '.bpmcache'), '{"format": "bpm-cache-1", "key": [], "inputs": 7}');
    const r = await run();
    expect(r.cached).to.equal(false);
    expect(r.report.summary.errors).to.equal(0);
    const withLoc = await runCli(['validate', 'examples', '--cache-location', 'custom.cache'], { cwd: dir });
    expect(withLoc.code).to.equal(0);
    expect(existsSync(path.join(dir, 'custom.cache'))).to.equal(true);
    writeFileSync(path.join(dir, 'custom.cache'), '\u0000garbage');
    expect((await runCli(['validate', 'examples', '--cache-location', 'custom.cache'], { cwd: dir })).code).to.equal(0);
  });

  it('metadata strategy reuses hashes by size and mtime, and still sees a content change', async () => {
    await run({ cache: { strategy: 'metadata' } });
    expect((await run({ cache: { strategy: 'metadata' } })).cached).to.equal(true);
    const f = path.join(dir, 'examples/health-elderly-care/dossier.yaml');
    writeFileSync(f, readFileSync(f, 'utf8') + '# a comment\n');
    expect((await run({ cache: { strategy: 'metadata' } })).cached).to.equal(false);
  });
});
