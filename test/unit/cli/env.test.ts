// The environment is read once, into the CLI environment: a BPM_* switch reaches a command as an
// option, not as a read of process.env deep inside.
import { expect } from 'chai';
import { cliEnv } from '../../../src/cli/env.js';
import { runCli } from '../../helpers/run.js';

describe('cli: environment switches', () => {
  it('BPM_EXACT=1 sets `exact`; a caller may set it directly', () => {
    expect(cliEnv({ env: { BPM_EXACT: '1' } }).exact).to.equal(true);
    expect(cliEnv({ env: { BPM_EXACT: '0' } }).exact).to.equal(false);
    expect(cliEnv({ env: {} }).exact).to.equal(false);
    expect(cliEnv({ env: { BPM_EXACT: '1' }, exact: false }).exact).to.equal(false);
  });

  it('BPM_DOCS_URL sets `docsUrl`; unset or empty, there is none', () => {
    expect(cliEnv({ env: { BPM_DOCS_URL: 'https://example.org/docs/rules.md' } }).docsUrl).to.equal('https://example.org/docs/rules.md');
    expect(cliEnv({ env: { BPM_DOCS_URL: '' } }).docsUrl).to.equal(undefined);
    expect(cliEnv({ env: {} }).docsUrl).to.equal(undefined);
  });

  it('the terminal width is the process stdout\'s when it is a terminal, else the caller\'s; only a terminal report gets it', async () => {
    expect(cliEnv({}).columns).to.equal(process.stdout.isTTY ? process.stdout.columns : undefined);
    const { PassThrough } = await import('node:stream');
    expect(cliEnv({ stdout: new PassThrough() }).columns).to.equal(undefined);
    expect(cliEnv({ stdout: new PassThrough(), columns: 72 }).columns).to.equal(72);
    const { resolveCommon } = await import('../../../src/cli/resolve.js');
    const tty = Object.assign(new PassThrough(), { isTTY: true });
    expect(resolveCommon({ format: 'stylish' }, cliEnv({ stdout: tty, columns: 72, env: {} })).width).to.equal(72);
    expect(resolveCommon({ format: 'stylish', output: 'x.txt' }, cliEnv({ stdout: tty, columns: 72, env: {} })).width).to.equal(undefined);
    expect(resolveCommon({ format: 'stylish' }, cliEnv({ stdout: new PassThrough(), columns: 72, env: {} })).width).to.equal(undefined);
  });

  it('bpm variance under BPM_EXACT=1 runs the exact engine alone, and reports what the fast engine does', async () => {
    const fast = await runCli(['variance', 'examples', '--format', 'json']);
    const exact = await runCli(['variance', 'examples', '--format', 'json'], { env: { BPM_EXACT: '1' } });
    expect(fast.code).to.equal(exact.code);
    expect(JSON.parse(exact.stdout).projects.length).to.be.greaterThan(0);
    expect(exact.stdout).to.equal(fast.stdout);
  });
});
