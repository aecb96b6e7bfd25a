// A batch whose evaluations all name the same policy file: the file is resolved once per run
// (it used to be read, parsed and checked once per evaluation), with the same results, and a
// broken policy file is still reported on every evaluation that names it.
import { expect } from 'chai';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { score } from '../../../../src/commands/score/run.js';
import { loadWorkspace } from '../../../../src/io/workspace.js';
import { ROOT } from '../../../helpers/run.js';
import { tempDir } from '../../../helpers/temp.js';

const PROJECTS = ['education-smart-classrooms', 'health-elderly-care', 'environment-river-cleanup'];

describe('score: evaluations naming a policy file', () => {
  let dir: string;
  beforeEach(() => {
    dir = tempDir('bpm-policy-ref-');
    for (const p of PROJECTS) {
      cpSync(path.join(ROOT, 'examples', p), path.join(dir, 'batch', p), { recursive: true });
      const file = path.join(dir, 'batch', p, 'evaluation.yaml');
      writeFileSync(file, readFileSync(file, 'utf8').replace(/^evaluator: self$/m, 'evaluator: self\npolicy: ../../policy.yaml'));
    }
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('uses the file for every project, resolved once', async () => {
    writeFileSync(path.join(dir, 'policy.yaml'), 'apiVersion: bpm/v1\nkind: ScoringPolicy\nname: dalian-2025\nextends: self\nassessorWeights: {expert: 2, self: 1}\n');
    const { report } = await score({ paths: ['batch'], cwd: dir, lang: 'en' });
    expect(report.projects).to.have.length(3);
    expect(report.projects.map((p) => p.policy)).to.deep.equal(['dalian-2025', 'dalian-2025', 'dalian-2025']);
    expect(report.policy).to.equal('dalian-2025');
    // The load score runs: one policy object for the three evaluations that name the file.
    const workspace = await loadWorkspace(['batch'], { cwd: dir, readCsv: true });
    const policies = new Set(workspace.dossiers.map((d) => workspace.ctx.policyFor(d)));
    expect(policies.size).to.equal(1);
    expect(report.projects.every((p) => p.status === 'scored')).to.equal(true);
  });

  it('reports a broken policy file on each evaluation that names it', async () => {
    writeFileSync(path.join(dir, 'policy.yaml'), 'apiVersion: bpm/v1\nkind: ScoringPolicy\nname: broken\nextends: self\ndecimals: many\n');
    const { report } = await score({ paths: ['batch'], cwd: dir, lang: 'en' });
    const onPolicy = report.diagnostics.filter((d) => d.path === '/policy');
    expect(onPolicy.map((d) => d.file).sort()).to.deep.equal(PROJECTS.map((p) => `batch/${p}/evaluation.yaml`).sort());
    expect(new Set(onPolicy.map((d) => d.code))).to.deep.equal(new Set(['policy-invalid']));
    expect(report.projects.every((p) => p.status === 'invalid')).to.equal(true);
  });
});
