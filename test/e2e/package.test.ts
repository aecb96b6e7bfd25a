// The package as npm would publish it: what the tarball holds, and that it carries no install
// script (npm 11 warns on every install about scripts it was not told to trust), while the
// repository keeps `prepare` so that `npm install` in a clone still builds.
import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';
import { ROOT } from '../helpers/run.js';
import { tempDir } from '../helpers/temp.js';

const INSTALL_SCRIPTS = ['preinstall', 'install', 'postinstall', 'prepare'];

describe('e2e: the npm package', function () {
  this.timeout(60_000);
  const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as Record<string, unknown> & { scripts: Record<string, string>; bin: Record<string, string> };

  it('is called bpm-cli (the name bpm on the registry is another tool) and installs the bpm command', () => {
    expect(pkg.name).to.equal('bpm-cli');
    expect(pkg.bin).to.deep.equal({ bpm: 'bin/bpm.js' });
    expect(pkg.license).to.equal('MIT');
    expect(readFileSync(path.join(ROOT, 'LICENSE'), 'utf8')).to.match(/^MIT License/);
    expect(pkg.description).to.match(/预算绩效管理/).and.to.match(/Budget performance management/);
    for (const field of ['homepage', 'repository', 'bugs']) expect(pkg, `no invented ${field}`).not.to.have.property(field);
  });

  it('packs dist, bin, schemas, docs, examples and the licence, and nothing of the tests', () => {
    const r = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status, r.stderr).to.equal(0);
    const files = (JSON.parse(r.stdout) as { files: { path: string }[] }[])[0].files.map((f) => f.path);
    for (const f of ['bin/bpm.js', 'dist/cli.cjs', 'dist/validate.cjs', 'bin/package.json', 'dist/validators/ProjectDossier.cjs', 'schemas/project-dossier.schema.json', 'docs/rules.md', 'LICENSE', 'README.md', 'examples/culture-community-events/dossier.yaml']) {
      expect(files, f).to.include(f);
    }
    expect(files.filter((f) => f.startsWith('test/') || f.startsWith('src/') || f.startsWith('scripts/'))).to.deep.equal([]);
    // The code caches belong to the Node that built them (a clone's npm install makes its own).
    expect(files.filter((f) => f.endsWith('.cache'))).to.deep.equal([]);
  });

  it('bundles the program and validate as CommonJS without import(): each would start the ES module loader, and fail when bin/bpm.js compiles the bundle from its code cache', () => {
    for (const f of ['dist/cli.cjs', 'dist/validate.cjs']) {
      const text = readFileSync(path.join(ROOT, f), 'utf8');
      expect(text.startsWith("'use strict';"), f).to.equal(true);
      expect(text.match(/\bimport\s*\(/g), f).to.equal(null);
    }
  });

  it('takes prepare out of the packed package.json and puts it back afterwards', () => {
    const dir = tempDir('bpm-pack-');
    try {
      cpSync(path.join(ROOT, 'package.json'), path.join(dir, 'package.json'));
      cpSync(path.join(ROOT, 'scripts', 'pack-manifest.mjs'), path.join(dir, 'scripts', 'pack-manifest.mjs'), { recursive: true });
      const before = readFileSync(path.join(dir, 'package.json'), 'utf8');
      const run = (mode: string) => spawnSync(process.execPath, [path.join(dir, 'scripts', 'pack-manifest.mjs'), mode], { encoding: 'utf8' });
      expect(run('strip').status).to.equal(0);
      const stripped = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
      for (const s of INSTALL_SCRIPTS) expect(stripped.scripts, s).not.to.have.property(s);
      expect(stripped.scripts.build).to.equal(pkg.scripts.build);
      expect(run('restore').status).to.equal(0);
      expect(readFileSync(path.join(dir, 'package.json'), 'utf8')).to.equal(before);
      // Restoring twice, or without a strip, changes nothing.
      expect(run('restore').status).to.equal(0);
      expect(readFileSync(path.join(dir, 'package.json'), 'utf8')).to.equal(before);
      writeFileSync(path.join(dir, 'package.json'), before);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keeps prepare in the repository (npm install in a clone builds), run by prepack before packing', () => {
    expect(pkg.scripts.prepare).to.equal('npm run build');
    expect(pkg.scripts.prepack).to.match(/^npm run build && node scripts\/pack-manifest\.mjs strip$/);
    expect(pkg.scripts.postpack).to.equal('node scripts/pack-manifest.mjs restore');
  });
});
