// The YAML parser's messages under --lang zh: the common syntax errors are said in Chinese.
import { expect } from 'chai';
import { parseYaml } from '../../../src/io/yaml.js';
import { message } from '../../../src/i18n/index.js';

const BROKEN: [string, RegExp][] = [
  ['a:\n\tb: 1\n', /Tab/],
  ['a: [1\n', /方括号没有闭合/],
  ['a: {b: 1\n', /花括号没有闭合/],
  ['a: b: c\n', /同一行里不能再嵌套/],
  ['a: "x\n', /引号没有闭合/],
  ["a: 'x\n", /引号没有闭合/],
  ['key: @x\n', /保留字符/],
  ['a:\n  b\n c: 1\n', /./],
  ['a: 1\n b: 2\n', /./],
];

describe('io/yaml: parser messages in Chinese', () => {
  for (const [text, zh] of BROKEN) {
    it(JSON.stringify(text), () => {
      const r = parseYaml(text, 'x.yaml');
      const d = r.diagnostics.find((x) => x.code === 'yaml-syntax');
      expect(d, JSON.stringify(r.diagnostics)).to.not.equal(undefined);
      const said = message('zh', d!.code, d!.args ?? {});
      expect(said).to.match(/^YAML 语法错误：/);
      const detail = String(d!.args!.detailZh);
      expect(detail, `${said} (${String(d!.args!.detail)})`).to.match(/[\u4e00-\u9fff]/);
      expect(detail).to.match(zh);
      // English keeps the parser's own, more specific wording.
      expect(message('en', d!.code, d!.args ?? {})).to.include(String(d!.args!.detail));
    });
  }
});
