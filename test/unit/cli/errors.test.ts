import { expect } from 'chai';
import { runCli } from '../../helpers/run.js';

describe('cli error boundary (in-process)', () => {
  it('turns a typed usage error from a lazily imported command into its message and exit 2', async () => {
    const r = await runCli(['validate', 'no-such-file.yaml']);
    expect(r.code).to.equal(2);
    expect(r.stderr).to.match(/no-such-file\.yaml/);
    expect(r.stderr).not.to.match(/internal error/);
  });
  it('speaks Chinese with --lang zh', async () => {
    const r = await runCli(['validate', 'no-such-file.yaml', '--lang', 'zh']);
    expect(r.code).to.equal(2);
    expect(r.stderr).to.match(/[\u4e00-\u9fff]/);
  });
});

describe('policies and inputs that cannot be used (exit 2)', () => {
  it('refuses a --policy whose grade bands leave scores without a grade, naming file:line', async () => {
    const r = await runCli(['score', 'examples', '--policy', 'test/fixtures/policy/grades-gap.yaml', '--format', 'json']);
    expect(r.code).to.equal(2);
    expect(r.stdout).to.equal('');
    expect(r.stderr).to.match(/grades-gap\.yaml:5:3 grade-bands/);
  });
  it('bpm review with no dossier among the paths is a usage error', async () => {
    const r = await runCli(['review', 'examples/culture-community-events/monitoring.csv']);
    expect(r.code).to.equal(2);
    expect(r.stderr).to.match(/ProjectDossier/);
  });
});

describe('policy values reach the scoring', () => {
  const codes = (stdout: string) =>
    (JSON.parse(stdout) as { projects: { findings: { code: string }[] }[] }).projects[0].findings.map((f) => f.code);
  it('execution below 90% needs a reason by default, below the policy\'s execution.reasonBelow otherwise', async () => {
    const dflt = await runCli(['score', 'examples/old-neighbourhood-renovation', '--format', 'json']);
    expect(codes(dflt.stdout)).to.include('execution-low-no-reason');
    const relaxed = await runCli(['score', 'examples/old-neighbourhood-renovation', '--format', 'json', '--policy', 'test/fixtures/policy/reason-below-80.yaml']);
    expect(relaxed.stderr).to.equal('');
    expect(codes(relaxed.stdout)).not.to.include('execution-low-no-reason');
  });
});
