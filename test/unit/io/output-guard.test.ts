import { expect } from 'chai';
import { linkSync, mkdirSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { outputIsInput } from '../../../src/io/output-guard.js';
import { isSameFile } from '../../../src/io/output-guard.js';
import { tempDir } from '../../helpers/temp.js';

describe('io/output-guard outputIsInput', () => {
  let dir: string;
  beforeEach(() => {
    dir = realpathSync(tempDir('bpm-guard-'));
    mkdirSync(path.join(dir, 'real'));
    mkdirSync(path.join(dir, 'out'));
    for (let i = 0; i < 50; i++) writeFileSync(path.join(dir, 'real', `in${i}.yaml`), `a: ${i}\n`);
    symlinkSync(path.join(dir, 'real'), path.join(dir, 'alias'));
    symlinkSync(path.join(dir, 'real', 'in3.yaml'), path.join(dir, 'link3.yaml'));
    linkSync(path.join(dir, 'real', 'in4.yaml'), path.join(dir, 'hard4.yaml'));
    writeFileSync(path.join(dir, 'out', 'old.json'), '{}');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const targets = [
    'real/in0.yaml',
    './real/../real/in1.yaml',
    'alias/in2.yaml',
    'link3.yaml',
    'hard4.yaml',
    'alias/new.yaml',
    'real/new.yaml',
    'out/old.json',
    'out/new.json',
    'missing-dir/x.json',
  ];

  it('agrees with comparing the target against every input one by one (isSameFile)', async () => {
    // Inputs named in several ways: plain, through the symlinked directory, a symlink, relative.
    const inputs = [
      ...Array.from({ length: 50 }, (_, i) => path.join(dir, 'real', `in${i}.yaml`)).filter((_, i) => i !== 2),
      path.join(dir, 'alias', 'in2.yaml'),
      'real/in49.yaml',
      path.join(dir, 'gone.yaml'), // read, then deleted
    ];
    const expected: Record<string, boolean> = {};
    for (const t of targets) {
      const abs = path.resolve(dir, t);
      let same = false;
      for (const input of inputs) if (await isSameFile(abs, path.resolve(dir, input))) same = true;
      expected[t] = same;
    }
    // The cases that must be refused are refused by the reference too (the test can fail).
    expect(Object.entries(expected).filter(([, v]) => v).map(([k]) => k)).to.deep.equal(['real/in0.yaml', './real/../real/in1.yaml', 'alias/in2.yaml', 'link3.yaml', 'hard4.yaml']);
    for (const t of targets) expect(await outputIsInput(path.resolve(dir, t), inputs, dir), t).to.equal(expected[t]);
    // The same inputs array again (--out-dir: one write per project): its index is reused.
    for (const t of targets) expect(await outputIsInput(path.resolve(dir, t), inputs, dir), `again ${t}`).to.equal(expected[t]);
  });

  it('an input gone since it was read is not in the way of a new file', async () => {
    // Nothing is there to replace; an existing target is compared by identity as always.
    const gone = path.join(dir, 'alias', 'gone.yaml');
    expect(await outputIsInput(path.join(dir, 'real', 'other.yaml'), [gone], dir)).to.equal(false);
    writeFileSync(path.join(dir, 'real', 'present.yaml'), '');
    expect(await outputIsInput(path.join(dir, 'real', 'present.yaml'), [gone, path.join(dir, 'real', 'in7.yaml')], dir)).to.equal(false);
    expect(await outputIsInput(path.join(dir, 'alias', 'in7.yaml'), [gone, path.join(dir, 'real', 'in7.yaml')], dir)).to.equal(true);
  });
});
