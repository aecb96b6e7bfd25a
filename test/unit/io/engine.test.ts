// What a big run asks of the engine (src/io/engine.ts): a full collection at a phase boundary
// frees what a phase left behind; the tuning for a batch changes nothing but speed.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import { collectGarbage } from '../../../src/io/engine.js';

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
