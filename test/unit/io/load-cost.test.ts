// What loading a batch keeps and skips (docs/performance.md#speed-devices): values read by the
// subset reader are strings of their own, not views that keep each file's text alive once the
// files are let go; the walk over a document's values is skipped when its text shows there is
// nothing to find; small whole numbers are shared.
// Each of these changes what a run holds or does, never its answers.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { expect } from 'chai';
import fc from 'fast-check';
import { dec } from '../../../src/core/decimal.js';
import { flat } from '../../../src/core/monitoring/store.js';
import { parseYamlFast, parseYamlFastChecked } from '../../../src/io/fast-yaml.js';
import { isInvisible } from '../../../src/io/invisible.js';
import { scalarsWorthScanning, scanScalars } from '../../../src/io/scalars.js';
import { parseYaml } from '../../../src/io/yaml.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** Heap bytes still in use after a full collection. */
function heapUsed(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

/** A YAML text of about `kb` kilobytes of Chinese (two bytes a character on the heap), with long values. */
function bigText(i: number, kb: number): string {
  const filler = `# ${'项目支出绩效目标申报表说明'.repeat(Math.ceil((kb * 1024) / 26))}\n`;
  return `${filler}name: 居家养老服务项目（第${i}号）的长名称\ngoal: 2025年内完成培训人次219人次以上，服务群众8427人次，单位成本控制在4.49万元以内${i}\nlist: [第一个很长的列表值（${i}）, '引号里的很长的值（${i}）']\n`;
}

describe('io: what loading keeps', () => {
  it('values read by the subset reader do not keep their file’s text alive', () => {
    const before = heapUsed();
    const kept: unknown[] = [];
    for (let i = 0; i < 40; i++) kept.push(parseYamlFast(bigText(i, 256)));
    const grown = heapUsed() - before;
    // 40 texts of 256 KB are 10 MB on the heap; the values alone are a few kilobytes.
    expect(grown, `${(grown / 1e6).toFixed(1)} MB kept`).to.be.below(3e6);
    expect(kept[7]).to.deep.equal({ name: '居家养老服务项目（第7号）的长名称', goal: '2025年内完成培训人次219人次以上，服务群众8427人次，单位成本控制在4.49万元以内7', list: ['第一个很长的列表值（7）', '引号里的很长的值（7）'] });
  });
});

describe('core/monitoring: flat()', () => {
  it('a value cut from a streamed chunk does not keep the chunk alive', () => {
    const before = heapUsed();
    const kept: string[] = [];
    for (let i = 0; i < 40; i++) kept.push(flat(bigText(i, 256).slice(-60)));
    const grown = heapUsed() - before;
    expect(grown, `${(grown / 1e6).toFixed(1)} MB kept`).to.be.below(3e6);
    expect(kept[7]).to.equal(bigText(7, 256).slice(-60));
    expect(flat('short')).to.equal('short');
  });
});

describe('io: the walk over values, skipped when the text shows nothing to find', () => {
  it('says a text may hold something for each kind scanScalars finds', () => {
    for (const text of ['target: ９０', 'unit: ％', 'a: －5', 'a: ＋5', 'a: ５．５', 'name: 万元\u3000', 'name: \u00a0x', 'a: b\u200b', 'a: b\u000b', 'code: TODO', 'name: 待填写']) {
      expect(scalarsWorthScanning(text), JSON.stringify(text)).to.equal(true);
    }
    for (const text of ['name: 社区（文化）惠民工程，第1号：完成', 'target: 90\nunit: "%"', 'todo: later', 'a: 待填']) {
      expect(scalarsWorthScanning(text), JSON.stringify(text)).to.equal(false);
    }
  });

  it('knows every invisible character and every full-width character a number folds from', () => {
    for (let c = 0; c <= 0xffff; c++) {
      const folds = (c >= 0xff10 && c <= 0xff19) || c === 0xff0b || c === 0xff0d || c === 0xff0e || c === 0xff05;
      if (isInvisible(c) || folds) expect(scalarsWorthScanning(`a: x${String.fromCharCode(c)}`), c.toString(16)).to.equal(true);
    }
  });

  it('whenever it says there is nothing, the walk finds nothing and changes nothing (random documents)', () => {
    const chars = ['a', 'b', '1', '9', '.', '-', '%', ' ', '万', '元', '（', '）', '，', '：', '０', '９', '％', '．', '－', '＋', 'Ａ', '\u3000', '\u00a0', '\u200b', 'T', 'O', 'D', '待', '填', '写'];
    const scalar = fc.oneof(
      fc.array(fc.constantFrom(...chars), { maxLength: 8 }).map((c) => c.join('')),
      fc.integer(),
      fc.double({ noNaN: false }),
    );
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom('name', 'target', 'unit', 'amount', 'code'), fc.oneof(scalar, fc.array(scalar, { maxLength: 3 }))), (doc) => {
        const text = JSON.stringify(doc); // JSON is YAML: the text the values came from
        if (scalarsWorthScanning(text)) return;
        const data = structuredClone(doc);
        const scan = scanScalars(data, { fold: true, invisible: true });
        expect(scan.folded).to.deep.equal([]);
        expect(scan.placeholders).to.deep.equal([]);
        expect(scan.invisible).to.deep.equal([]);
        expect(data).to.deep.equal(doc);
      }),
      { numRuns: 5_000, seed: 7 },
    );
  });

  it('the reader says whether every number it read is finite', () => {
    expect(parseYamlFastChecked('a: 1\nb: 2.5\nc: [1e300, 0x1F]\n')?.finite).to.equal(true);
    for (const text of ['a: .inf\n', 'a: -.Inf\n', 'a: .nan\n', 'a: 1e400\n', `a: ${'9'.repeat(400)}\n`, 'a: [1, .NaN]\n', 'a: {b: 1e999}\n']) {
      const r = parseYamlFastChecked(text);
      expect(r, text).to.not.equal(undefined);
      expect(r!.finite, text).to.equal(false);
      expect(scanScalars(r!.data).nonFinite, text).to.have.length(1);
    }
    // Text the reader declines goes to the yaml package and is always walked.
    expect(parseYamlFastChecked('a: !!float 1e400\n')).to.equal(undefined);
    expect(scanScalars(parseYaml('a: !!float 1e400\n', 'x.yaml').data).nonFinite).to.have.length(1);
  });
});

describe('core/decimal: small whole numbers', () => {
  it('one decimal per small whole number, -0 and fractions read as decimal.js reads them', () => {
    expect(dec(20)).to.equal(dec(20));
    expect(dec(20).toFixed()).to.equal('20');
    expect(dec(-0).isNegative()).to.equal(true);
    expect(dec(0).isNegative()).to.equal(false);
    expect(dec(0.1).plus(dec(0.2)).toFixed()).to.equal('0.3');
    expect(dec(9999).toFixed()).to.equal('9999');
    expect(dec(10_000).toFixed()).to.equal('10000');
    expect(dec(-3).toFixed()).to.equal('-3');
  });
});

describe('io/fast-yaml: numbers of the common forms', () => {
  it('reads every plain scalar made of digits, signs and dots as the yaml package does (fast-check)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...'0123456789+-.eExo_'), { minLength: 1, maxLength: 12 }), (chars) => {
        const text = `v: ${chars.join('')}\n`;
        const fast = parseYamlFast(text);
        if (fast === undefined) return; // declined: the yaml package reads it
        const slow = parseYaml(text, 'x.yaml').data as { v: unknown };
        expect(Object.is(fast.v, slow.v), `${chars.join('')} → ${String(fast.v)} / ${String(slow.v)}`).to.equal(true);
      }),
      { numRuns: 20_000, seed: 13 },
    );
  });

  it('reads them as the YAML 1.2 core schema does, and leaves every other form to it', () => {
    const cases: [string, unknown][] = [
      ['120', 120], ['-5', -5], ['+7', 7], ['007', 7], ['-0', -0], ['1542.38', 1542.38], ['.5', 0.5], ['-.5', -0.5], ['3.', 3], ['+1.50', 1.5],
      ['.', '.'], ['+.', '+.'], ['1.2.3', '1.2.3'], ['--1', '--1'], ['1e3', 1000], ['0x1F', 31], ['0o17', 15], ['1_000', '1_000'], ['12a', '12a'], ['1,5', '1,5'],
    ];
    for (const [text, value] of cases) {
      const got = parseYamlFast(`v: ${text}\n`);
      expect(got, text).to.not.equal(undefined);
      expect(Object.is(got!.v, value), `${text} → ${String(got!.v)}`).to.equal(true);
      expect(Object.is(got!.v, parseYaml(`v: ${text}\n`, 'x.yaml').data && (parseYaml(`v: ${text}\n`, 'x.yaml').data as { v: unknown }).v), text).to.equal(true);
    }
  });
});
