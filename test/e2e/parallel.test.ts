// Large batches can be read and parsed partly in a worker thread (src/io/parse-pool.ts,
// BPM_WORKERS=1): the report must be byte-identical to a run without it, including files the
// worker hands back (not bpm documents, broken YAML, GBK text, aliases) and positions of
// problems found in its half.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import iconv from 'iconv-lite';
import { pathToFileURL } from 'node:url';
import { ROOT, spawnBpm } from '../helpers/run.js';
import { PARALLEL_MIN_FILES } from '../../src/io/parse-pool.js';
// @ts-expect-error: a plain ES module script without types
import { dossierYaml, evaluationYaml } from '../../scripts/gen-dossiers.mjs';

describe('e2e: parallel parsing of large batches', function () {
  this.timeout(120_000);
  let dir: string;
  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'bpm-parallel-'));
    const n = PARALLEL_MIN_FILES + 100;
    for (let i = 1; i <= n; i++) {
      const sub = path.join(dir, String(i % 37));
      mkdirSync(sub, { recursive: true });
      writeFileSync(path.join(sub, `d${i}.yaml`), dossierYaml(i, 11, { broken: i % 97 === 0 }) as string);
      if (i % 5 === 0) writeFileSync(path.join(sub, `e${i}.yaml`), evaluationYaml(i, 11) as string);
    }
    // Files the worker must hand back to the main thread, spread over both halves.
    writeFileSync(path.join(dir, '0', 'zz-other-tool.yaml'), 'name: not bpm\n');
    writeFileSync(path.join(dir, '36', 'zz-broken.yaml'), 'apiVersion: bpm/v1\nkind: ProjectDossier\nproject: {code: X\n');
    writeFileSync(path.join(dir, '36', 'zz-alias.yaml'), 'apiVersion: bpm/v1\nkind: StrategyPlan\nname: &n s\nobjectives:\n  - {id: S1, title: *n}\n');
    writeFileSync(path.join(dir, '36', 'zz-gbk.yaml'), iconv.encode('apiVersion: bpm/v1\nkind: StrategyPlan\nname: 大连市规划\nobjectives:\n  - {id: S1, title: 文化}\n', 'gb18030'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('the worker (compiled dist/) parses the common case and hands back the rest', async () => {
    const pool = (await import(pathToFileURL(path.join(ROOT, 'dist/io/parse-pool.js')).href)) as typeof import('../../src/io/parse-pool.js');
    const files = ['1/d1.yaml', '2/d2.yaml', '0/zz-other-tool.yaml', '36/zz-broken.yaml', '36/zz-alias.yaml', '36/zz-gbk.yaml'].map((f) => ({ abs: path.join(dir, f), explicit: false }));
    const before = process.env.BPM_WORKERS;
    process.env.BPM_WORKERS = '1';
    const res = await pool.startPreparse(files, 4 << 20, PARALLEL_MIN_FILES).finally(() => {
      if (before === undefined) delete process.env.BPM_WORKERS;
      else process.env.BPM_WORKERS = before;
    });
    expect(res).to.not.equal(undefined);
    expect(res!.map((r) => r !== null)).to.deep.equal([true, true, false, false, false, false]);
    expect((res![0]!.data as { kind: string }).kind).to.equal('ProjectDossier');
  });

  it('gives the same json report with and without the worker', () => {
    const args = ['validate', '.', '--format', 'json'];
    const serial = spawnBpm(args, { cwd: dir, env: { BPM_WORKERS: '0' } });
    const parallel = spawnBpm(args, { cwd: dir, env: { BPM_WORKERS: '1' } });
    expect(serial.stderr).to.equal('');
    expect(parallel.stderr).to.equal('');
    expect(serial.code).to.equal(1);
    expect(parallel.code).to.equal(serial.code);
    expect(parallel.stdout).to.equal(serial.stdout);
    const json = JSON.parse(parallel.stdout) as { summary: { files: number }; files: { file: string; diagnostics: { code: string; line: number }[] }[] };
    expect(json.summary.files).to.be.greaterThan(PARALLEL_MIN_FILES);
    const codes = json.files.flatMap((f) => f.diagnostics.map((d) => d.code));
    expect(codes).to.include.members(['weights-sum', 'yaml-syntax']);
  });
});
