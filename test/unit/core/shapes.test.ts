// src/core/shapes.ts: arrays and objects of one hidden class however many a batch makes, and
// whichever tier of the engine makes them. The checks use V8's own natives (%HaveSameMap), in a
// child process allowed to call them.
import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { mapped, packed } from '../../../src/core/shapes.js';

const SHAPES = fileURLToPath(new URL('../../../src/core/shapes.ts', import.meta.url));
const VARIANCE = fileURLToPath(new URL('../../../src/core/monitoring/variance.ts', import.meta.url));

/** The engine of Node 20, whose behaviour src/core/shapes.ts describes. */
const V8_11 = process.versions.v8.startsWith('11.');

/** Runs an ES module script with V8's natives syntax; its standard output, parsed as JSON. */
function natives(script: string): any {
  const r = spawnSync(process.execPath, ['--allow-natives-syntax', '--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8' });
  expect(r.status, r.stderr).to.equal(0);
  return JSON.parse(r.stdout);
}

/** Script text: how many hidden classes the objects of \`xs\` have between them. */
const COUNT = `const maps = (xs) => { const seen = [xs[0]]; for (const x of xs) if (!seen.some((y) => %HaveSameMap(x, y))) seen.push(x); return seen.length; };`;

describe('shapes', () => {
  it('gives what map() gives: the same values, in order, with their indices', () => {
    fc.assert(
      fc.property(fc.array(fc.anything()), (xs) => {
        const f = (x: unknown, i: number) => [i, x];
        expect(mapped(xs, f)).to.deep.equal(xs.map(f));
        expect(packed(xs, f)).to.deep.equal(xs.map(f));
      }),
    );
    expect(mapped([], () => 1)).to.deep.equal([]);
    expect(packed([], () => 1)).to.deep.equal([]);
  });

  it('mapped() and packed() make arrays of one shape whether they run interpreted or optimised (map() does not)', () => {
    // V8's own checks, in a child process that may use them: %HaveSameMap compares the hidden
    // classes (elements kind included) of an array made by the interpreted function and one made
    // by its optimised code.
    const script = `
      import { mapped, packed } from ${JSON.stringify(SHAPES)};
      const viaMap = (xs, f) => xs.map(f);
      function check(fn) {
        const f = (x) => ({ x });
        %PrepareFunctionForOptimization(fn);
        const before = fn([1, 2, 3], f);
        fn([7, 8, 9], f);
        %OptimizeFunctionOnNextCall(fn);
        const after = fn([4, 5, 6], f);
        const optimised = (%GetOptimizationStatus(fn) & 16) !== 0; // kOptimized
        return { optimised, same: %HaveSameMap(before, after) };
      }
      process.stdout.write(JSON.stringify({ ours: check(mapped), pushed: check(packed), map: check(viaMap) }));
    `;
    const { ours, pushed, map } = natives(script);
    expect(ours.optimised, 'mapped() was optimised').to.equal(true);
    expect(ours.same, 'mapped(): one shape').to.equal(true);
    expect(pushed.optimised, 'packed() was optimised').to.equal(true);
    expect(pushed.same, 'packed(): one shape').to.equal(true);
    // The engine behaviour the helpers exist for, as V8 11 (Node 20) has it; another engine may
    // do otherwise without anything wrong in bpm.
    if (V8_11) {
      expect(map.optimised).to.equal(true);
      expect(map.same, 'map(): another shape once optimised').to.equal(false);
    }
  });

  it('a project with its periods (projectWith) has one hidden class for every project; a spread and a property would not', () => {
    const { ours, spread } = natives(`
      import { projectWith } from ${JSON.stringify(VARIANCE)};
      ${COUNT}
      const dossier = (i) => ({ code: 'P-' + i, name: 'Project ' + i, department: 'D', budget: { unit: '万元' }, origin: { file: 'p' + i + '.yaml' } });
      const policy = { name: 'default', decimals: 2 };
      const ours = [], spread = [];
      for (let i = 0; i < 2000; i++) {
        const p = projectWith(dossier(i), policy, []);
        ours.push(p);
        const { periods, ...head } = p;
        spread.push({ ...head, periods });
      }
      process.stdout.write(JSON.stringify({ ours: maps(ours), spread: maps(spread) }));
    `);
    expect(ours).to.equal(1);
    // The engine behaviour shapes.ts describes: a literal that starts with a spread and adds a
    // property gets a hidden class of its own almost every time (V8 11, Node 20).
    if (V8_11) expect(spread).to.be.greaterThan(100);
  });
});
