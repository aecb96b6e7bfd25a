import { expect } from 'chai';
import { runCli } from '../helpers/run.js';

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
