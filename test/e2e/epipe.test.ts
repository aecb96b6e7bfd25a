// `bpm … | head`: a reader that goes away early is not an error of bpm's, and never a stack trace.
import { expect } from 'chai';
import { spawn } from 'node:child_process';
import { BIN, ROOT } from '../helpers/run.js';

function closeEarly(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: { PATH: process.env.PATH, LANG: 'en_US.UTF-8', FORCE_COLOR: '0' } });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    // Read one chunk, then hang up, as `head -c 10` does.
    child.stdout.once('data', () => child.stdout.destroy());
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

describe('e2e: output to a reader that hangs up', () => {
  for (const args of [
    ['variance', 'examples', '--format', 'json'],
    ['score', 'examples', '--format', 'json'],
    ['validate', 'examples', '--format', 'json'],
  ]) {
    it(`bpm ${args.join(' ')} | head: no stack trace`, async () => {
      const r = await closeEarly(args);
      expect(r.stderr).not.to.match(/^\s+at /m);
      expect(r.stderr).not.to.match(/EPIPE/);
    });
  }
});
