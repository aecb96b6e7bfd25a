// What a big run asks of the engine (src/io/engine.ts): a full collection at a phase boundary
// frees what a phase left behind; the tuning for a batch changes nothing but speed.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import { collectGarbage } from '../../../src/io/engine.js';
import { BIN, ROOT } from '../../helpers/run.js';
import { tempDir } from '../../helpers/temp.js';

describe('io/engine: collectGarbage', () => {
  it('frees garbage that has moved to the old generation', () => {
    collectGarbage();
    let kept: { n: number; s: string }[] | null = Array.from({ length: 400_000 }, (_, n) => ({ n, s: `value ${n}` }));
    // Survives the young generation's collections while it is used…
    for (let k = 0; k < 5; k++) kept.push(...Array.from({ length: 10_000 }, (_, n) => ({ n, s: `more ${n}` })));
    const before = process.memoryUsage().heapUsed;
    expect(kept.length).to.equal(450_000);
    kept = null; // …and is garbage now.
    collectGarbage();
    const freed = before - process.memoryUsage().heapUsed;
    expect(freed, `${(freed / 1e6).toFixed(1)} MB freed`).to.be.above(20e6);
  });
});

describe('io/engine: tuneForBatch', () => {
  // Each run goes through bin/bpm.js with a module required first that records every V8 flag the
  // process sets (and nothing else changes).
  const flagsOf = (dir: string, files: number) => {
    const probe = path.join(dir, 'probe.cjs');
    writeFileSync(
      probe,
      `const v8 = require('node:v8'); const set = v8.setFlagsFromString; const flags = [];
       v8.setFlagsFromString = (f) => { flags.push(f); return set(f); };
       require('node:module').syncBuiltinESMExports();
       process.on('exit', () => process.stderr.write('FLAGS ' + JSON.stringify(flags)));`,
    );
    const batch = path.join(dir, `batch-${files}`);
    mkdirSync(batch);
    const dossier = readFileSync(path.join(ROOT, 'examples', 'culture-community-events', 'dossier.yaml'), 'utf8');
    for (let i = 0; i < files; i++) writeFileSync(path.join(batch, `p${i}.yaml`), dossier.replace(/code: DL-2025-WL-001/, `code: DL-2025-WL-${1000 + i}`));
    const r = spawnSync(process.execPath, ['-r', probe, BIN, 'validate', batch, '-f', 'json'], { encoding: 'utf8', maxBuffer: 1 << 28 });
    expect(r.stderr).to.match(/FLAGS /);
    return { code: r.status, flags: JSON.parse(r.stderr.slice(r.stderr.indexOf('FLAGS ') + 6)) as string[] };
  };

  it('a run of 1,000 files tunes the engine once; a run of 999 does not', function () {
    this.timeout(60_000);
    const dir = tempDir('bpm-engine-');
    const onV8_11 = process.versions.v8.startsWith('11.');
    expect(flagsOf(dir, 1000).flags).to.deep.equal(onV8_11 ? ['--max-inlined-bytecode-size-cumulative=200'] : []);
    expect(flagsOf(dir, 999).flags).to.deep.equal([]);
  });

  it('sets its flag once, silently, and the process goes on as before (in a process of its own)', () => {
    const engine = fileURLToPath(new URL('../../../src/io/engine.ts', import.meta.url));
    const script = `
      import { tuneForBatch } from ${JSON.stringify(engine)};
      const sum = (xs) => xs.reduce((a, b) => a + b, 0);
      const before = sum(Array.from({ length: 1000 }, (_, i) => i));
      tuneForBatch();
      tuneForBatch();
      let after = 0;
      for (let k = 0; k < 2000; k++) after = sum(Array.from({ length: 1000 }, (_, i) => i));
      process.stdout.write(JSON.stringify({ before, after }));
    `;
    const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(r.stderr).to.equal('');
    expect(r.status).to.equal(0);
    expect(JSON.parse(r.stdout)).to.deep.equal({ before: 499500, after: 499500 });
  });
});
