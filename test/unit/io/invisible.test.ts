// Characters that look like white space but are not YAML white space stay in a value; messages
// name them (src/io/invisible.ts, used by io/schema.ts and io/workspace.ts).
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';
import { validate } from '../../../src/commands/validate/run.js';
import { findInvisible, invisibleEdge } from '../../../src/io/invisible.js';
import { fixture } from '../../helpers/run.js';
import { tempDir } from '../../helpers/temp.js';

describe('io/invisible: characters the user cannot see', () => {
  it('names the full-width space, the no-break space, \\f, \\v and other spaces', () => {
    expect(invisibleEdge('万元\u3000')).to.deep.equal({ char: 'U+3000 full-width (ideographic) space', charZh: 'U+3000 全角空格', at: 'end' });
    expect(invisibleEdge('\u00a0x')).to.deep.include({ char: 'U+00A0 no-break space', at: 'start' });
    expect(invisibleEdge('x\f')?.charZh).to.equal('U+000C 换页符');
    expect(invisibleEdge('\vx')?.char).to.equal('U+000B vertical tab');
    expect(invisibleEdge('x\u2003')?.char).to.equal('U+2003 space character');
    expect(invisibleEdge('a\u3000b')).to.equal(undefined);
    expect(findInvisible('a\u3000b')?.charZh).to.equal('U+3000 全角空格');
    for (const s of ['万元', 'a b', ' x ', '\tx', '']) expect([findInvisible(s), invisibleEdge(s)], JSON.stringify(s)).to.deep.equal([undefined, undefined]);
  });

  it('reports a value that starts with one, and a key that holds one, in both languages', async () => {
    const dir = tempDir('bpm-invisible-');
    try {
      const base = readFileSync(fixture('validate', '_valid', 'dossier.yaml'), 'utf8');
      const text = base.replace('  department: 大连市文化和旅游局\n', '  department: \u3000大连市文化和旅游局\n').replace('  year: 2025\n', '  year\u3000: 2025\n  year: 2025\n');
      expect(text).to.not.equal(base);
      writeFileSync(path.join(dir, 'dossier.yaml'), text);
      for (const lang of ['en', 'zh'] as const) {
        const { report } = await validate({ paths: ['dossier.yaml'], cwd: dir, lang });
        const found = report.files.flatMap((f) => f.diagnostics).map((d) => [d.code, d.line, d.column, d.args?.variant, d.message]);
        expect(found.map((d) => d.slice(0, 4))).to.deep.equal([
          ['invisible-character', 7, 15, 'start'],
          ['unknown-key', 8, 3, 'invisible'],
        ]);
        const zh = lang === 'zh';
        expect(found[0][4]).to.contain(zh ? 'U+3000 全角空格' : 'starts with an invisible character, U+3000');
        expect(found[1][4]).to.contain(zh ? '看不见的字符 U+3000 全角空格' : 'it holds an invisible character, U+3000');
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
