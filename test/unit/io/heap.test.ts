// A full collection at a phase boundary (src/io/heap.ts): it frees what a phase left behind.
import { expect } from 'chai';
import { collectGarbage } from '../../../src/io/heap.js';

describe('io/heap: collectGarbage', () => {
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
