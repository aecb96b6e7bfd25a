// The YAML fast path must give exactly what the full parser gives, or step aside (undefined).
import { expect } from 'chai';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { parseYamlFast } from '../../../src/io/yaml-fast.js';
import { parseYaml, parseYamlFull } from '../../../src/io/yaml.js';
import { ROOT } from '../../helpers/run.js';

function agrees(text: string): 'fast' | 'bail' {
  const fast = parseYamlFast(text);
  if (fast === undefined) return 'bail';
  const full = parseYamlFull(text, 'x.yaml');
  expect(full.diagnostics, `full parser diagnostics for:\n${text}`).to.deep.equal([]);
  expect(isDeepStrictEqual(fast, full.data), `fast ${JSON.stringify(fast)} vs full ${JSON.stringify(full.data)} for:\n${text}`).to.equal(true);
  return 'fast';
}

describe('io/yaml-fast: the fast path agrees with the full parser', () => {
  it('reads every YAML file of the repository on the fast path, identically', () => {
    const files = execFileSync('git', ['ls-files', '*.yaml', '*.yml'], { cwd: ROOT, encoding: 'utf8' }).split('\n').filter(Boolean);
    expect(files.length).to.be.greaterThan(20);
    // Fixtures that are malformed on purpose (the full parser reports them) must step aside;
    // every well-formed example and fixture takes the fast path.
    const wellFormed = files.map((f) => readFileSync(join(ROOT, f), 'utf8')).filter((t) => parseYamlFull(t, 'x.yaml').diagnostics.length === 0);
    expect(wellFormed.length).to.be.greaterThan(20);
    const results = wellFormed.map((t) => agrees(t));
    expect(results.filter((r) => r === 'bail')).to.deep.equal([]);
  });

  const fastCases: string[] = [
    'a: 1\nb: -2.5\nc: 1e3\nd: .5\ne: 007\nf: +3\n',
    'a: true\nb: False\nc: ~\nd: null\ne:\nf: yes\ng: on\n',
    'date: 2025-07-15\nver: 1.2.3\ncode: S3.2\nurl: http://x.cn/a#b\nc: C#\n',
    'a: "x: y"\nb: \'it\'\'s\'\nc: "\\u4e2d\\n\\t"\nd: "#not a comment" # a comment\n',
    'list:\n- a\n- 2\nnested:\n  - {x: 1, y: [1, 2, "3"]}\n  - code: A\n    level: {Q1: 8}\n',
    'k:\n  - code: OUT-1\n    milestones:\n    - 1\n    - 2\n  - code: OUT-2\n',
    'a:   # comment\n  b: 1\n# full comment\n\n  c: 2\n',
    '"quoted key": 1\n\'single\': 2\n1: one\n',
    'goal: 一年内举办至少50场社区文化活动,参与市民5万人次以上\nnote: {a: 全年53场，8月2场：改为室内}\n',
    'a: [ ]\nb: { }\nc: []\nd: {}\n',
    'a: x[1]{2}\nb: it\'s\n',
    '\uFEFFa: 1\r\nb: 2\r\n',
    'a:\n- 1\nb: 2\n',
  ];
  for (const [i, text] of fastCases.entries()) {
    it(`takes the fast path and agrees: case ${i + 1}`, () => {
      expect(agrees(text)).to.equal('fast');
    });
  }

  const bailCases: string[] = [
    '---\na: 1\n',
    'a: &x 1\nb: *x\n',
    'a: !!str 1\n',
    'a: |\n  text\n',
    'a: >\n  text\n',
    'a: multi\n  line\n',
    'a: "multi\n  line"\n',
    'a: 1\na: 2\n',
    'a: {b: 1,\n  c: 2}\n',
    'a: 0x1F\nb: 0o17\n',
    'a: .inf\n',
    '- a\n- b\n',
    'a:\tb\n',
    '\ta: 1\n',
    '? a\n: b\n',
    'a: {b:1}\n',
    'a: [1, 2,]\n',
    '__proto__: 1\n',
    'a: 123456789012345678901\n',
    'a: b: c\n',
    'a: - b\n',
    '%YAML 1.2\n---\na: 1\n',
    'a: "\\x41"\n',
    'a: 1\n...\n',
    'a: [b, [c, d]\n',
  ];
  for (const [i, text] of bailCases.entries()) {
    it(`steps aside for unusual YAML: case ${i + 1}`, () => {
      expect(parseYamlFast(text)).to.equal(undefined);
    });
  }

  it('agrees or steps aside on generated documents (property)', () => {
    const key = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_-]{0,8}$/);
    const plain = fc.oneof(
      fc.stringMatching(/^[A-Za-z0-9 .:#'"%,\-\u4e2d\u6587]{0,12}$/),
      fc.integer().map(String),
      fc.double({ noNaN: true, noDefaultInfinity: true }).map(String),
      fc.constantFrom('true', 'null', '~', 'yes', '2025-01-01', '1.', '.5', '-0', '1e5', '0x10', '.inf'),
    );
    const scalarText = fc.oneof(plain, plain.map((s) => JSON.stringify(s)), plain.map((s) => `'${s.replace(/'/g, "''")}'`));
    const flow = fc.oneof(fc.array(scalarText, { maxLength: 4 }).map((xs) => `[${xs.join(', ')}]`), fc.array(fc.tuple(key, scalarText), { maxLength: 3 }).map((kv) => `{${kv.map(([k, v]) => `${k}: ${v}`).join(', ')}}`));
    const value = fc.oneof(scalarText, flow);
    const doc = fc.array(fc.tuple(key, fc.oneof(value, fc.array(value, { minLength: 1, maxLength: 3 }))), { minLength: 1, maxLength: 6 }).map((entries) =>
      entries.map(([k, v]) => (Array.isArray(v) ? `${k}:\n${v.map((x) => `  - ${x}`).join('\n')}` : `${k}: ${v}`)).join('\n') + '\n',
    );
    let fastCount = 0;
    fc.assert(
      fc.property(doc, (text) => {
        const fast = parseYamlFast(text);
        if (fast === undefined) return true;
        fastCount++;
        const full = parseYamlFull(text, 'x.yaml');
        return full.diagnostics.length === 0 && isDeepStrictEqual(fast, full.data);
      }),
      { numRuns: 2000, seed: 16 },
    );
    expect(fastCount).to.be.greaterThan(200);
  });

  it('agrees or steps aside on nested documents with any punctuation (property)', () => {
    const key = fc.stringMatching(/^[A-Za-z0-9_"' .:#-]{1,6}$/);
    const text = fc.stringMatching(/^[ -~\u4e2d\uff0c\u00a0\t]{0,10}$/);
    const leaf = fc.oneof(text, text.map((t) => JSON.stringify(t)), fc.array(text, { maxLength: 3 }).map((xs) => `[${xs.join(', ')}]`), fc.array(fc.tuple(key, text), { maxLength: 2 }).map((kv) => `{${kv.map(([k, v]) => `${k}: ${v}`).join(', ')}}`));
    type Tree = { kind: 'leaf'; text: string } | { kind: 'map'; entries: [string, Tree][] } | { kind: 'seq'; items: Tree[] };
    const { tree } = fc.letrec<{ tree: Tree }>((tie) => ({
      tree: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        leaf.map((t) => ({ kind: 'leaf' as const, text: t })),
        fc.array(fc.tuple(key, tie('tree')), { minLength: 1, maxLength: 3 }).map((entries) => ({ kind: 'map' as const, entries })),
        fc.array(tie('tree'), { minLength: 1, maxLength: 3 }).map((items) => ({ kind: 'seq' as const, items })),
      ),
    }));
    const render = (t: Tree, indent: number): string[] => {
      const pad = ' '.repeat(indent);
      if (t.kind === 'map') return t.entries.flatMap(([k, v]) => (v.kind === 'leaf' ? [`${pad}${k}: ${v.text}`] : [`${pad}${k}:`, ...render(v, indent + 2)]));
      if (t.kind === 'seq') return t.items.flatMap((v) => (v.kind === 'leaf' ? [`${pad}- ${v.text}`] : [`${pad}-`, ...render(v, indent + 2)]));
      return [`${pad}${t.text}`];
    };
    const doc = fc.tuple(fc.array(fc.tuple(key, tree), { minLength: 1, maxLength: 4 }), fc.boolean()).map(([entries, comment]) =>
      entries.flatMap(([k, v]) => (v.kind === 'leaf' ? [`${k}: ${v.text}${comment ? ' # c' : ''}`] : [`${k}:`, ...render(v, 2)])).join('\n') + '\n',
    );
    let fastCount = 0;
    fc.assert(
      fc.property(doc, (t) => {
        const fast = parseYamlFast(t);
        if (fast === undefined) return true;
        fastCount++;
        const full = parseYamlFull(t, 'x.yaml');
        return full.diagnostics.length === 0 && isDeepStrictEqual(fast, full.data);
      }),
      { numRuns: Number(process.env.YAML_FAST_RUNS ?? 3000), seed: Number(process.env.YAML_FAST_SEED ?? 3) },
    );
    expect(fastCount).to.be.greaterThan(50);
  });

  it('still gives positions on the fast path (parsed on demand)', () => {
    const p = parseYaml('a: 1\nb:\n  c: [1, 2]\n', 'x.yaml');
    expect(p.data).to.deep.equal({ a: 1, b: { c: [1, 2] } });
    expect(p.locate('/b/c/1')).to.deep.equal({ line: 3, column: 10 });
  });
});
