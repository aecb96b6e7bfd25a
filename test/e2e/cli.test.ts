// End-to-end: spawn the real binary (compiled dist/) and check exit codes and output.
import { expect } from 'chai';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnBpm } from '../helpers/run.js';
import { tempDir } from '../helpers/temp.js';

describe('e2e: bpm binary', () => {
  it('prints its version and help', () => {
    const v = spawnBpm(['--version']);
    expect(v.code).to.equal(0);
    expect(v.stdout.trim()).to.match(/^\d+\.\d+\.\d+/);
    const h = spawnBpm(['--help']);
    expect(h.code).to.equal(0);
    expect(h.stdout).to.include('validate');
  });

  it('validates the bundled examples with exit code 0', () => {
    const r = spawnBpm(['validate', 'examples']);
    expect(r.stderr).to.equal('');
    expect(r.code).to.equal(0);
    expect(r.stdout).to.match(/no problems/);
  });

  it('exits 1 with file:line:col diagnostics for a broken dossier, and never a stack trace', () => {
    const dir = tempDir('bpm-e2e-');
    writeFileSync(join(dir, 'd.yaml'), 'apiVersion: bpm/v1\nkind: ProjectDossier\nproject:\n  code: X\n  nmae: 1\n');
    const r = spawnBpm(['validate', 'd.yaml', '--format', 'json'], { cwd: dir });
    expect(r.code).to.equal(1);
    const json = JSON.parse(r.stdout);
    expect(json.tool).to.equal('bpm');
    const unknown = json.files[0].diagnostics.find((d: { code: string }) => d.code === 'unknown-key');
    expect(unknown).to.include({ line: 5, column: 3, path: '/project/nmae' });
    expect(r.stderr).not.to.match(/at .*\.js:\d+/);
  });

  it('exits 2 for a missing file, an unmatched glob and an unknown flag', () => {
    expect(spawnBpm(['validate', 'no-such-file.yaml']).code).to.equal(2);
    expect(spawnBpm(['validate', 'no-such-dir/**/*.yaml']).code).to.equal(2);
    const r = spawnBpm(['validate', '--no-such-flag']);
    expect(r.code).to.equal(2);
    expect(r.stderr).to.match(/unknown option/);
  });
});
