// The expected scores of the six examples (five in YAML, one as workbooks), as hand-computed in examples/README.md.
import { expect } from 'chai';
import { score } from '../../../../src/commands/score/run.js';
import { json } from '../../../../src/formats/score/json.js';
import { ROOT } from '../../../helpers/run.js';

describe('score: examples/README.md expected totals', () => {
  let out: { projects: Record<string, any>[]; summary: Record<string, any>; ranking: { rank: number; code: string }[]; policy: string };
  before(async () => {
    const { report } = await score({ paths: ['examples'], cwd: ROOT, lang: 'en' });
    out = JSON.parse(json(report, { lang: 'en', color: false, version: 'test' }));
  });
  const byCode = (code: string) => out.projects.find((p) => p.code === code)!;

  it('scores the six projects with the README totals and grades', () => {
    const expected: [string, number, string][] = [
      ['DL-2025-WL-001', 98.3, 'excellent'],
      ['DL-2025-TY-001', 97.79, 'excellent'],
      ['DL-2025-MZ-001', 94.68, 'excellent'],
      ['DL-2025-JY-001', 87.92, 'good'],
      ['DL-2025-HB-001', 85.53, 'good'],
      ['DL-2025-ZJ-001', 75.38, 'fair'],
    ];
    for (const [code, total, grade] of expected) expect(byCode(code), code).to.include({ status: 'scored', total, grade });
    expect(out.ranking.map((r) => r.code)).to.deep.equal(expected.map((e) => e[0]));
    expect(out.summary).to.deep.include({ projects: 6, scored: 6, incomplete: 0, grades: { excellent: 3, good: 2, fair: 1, poor: 0 } });
    expect(out.policy).to.equal('self');
  });

  it('gives the culture project its composite 90.27 and its panel 8.80', () => {
    const p = byCode('DL-2025-WL-001');
    expect(p.composite.score).to.equal(90.27);
    expect(p.composite.parts.map((x: { by: string }) => x.by)).to.deep.equal(['self', 'expert', 'public']);
    const eff2 = p.indicators.find((i: { code: string }) => i.code === 'EFF-2');
    expect(eff2).to.include({ method: 'panel', score: 8.8 });
  });

  it('rounds 13.575 half-up to 13.58 (elderly care OUT-2)', () => {
    const out2 = byCode('DL-2025-MZ-001').indicators.find((i: { code: string }) => i.code === 'OUT-2');
    expect(out2.score).to.equal(13.58);
  });

  it('uses the adjusted budget and target of the river project', () => {
    const p = byCode('DL-2025-HB-001');
    expect(p.execution).to.include({ budget: 936.8, executed: 857.2, rate: 91.5, score: 9.15 });
    expect(p.indicators.find((i: { code: string }) => i.code === 'OUT-1')).to.include({ target: 16, score: 15, adjusted: true });
  });

  it('lists the discrepancies of the old-neighbourhood self-evaluation table', () => {
    const d = byCode('DL-2025-ZJ-001').discrepancies.map((x: Record<string, unknown>) => ({ item: x.item, claimed: x.claimed, computed: x.computed }));
    expect(d).to.deep.equal([
      { item: 'indicator:OUT-1', claimed: 10, computed: 6.67 },
      { item: 'indicator:OUT-5', claimed: 10, computed: 9.07 },
      { item: 'indicator:EFF-2', claimed: 8, computed: 4.5 },
      { item: 'total-arithmetic', claimed: 84, computed: 83.14 },
      { item: 'total', claimed: 84, computed: 75.38 },
      { item: 'grade', claimed: 'good', computed: 'fair' },
    ]);
  });
});
