// End-to-end: spawn bin/bpm.js variance on the bundled examples and on generated data.
import { expect } from 'chai';
import { join } from 'node:path';
import { spawnBpm } from '../helpers/run.js';
// @ts-expect-error: a plain ES module script without type declarations
import { generateMonitoring, ROWS_PER_PROJECT } from '../../scripts/gen-monitoring.mjs';
import { tempDir } from '../helpers/temp.js';

describe('e2e: bpm variance', () => {
  it('--fail-on red exits 1 on the lagging renovation project, 0 on the culture project', () => {
    const all = spawnBpm(['variance', 'examples', '--fail-on', 'red']);
    expect(all.stderr).to.equal('');
    expect(all.code).to.equal(1);
    expect(spawnBpm(['variance', 'examples/culture-community-events', '--fail-on', 'yellow']).code).to.equal(0);
    expect(spawnBpm(['variance', 'examples/culture-community-events']).code).to.equal(0);
  });

  it('reports the renovation project at Q2 as the examples README says (pace 0.62 yellow, dual gap)', () => {
    const r = spawnBpm(['variance', 'examples/old-neighbourhood-renovation', '--data', 'examples/old-neighbourhood-renovation/monitoring.csv', '--period', '2025-Q2', '--format', 'json']);
    expect(r.code).to.equal(0);
    const per = JSON.parse(r.stdout).projects[0].periods[0];
    // 818.6 / 2650.75 = 30.88 %; / 50 % = 0.6176 → 0.62, yellow (0.6 ≤ pace < 0.8).
    expect(per.budget).to.include({ planned: 1100.25, actual: 818.6, executionRate: 30.88, pace: 0.62, status: 'yellow' });
    // goal = (2/12 + 1.5/7.2 + 2.1/9.6 + 260/1380) / 4 = 19.55 %; gap 30.88 − 19.55 = 11.33 > 10.
    expect(per.goalProgress).to.equal(19.55);
    expect(per.flags.map((f: { code: string }) => f.code)).to.include('dual-monitoring-gap');
    // The table shows the same period with its variance: 818.6 − 1100.25 = −281.65, −25.60 %.
    const t = spawnBpm(['variance', 'examples/old-neighbourhood-renovation', '--period', '2025-Q2', '--lang', 'en', '--no-color']);
    expect(t.stdout).to.match(/│ 2025-Q2 +│ +50\.00% │ +1100\.25 │ +818\.60 │ -281\.65 \(-25\.60%\) │ +30\.88% │ +0\.62 │ yellow/);
  });

  it('applies the river clean-up adjustment from 2025-07-15 on: Q3 uses 936.8 and target 16', () => {
    const r = spawnBpm(['variance', 'examples/environment-river-cleanup', '--format', 'json']);
    const [q1, , q3] = JSON.parse(r.stdout).projects[0].periods;
    expect(q1.budget.total).to.equal(860);
    expect(q1.adjustments).to.deep.equal([]);
    expect(q3.budget.total).to.equal(936.8);
    expect(q3.adjustments[0]).to.include({ date: '2025-07-15' });
    const out1 = q3.indicators.find((i: { code: string }) => i.code === 'OUT-1');
    expect(out1).to.include({ target: 16, expected: 12.5, actual: 12.9 });
  });

  it('prints usage errors without a stack and exits 2', () => {
    const r = spawnBpm(['variance', 'examples/culture-community-events/monitoring.csv']);
    expect(r.code).to.equal(2);
    expect(r.stderr).to.match(/ProjectDossier/);
    expect(r.stderr).not.to.match(/at .*\.js:\d+/);
  });

  it('streams generated data: every row accounted for, no data problems', async () => {
    const dir = tempDir('bpm-gen-');
    const info = await generateMonitoring({ rows: 3 * ROWS_PER_PROJECT + 5, dir: join(dir, 'gen'), csv: join(dir, 'big.csv'), seed: 7 });
    expect(info.projects).to.equal(4);
    const r = spawnBpm(['variance', 'gen', '--data', 'big.csv', '--format', 'csv'], { cwd: dir });
    expect(r.code).to.equal(0);
    const lines = r.stdout.trim().split('\r\n');
    // one csv row per project × period × metric; the fourth project has 5 rows in one period
    expect(lines.length - 1).to.equal(3 * ROWS_PER_PROJECT + 19);
  });
});
