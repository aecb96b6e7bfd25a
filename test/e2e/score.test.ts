// End-to-end: `bpm score` as a user runs it (the real binary, compiled dist/).
import { expect } from 'chai';
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixture, ROOT, runCli, spawnBpm } from '../helpers/run.js';
import { tempDir } from '../helpers/temp.js';

describe('e2e: bpm score', () => {
  it('prints a readable ranking of the examples and exits 0', () => {
    const r = spawnBpm(['score', 'examples']);
    expect(r.stderr).to.equal('');
    expect(r.code).to.equal(0);
    const lines = r.stdout.split('\n');
    const first = lines.findIndex((l) => l.includes('DL-2025-WL-001'));
    const last = lines.findIndex((l) => l.includes('DL-2025-ZJ-001'));
    expect(first).to.be.greaterThan(0);
    expect(last).to.be.greaterThan(first);
    expect(r.stdout).to.include('98.30').and.include('75.38').and.include('Grade distribution');
  });

  it('writes the FORMATS.md §5 JSON', () => {
    const r = spawnBpm(['score', 'examples', '--format', 'json']);
    expect(r.code).to.equal(0);
    const j = JSON.parse(r.stdout);
    expect(j).to.include({ tool: 'bpm', command: 'score', policy: 'self' });
    expect(j.summary).to.deep.include({ projects: 6, scored: 6, incomplete: 0, mean: 89.93 });
    const p = j.projects[0];
    expect(Object.keys(p)).to.include.members(['code', 'name', 'department', 'status', 'total', 'grade', 'execution', 'sections', 'indicators', 'composite', 'findings', 'discrepancies', 'recommendation']);
    expect(Object.keys(p.execution)).to.include.members(['budget', 'executed', 'rate', 'weight', 'score']);
  });

  it('exits 1 under --fail-under when a total is below it, 0 when none is', () => {
    expect(spawnBpm(['score', 'examples', '--fail-under', '80', '--format', 'json']).code).to.equal(1);
    expect(spawnBpm(['score', 'examples', '--fail-under', '75', '--format', 'json']).code).to.equal(0);
    expect(spawnBpm(['score', 'examples', '--fail-under', 'many']).code).to.equal(2);
  });

  it('exits 1 for an incomplete project unless --allow-missing', async () => {
    const dir = fixture('score', 'incomplete');
    const r = await runCli(['score', dir, '--format', 'json']);
    expect(r.code).to.equal(1);
    expect(JSON.parse(r.stdout).projects[0].status).to.equal('incomplete');
    expect((await runCli(['score', dir, '--allow-missing', '--format', 'json'])).code).to.equal(0);
  });

  it('reports a project with input errors as not scored and still scores the rest', async () => {
    const dir = tempDir('bpm-score-');
    cpSync(join(ROOT, 'examples/culture-community-events'), join(dir, 'a'), { recursive: true });
    cpSync(join(ROOT, 'examples/health-elderly-care'), join(dir, 'b'), { recursive: true });
    const ev = join(dir, 'b/evaluation.yaml');
    // A score of 9 for an "achieved" level of weight 10 is fine; 3 is outside the band 8–10.
    writeFileSync(ev, readFileSync(ev, 'utf8').replace('{level: achieved, score: 8,', '{level: achieved, score: 3,'));
    const r = await runCli(['score', dir, '--format', 'json'], { cwd: dir });
    expect(r.code).to.equal(1);
    const j = JSON.parse(r.stdout);
    const status = Object.fromEntries(j.projects.map((p: { code: string; status: string }) => [p.code, p.status]));
    expect(status).to.deep.equal({ 'DL-2025-WL-001': 'scored', 'DL-2025-MZ-001': 'invalid' });
    const diag = j.diagnostics.find((x: { code: string }) => x.code === 'qualitative-score-out-of-band');
    expect(diag).to.include({ severity: 'error' });
    expect(diag.line).to.be.a('number');
  });

  it('writes one report per project with --out-dir, atomically, never over an input', async () => {
    const out = tempDir('bpm-score-out-');
    const r = await runCli(['score', 'examples', '--format', 'markdown', '--out-dir', out, '-o', join(out, 'summary.md')]);
    expect(r.code).to.equal(0);
    expect(readdirSync(out).sort()).to.deep.equal(['DL-2025-HB-001.md', 'DL-2025-JY-001.md', 'DL-2025-MZ-001.md', 'DL-2025-TY-001.md', 'DL-2025-WL-001.md', 'DL-2025-ZJ-001.md', 'summary.md']);
    expect(readFileSync(join(out, 'DL-2025-ZJ-001.md'), 'utf8')).to.include('75.38');
    expect(readFileSync(join(out, 'summary.md'), 'utf8')).to.include('```mermaid');
    const refused = await runCli(['score', 'examples', '-o', 'examples/culture-community-events/evaluation.yaml']);
    expect(refused.code).to.equal(2);
  });

  it('writes CSV with a BOM, and speaks Chinese', async () => {
    const csv = await runCli(['score', 'examples', '--format', 'csv', '--lang', 'zh']);
    expect(csv.stdout.startsWith('\uFEFF排名,项目编码')).to.equal(true);
    // The execution rate and the points it earns are two columns with two names.
    expect(csv.stdout.split('\r\n')[0].split(',').slice(7, 9)).to.deep.equal(['执行率', '预算执行得分']);
    expect(csv.stdout.split('\r\n')[1]).to.match(/^1,DL-2025-WL-001,社区文化惠民工程,大连市文化和旅游局,已评分,98\.30,优,100\.00,/);
    const zh = await runCli(['score', 'examples/old-neighbourhood-renovation', '--lang', 'zh']);
    expect(zh.stdout).to.include('自评表复核').and.include('等级 中');
  });
});

describe('e2e: bpm score inputs', () => {
  it('takes the executed amount from --data when the evaluation has none', async () => {
    const dir = tempDir('bpm-score-data-');
    cpSync(fixture('score', 'monitoring-default'), join(dir, 'p'), { recursive: true });
    cpSync(join(dir, 'p/monitoring.csv'), join(dir, 'spend.csv'));
    const { rmSync } = await import('node:fs');
    rmSync(join(dir, 'p/monitoring.csv'));
    const without = JSON.parse((await runCli(['score', 'p', '--format', 'json'], { cwd: dir })).stdout);
    expect(without.projects[0]).to.include({ status: 'incomplete', total: null });
    expect(without.projects[0].findings.map((f: { code: string }) => f.code)).to.include('missing-executed');
    const r = await runCli(['score', 'p', '--data', 'spend.csv', '--format', 'json'], { cwd: dir });
    expect(r.code).to.equal(0);
    expect(JSON.parse(r.stdout).projects[0].execution).to.include({ executed: 95, source: 'monitoring', score: 9.5 });
  });

  it('reports a dossier without an evaluation as incomplete', async () => {
    const dir = tempDir('bpm-score-noeval-');
    cpSync(join(ROOT, 'examples/culture-community-events/dossier.yaml'), join(dir, 'dossier.yaml'));
    const r = await runCli(['score', '.', '--format', 'json'], { cwd: dir });
    expect(r.code).to.equal(1);
    const p = JSON.parse(r.stdout).projects[0];
    expect(p).to.include({ status: 'incomplete', total: null, grade: null });
    expect(p.findings.map((f: { code: string }) => f.code)).to.deep.equal(['no-evaluation']);
  });

  it('names the policy whose section weights a dossier does not follow, and does not score it', async () => {
    const r = await runCli(['score', 'examples/culture-community-events', '--policy', 'key', '--format', 'json']);
    expect(r.code).to.equal(1);
    const j = JSON.parse(r.stdout);
    expect(j.policy).to.equal('key');
    expect(j.policyValues.execution.weight).to.equal(0);
    expect(j.projects[0].status).to.equal('invalid');
    expect(j.diagnostics.map((d: { code: string }) => d.code)).to.include('weights-sum');
  });

  it('a --policy file is read as every document: full-width numbers as ASCII, bytes that are not UTF-8 named at their place', async () => {
    const dir = tempDir('bpm-score-policy-');
    writeFileSync(join(dir, 'fw.yaml'), 'apiVersion: bpm/v1\nkind: ScoringPolicy\nname: fw\nextends: self\nexecution: {weight: １０, reasonBelow: 0.8}\n');
    const ok = await runCli(['score', 'examples/culture-community-events', '--policy', join(dir, 'fw.yaml'), '--format', 'json']);
    expect(ok.stderr).to.equal('');
    expect(ok.code).to.equal(0);
    expect(JSON.parse(ok.stdout).policyValues.execution.weight).to.equal(10);
    writeFileSync(join(dir, 'gbk.yaml'), Buffer.concat([Buffer.from('apiVersion: bpm/v1\nkind: ScoringPolicy\nname: '), Buffer.from([0xb9, 0xab]), Buffer.from('\nextends: self\n')]));
    const bad = await runCli(['score', 'examples/culture-community-events', '--policy', join(dir, 'gbk.yaml')]);
    expect(bad.code).to.equal(2);
    expect(bad.stderr).to.match(/gbk\.yaml:3:7 invalid-utf8/);
  });
});
