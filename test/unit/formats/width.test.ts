// Terminal column widths (src/formats/validate/width.ts): what every table and wrapped line of the
// terminal formats is aligned by.
import { expect } from 'chai';
import fc from 'fast-check';
import { rangeWidth, stringWidth, truncateWidth, wrapWidth } from '../../../src/formats/validate/width.js';

/** Any code point, lone surrogates included (a text read from a broken file may hold one). */
const codePoint = fc.integer({ min: 0, max: 0x10ffff }).map((cp) => String.fromCodePoint(cp));

describe('formats: stringWidth', () => {
  it('counts printable ASCII one column a character, control characters none', () => {
    expect(stringWidth('')).to.equal(0);
    expect(stringWidth('-93.00 (-18.09%)')).to.equal(16);
    expect(stringWidth('a\u0000b\u001b\u007fc\u0085')).to.equal(3);
    expect(stringWidth('é café')).to.equal(6);
  });

  it('counts CJK, kana, Hangul and full-width forms two columns, combining marks none', () => {
    expect(stringWidth('正常')).to.equal(4);
    expect(stringWidth('OUT-1 指标 OUT-1')).to.equal(16);
    expect(stringWidth('进度（１２％）')).to.equal(14);
    expect(stringWidth('カナ한글')).to.equal(8);
    expect(stringWidth('e\u0301')).to.equal(1);
    expect(stringWidth('a\u200bb')).to.equal(2);
    expect(stringWidth('·—…')).to.equal(3); // ambiguous: one column
  });

  it('reads a surrogate pair as one code point, a lone surrogate as one column', () => {
    expect(stringWidth('𠀀𪚥')).to.equal(4); // CJK extension B
    expect(stringWidth('😀 ok')).to.equal(5);
    expect(stringWidth('a\ud800b')).to.equal(3);
    expect(stringWidth('\udc00\ud83d')).to.equal(2);
    expect(stringWidth('𝐀')).to.equal(1); // mathematical bold A: astral, narrow
  });

  it('gives a character followed by VS16 its emoji presentation: two columns', () => {
    expect(stringWidth('⚠️ yes')).to.equal(6);
    expect(stringWidth('✔️')).to.equal(2);
    expect(stringWidth('⚠ yes')).to.equal(5);
    expect(stringWidth('正\ufe0f')).to.equal(2); // already wide: VS16 adds nothing
    expect(stringWidth('#️⃣ 1')).to.equal(4); // a keycap: ASCII, VS16, combining keycap
    expect(stringWidth('a\ufe0f')).to.equal(stringWidth('é\ufe0f'));
  });

  it('answers every code point from U+0300 as the range tables do (its fast paths included)', () => {
    for (let cp = 0x300; cp <= 0x2ffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const w = stringWidth(String.fromCodePoint(cp));
      if (w !== rangeWidth(cp)) expect(w, `U+${cp.toString(16)}`).to.equal(rangeWidth(cp));
    }
  });

  it('is the sum of its parts wherever a text is cut between two code points (VS16 aside)', () => {
    const text = fc.string({ unit: fc.oneof(fc.constantFrom('a', '1', ' ', '正', '，', '😀', '\u0301', '\ufe0f', '\u001b', '\ud800', '\udc00', 'é', '⚠'), codePoint), maxLength: 30 });
    fc.assert(
      fc.property(text, text, (a, b) => {
        const splitsPair = /[\ud800-\udbff]$/.test(a) && /^[\udc00-\udfff]/.test(b);
        fc.pre(!splitsPair && !b.startsWith('\ufe0f'));
        expect(stringWidth(a + b)).to.equal(stringWidth(a) + stringWidth(b));
      }),
      { numRuns: 2000 },
    );
  });

  it('measures each code point as the code point alone does', () => {
    fc.assert(
      fc.property(fc.array(codePoint, { maxLength: 20 }), (cps) => {
        const text = cps.filter((c) => c !== '\ufe0f').join('');
        let sum = 0;
        for (const ch of text) sum += stringWidth(ch);
        expect(stringWidth(text)).to.equal(sum);
      }),
    );
  });

  it('truncateWidth and wrapWidth count VS16 as stringWidth does: no line wider than asked', () => {
    expect(stringWidth(truncateWidth('ab#️⃣cdefgh', 4))).to.be.at.most(4);
    expect(truncateWidth('ab#️⃣cdefgh', 5)).to.equal('ab#️⃣…');
    for (const line of wrapWidth('1 A#️⃣ keycap ✔️ok', 4)) expect(stringWidth(line), line).to.be.at.most(4);
    const unit = fc.constantFrom('a', 'b', ' ', '正', '，', '#', '⚠', '\ufe0f', '\u20e3', '😀', 'é');
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 24 }), fc.integer({ min: 2, max: 12 }), (cs, width) => {
        const text = cs.join('');
        expect(stringWidth(truncateWidth(text, width)), `truncate ${JSON.stringify(text)} to ${width}`).to.be.at.most(width);
        for (const line of wrapWidth(text, width)) expect(stringWidth(line), `wrap ${JSON.stringify(text)} at ${width}`).to.be.at.most(width);
      }),
      { numRuns: 3000 },
    );
  });

  it('wrapWidth breaks after a space before any word (.bpmcache too), never before a % or inside a VS16 pair', () => {
    expect(wrapWidth('(default: .bpmcache) / 缓存位置', 17)).to.deep.equal(['(default:', '.bpmcache) / 缓存', '位置']);
    expect(wrapWidth('see the file .bpmcache for details', 20)).to.deep.equal(['see the file', '.bpmcache for', 'details']);
    expect(wrapWidth('rate 12.5 %, below', 9)).to.deep.equal(['rate', '12.5 %,', 'below']);
    expect(wrapWidth('abc✔️', 4)).to.deep.equal(['abc', '✔️']);
    // Words of ASCII no longer than a line are never cut (words that may begin a line, and that
    // do not end with an opening bracket).
    const word = fc.stringMatching(/^[a-z.,:/)][a-z.,:/)%-]{0,7}$/);
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 10 }), fc.integer({ min: 8, max: 30 }), (words, width) => {
        const lines = wrapWidth(words.join(' '), width);
        expect(lines.join(' ').split(' ').filter((x) => x !== ''), `${words.join(' ')} at ${width}`).to.deep.equal(words);
      }),
      { numRuns: 2000 },
    );
  });
});
