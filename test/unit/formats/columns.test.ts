// The aligned-column table of long lists (src/formats/score/columns.ts): the batch ranking of
// score and the summary of variance.
import { expect } from 'chai';
import { Chalk } from 'chalk';
import { columns } from '../../../src/formats/score/columns.js';

const ANSI = /\u001b\[[0-9;]*m/g;

describe('formats: columns()', () => {
  const head = ['Project', '名称', 'Score', 'Note'];
  const rows = [
    ['P-1', '社区体育赛事', '91.5', 'ok'],
    ['P-22', 'Old town', '8', ''],
    ['P-333', '河道', '100', '—'],
  ];

  it('aligns text left and numbers right, Chinese two columns wide, without trailing spaces', () => {
    const out = columns(head, rows, [false, false, true, false], new Chalk({ level: 0 }));
    expect(out.split('\n')).to.deep.equal([
      '  Project  名称          Score  Note',
      '  ───────  ────────────  ─────  ────',
      '  P-1      社区体育赛事   91.5  ok',
      '  P-22     Old town          8',
      '  P-333    河道            100  —',
    ]);
  });

  it('leaves no trailing space where a colour closes after the padding', () => {
    const c = new Chalk({ level: 1 });
    const coloured = rows.map((r) => [r[0], r[1], r[2], { text: r[3], style: c.yellow }]);
    const out = columns(head, coloured, [false, false, true, false], c);
    for (const line of out.split('\n')) expect(line, JSON.stringify(line)).not.to.match(/ (?:\u001b\[[0-9;]*m)*$/);
    expect(out.replace(ANSI, '')).to.equal(columns(head, rows, [false, false, true, false], new Chalk({ level: 0 })));
    expect(out).to.include('\u001b[33mok\u001b[39m');
  });
});
