import { expect } from 'chai';
import { parseYaml } from '../../../src/io/yaml.js';

describe('io/yaml: YAML with positions', () => {
  const text = ['apiVersion: bpm/v1', 'kind: ProjectDossier', 'project:', '  code: A-1', '  objectives: [S1, S2]', 'indicators:', '  - code: OUT-1', '    weight: 20', '  - code: OUT-2', '    weight: 30', ''].join('\n');

  it('locates values, keys and sequence items by JSON pointer (1-based)', () => {
    const p = parseYaml(text, 'f.yaml');
    expect(p.diagnostics).to.deep.equal([]);
    expect(p.locate('/project/code')).to.deep.equal({ line: 4, column: 9 });
    expect(p.locate('/project/code', true)).to.deep.equal({ line: 4, column: 3 });
    expect(p.locate('/project/objectives/1')).to.deep.equal({ line: 5, column: 20 });
    expect(p.locate('/indicators/1/weight')).to.deep.equal({ line: 10, column: 13 });
    expect(p.locate('/indicators/1')).to.deep.equal({ line: 9, column: 5 });
  });

  it('falls back to the deepest existing ancestor for a missing node', () => {
    const p = parseYaml(text, 'f.yaml');
    expect(p.locate('/indicators/1/unit')).to.deep.equal({ line: 9, column: 5 });
    expect(p.locate('/nothing/here')).to.deep.equal({ line: 1, column: 1 });
  });

  it('reports duplicate keys with their line instead of throwing', () => {
    const p = parseYaml('a: 1\nb: 2\na: 3\n', 'f.yaml');
    expect(p.data).to.equal(undefined);
    expect(p.diagnostics.map((d) => [d.code, d.line])).to.deep.equal([['duplicate-key', 3]]);
  });

  it('reports syntax errors, empty files and non-mappings', () => {
    expect(parseYaml('a: [1, 2\n', 'f').diagnostics[0].code).to.equal('yaml-syntax');
    expect(parseYaml('', 'f').diagnostics[0].code).to.equal('empty-file');
    expect(parseYaml('  \n\n', 'f').diagnostics[0].code).to.equal('empty-file');
    const seq = parseYaml('- 1\n- 2\n', 'f');
    expect(seq.diagnostics.map((d) => [d.code, d.args?.type])).to.deep.equal([['not-a-mapping', 'sequence']]);
    expect(parseYaml('just a string', 'f').diagnostics[0].code).to.equal('not-a-mapping');
  });

  it('refuses alias bombs (billion laughs) quickly', () => {
    let s = 'a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n';
    for (let i = 1; i < 10; i++) s += `a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]\n`;
    const t0 = Date.now();
    const p = parseYaml(s, 'bomb.yaml');
    expect(Date.now() - t0).to.be.below(5000);
    expect(p.diagnostics.map((d) => d.code)).to.include('yaml-alias-bomb');
  });

  it('keeps __proto__ and constructor as plain keys without touching prototypes', () => {
    const p = parseYaml('__proto__: {polluted: true}\nconstructor: 1\n', 'f');
    const data = p.data as Record<string, unknown>;
    expect(Object.keys(data)).to.deep.equal(['__proto__', 'constructor']);
    expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
    expect(Object.getPrototypeOf(data)).to.equal(Object.prototype);
  });

  it('survives 10,000-deep nesting with a diagnostic or data, never an exception', () => {
    const deep = '['.repeat(10000) + ']'.repeat(10000);
    const p = parseYaml(`a: ${deep}\n`, 'deep.yaml');
    expect(p).to.have.property('diagnostics');
  });

  it('flags a second document in the file', () => {
    const p = parseYaml('a: 1\n---\nb: 2\n', 'f');
    expect(p.diagnostics.map((d) => [d.code, d.line])).to.deep.equal([['multiple-documents', 3]]);
  });

  it('takes a lone CR and CRLF as line ends, like LF, with the same lines and columns', () => {
    for (const eol of ['\r', '\r\n']) {
      const p = parseYaml(['a: 1', 'b: [x, y]', 'c: 3', ''].join(eol), 'f');
      expect(p.diagnostics, JSON.stringify(eol)).to.deep.equal([]);
      expect(p.data).to.deep.equal({ a: 1, b: ['x', 'y'], c: 3 });
      expect(p.locate('/b/1')).to.deep.equal({ line: 2, column: 8 });
      const dup = parseYaml(['a: 1', 'b: 2', 'a: 3', ''].join(eol), 'f');
      expect(dup.diagnostics.map((d) => [d.code, d.line, d.column])).to.deep.equal([['duplicate-key', 3, 1]]);
    }
  });

  it('reports an alias inside its own anchor where it is, instead of building a value that contains itself', () => {
    const cycle = (text: string) => parseYaml(text, 'f').diagnostics.map((d) => [d.code, d.line, d.column, d.args?.alias]);
    expect(parseYaml('project: &a [*a]\n', 'f').data).to.equal(undefined);
    expect(cycle('project: &a [*a]\n')).to.deep.equal([['yaml-alias-cycle', 1, 14, 'a']]);
    expect(cycle('a: 1\nb: &x {c: [1, {d: *x}]}\n')).to.deep.equal([['yaml-alias-cycle', 2, 19, 'x']]);
    // An anchor named again takes effect where it is written: the alias inside it is a cycle.
    expect(cycle('a: &x [1]\nb: &x [*x]\n')).to.deep.equal([['yaml-alias-cycle', 2, 8, 'x']]);
    // An alias of an earlier, finished node is no cycle.
    expect(parseYaml('a: &x [1]\nb: [*x]\n', 'f').data).to.deep.equal({ a: [1], b: [[1]] });
  });
});
