import { expect } from 'chai';
import { chmodSync, mkdirSync, readdirSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { discover, type Found } from '../../../src/io/discover.js';
import { expandBraces } from '../../../src/io/glob.js';
import { InputError } from '../../../src/errors.js';
import { tempDir } from '../../helpers/temp.js';

let root: string;

/** Creates files (and their directories) below root. */
function touch(...files: string[]): void {
  for (const f of files) {
    const abs = path.join(root, f);
    mkdirSync(path.dirname(abs), { recursive: true });
    writeFileSync(abs, 'x: 1\n');
  }
}

const displays = (files: Found[]) => files.map((f) => f.display);

async function rejection(p: Promise<unknown>): Promise<InputError> {
  try {
    await p;
  } catch (e) {
    expect(e).to.be.instanceOf(InputError);
    return e as InputError;
  }
  throw new Error('expected a rejection');
}

describe('io/discover', () => {
  beforeEach(() => {
    // realpath: on some systems the temp directory itself is behind a symlink.
    root = realpathSync(tempDir('bpm-discover-'));
    touch(
      'a/dossier.yaml',
      'a/evaluation.yml',
      'a/monitoring.csv',
      'a/readme.md',
      'a/deep/er/x.yaml',
      'b/dossier.yaml',
      'b/data.CSV',
      'node_modules/pkg/bad.yaml',
      '.git/config.yaml',
      '.hidden/secret.yaml',
      'a/.cache/c.yaml',
      'top.yaml',
    );
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('walks the working directory when no path is given, skipping node_modules and dot directories', async () => {
    const { files } = await discover([], { cwd: root });
    expect(displays(files)).to.deep.equal([
      'a/deep/er/x.yaml',
      'a/dossier.yaml',
      'a/evaluation.yml',
      'a/monitoring.csv',
      'b/data.CSV',
      'b/dossier.yaml',
      'top.yaml',
    ]);
    expect(files.every((f) => !f.explicit)).to.equal(true);
    expect(files[0].abs).to.equal(path.join(root, 'a/deep/er/x.yaml'));
  });

  it('takes a named file explicitly, whatever its extension, and de-duplicates it with the walk', async () => {
    const { files } = await discover(['a', './a/readme.md', 'a/dossier.yaml'], { cwd: root });
    expect(files.map((f) => [f.display, f.explicit])).to.deep.equal([
      ['a/deep/er/x.yaml', false],
      ['a/dossier.yaml', true],
      ['a/evaluation.yml', false],
      ['a/monitoring.csv', false],
      ['a/readme.md', true],
    ]);
  });

  it('honours the extensions option', async () => {
    const { files } = await discover(['.'], { cwd: root, extensions: ['.csv'] });
    expect(displays(files)).to.deep.equal(['a/monitoring.csv', 'b/data.CSV']);
  });

  it('shows paths outside the working directory as absolute paths', async () => {
    const { files } = await discover([path.join(root, 'b')], { cwd: path.join(root, 'a') });
    expect(displays(files)).to.deep.equal([path.join(root, 'b/data.CSV'), path.join(root, 'b/dossier.yaml')]);
    const rel = await discover(['../b/dossier.yaml'], { cwd: path.join(root, 'a') });
    expect(displays(rel.files)).to.deep.equal([path.join(root, 'b/dossier.yaml')]);
  });

  it('shows the files of a walked parent directory relative to cwd once inside it, and cwd itself as paths below it', async () => {
    // Walking `..` from a/ reaches a/'s files (relative) and b/'s files (absolute).
    const { files } = await discover(['..'], { cwd: path.join(root, 'a') });
    expect(displays(files)).to.include.members(['dossier.yaml', 'deep/er/x.yaml', path.join(root, 'b/dossier.yaml')]);
    expect(displays(files).some((d) => d.startsWith(root + '/a/'))).to.equal(false);
    const dot = await discover(['.'], { cwd: path.join(root, 'a') });
    expect(displays(dot.files)).to.deep.equal(['deep/er/x.yaml', 'dossier.yaml', 'evaluation.yml', 'monitoring.csv']);
    const slash = await discover(['./deep/'], { cwd: path.join(root, 'a') });
    expect(displays(slash.files)).to.deep.equal(['deep/er/x.yaml']);
  });

  it('survives a symlink loop, follows no link out of the directory walked, de-duplicates by real path', async () => {
    symlinkSync('..', path.join(root, 'a/deep/loop')); // a/deep/loop -> a
    symlinkSync(root, path.join(root, 'b/root-loop'));
    symlinkSync(path.join(root, 'a/deep'), path.join(root, 'b/deep-link'));
    symlinkSync('nowhere', path.join(root, 'b/dangling.yaml'));
    const { files } = await discover(['a', 'b'], { cwd: root });
    expect(displays(files)).to.deep.equal([
      'a/deep/er/x.yaml',
      'a/dossier.yaml',
      'a/evaluation.yml',
      'a/monitoring.csv',
      'b/data.CSV',
      'b/dossier.yaml',
      // b/root-loop and b/deep-link lead out of b: a walk stays inside the directory it was
      // given, so neither top.yaml (through root-loop) nor a/deep (through deep-link) is read
      // as part of b; a/deep/er/x.yaml is there because `a` was given too.
    ]);
  });

  it('expands globs with **, *, ?, [..] and {a,b}, counting matches as explicit', async () => {
    const g1 = await discover(['**/dossier.yaml'], { cwd: root });
    expect(g1.files.map((f) => [f.display, f.explicit])).to.deep.equal([
      ['a/dossier.yaml', true],
      ['b/dossier.yaml', true],
    ]);
    const g2 = await discover(['a/**/*.{yaml,csv}'], { cwd: root });
    expect(displays(g2.files)).to.deep.equal(['a/deep/er/x.yaml', 'a/dossier.yaml', 'a/monitoring.csv']);
    const g3 = await discover(['{a,b}/d?ssier.y[a]ml'], { cwd: root });
    expect(displays(g3.files)).to.deep.equal(['a/dossier.yaml', 'b/dossier.yaml']);
    const g4 = await discover(['*.yaml', 'a/*'], { cwd: root });
    // a/* names the files of a (only allowed extensions) and walks its subdirectories
    expect(g4.files.map((f) => [f.display, f.explicit])).to.deep.equal([
      ['a/deep/er/x.yaml', false],
      ['a/dossier.yaml', true],
      ['a/evaluation.yml', true],
      ['a/monitoring.csv', true],
      ['top.yaml', true],
    ]);
  });

  it('does not let wildcards enter node_modules or dot directories', async () => {
    const { files } = await discover(['**/*.yaml'], { cwd: root });
    expect(displays(files)).to.deep.equal(['a/deep/er/x.yaml', 'a/dossier.yaml', 'b/dossier.yaml', 'top.yaml']);
    const named = await discover(['.hidden/*.yaml'], { cwd: root });
    expect(displays(named.files)).to.deep.equal(['.hidden/secret.yaml']);
  });

  it('takes a literal file name that contains glob characters', async () => {
    touch('odd/[draft].yaml');
    const { files } = await discover(['odd/[draft].yaml'], { cwd: root });
    expect(files.map((f) => [f.display, f.explicit])).to.deep.equal([['odd/[draft].yaml', true]]);
  });

  it('throws missing-file for a path that does not exist', async () => {
    const e = await rejection(discover(['a', 'nope.yaml'], { cwd: root }));
    expect(e.key).to.equal('missing-file');
    expect(e.args).to.deep.equal({ file: 'nope.yaml' });
  });

  it('throws unmatched-glob for a glob that matches nothing', async () => {
    const e = await rejection(discover(['**/*.json'], { cwd: root }));
    expect(e.key).to.equal('unmatched-glob');
    expect(e.args).to.deep.equal({ pattern: '**/*.json' });
    const e2 = await rejection(discover(['nowhere/*.yaml'], { cwd: root }));
    expect(e2.key).to.equal('unmatched-glob');
  });

  it('throws unreadable-file for a directory it may not read', async function () {
    chmodSync(path.join(root, 'b'), 0o000);
    try {
      // Root, and some sandboxed file systems, read everything: nothing to test there.
      let enforced = true;
      try {
        readdirSync(path.join(root, 'b'));
        enforced = false;
      } catch {
        // permissions are enforced
      }
      if (!enforced) this.skip();
      const e = await rejection(discover(['.'], { cwd: root }));
      expect(e.key).to.equal('unreadable-file');
      expect(e.args).to.deep.equal({ file: 'b', reason: 'EACCES' });
    } finally {
      chmodSync(path.join(root, 'b'), 0o755);
    }
  });

  it('walks 10,000 files quickly', async () => {
    for (let d = 0; d < 100; d++) {
      const dir = path.join(root, 'many', `d${d}`);
      mkdirSync(dir, { recursive: true });
      for (let f = 0; f < 100; f++) writeFileSync(path.join(dir, `f${f}.yaml`), '');
    }
    const t0 = Date.now();
    const { files } = await discover(['many'], { cwd: root });
    const ms = Date.now() - t0;
    expect(files).to.have.length(10_000);
    expect(files[0].display).to.equal('many/d0/f0.yaml');
    expect(ms).to.be.below(3000);
  });
});

describe('io/glob expandBraces', () => {
  it('expands nested alternatives and leaves single braces alone', () => {
    expect(expandBraces('a{b,c{d,e}}f')).to.deep.equal(['abf', 'acdf', 'acef']);
    expect(expandBraces('x{y}z')).to.deep.equal(['x{y}z']);
    expect(expandBraces('{a,b}/{c,d}')).to.deep.equal(['a/c', 'a/d', 'b/c', 'b/d']);
  });
});
