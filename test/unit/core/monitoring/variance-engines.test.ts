// The two variance engines must agree to the last digit: the fast one (doubles with error
// bounds, src/core/monitoring/variance-fast.ts) and the exact one (decimal.js, src/core/monitoring/variance.ts).
// Checked on the hand fixture, the examples, generated data and random projects built to hit
// ties (x.xx5 values, ratios right on a threshold, zeros) as often as ordinary values.
import { expect } from 'chai';
import fc from 'fast-check';
import path from 'node:path';
import { collectMonitoring, MonitoringCollector } from '../../../../src/core/monitoring/collector.js';
import type { MonitoringRow } from '../../../../src/core/monitoring/data.js';
import { normaliseDossier } from '../../../../src/core/model/normalise.js';
import { builtinPolicy, type Policy } from '../../../../src/core/model/policy.js';
import type { ProjectDossierDoc } from '../../../../src/core/model/schema-types.js';
import { fastPeriod } from '../../../../src/core/monitoring/variance-fast.js';
import { projectReport } from '../../../../src/core/monitoring/report.js';
import { streamMonitoringCsv } from '../../../../src/io/csv.js';
import { loadWorkspace } from '../../../../src/io/workspace.js';
import { D } from '../../../../src/core/decimal.js';
import { ROOT } from '../../../helpers/run.js';
import { varianceFormats } from '../../../../src/formats/variance/index.js';
// @ts-expect-error: a plain ES module script without type declarations
import { generateMonitoring } from '../../../../scripts/gen-monitoring.mjs';



/** Both engines on every project of a collector; returns how many periods the fast one answered. */
function agree(projects: Iterable<Parameters<typeof projectReport>[0]>, policyFor: (d: Parameters<typeof projectReport>[0]['dossier']) => Policy): { periods: number; fast: number } {
  let periods = 0;
  let fast = 0;
  for (const obs of projects) {
    const policy = policyFor(obs.dossier);
    const a = projectReport(obs, policy);
    const b = projectReport(obs, policy, { exact: true });
    expect(JSON.stringify(a), obs.dossier.code).to.equal(JSON.stringify(b));
    const briefFast = projectReport(obs, policy, { detail: 'last' });
    const briefExact = projectReport(obs, policy, { detail: 'last', exact: true });
    expect(JSON.stringify(briefFast), `${obs.dossier.code} (detail: last)`).to.equal(JSON.stringify(briefExact));
    for (const p of obs.periods) {
      periods++;
      if (fastPeriod(obs.dossier, p, policy) !== undefined) fast++;
    }
  }
  return { periods, fast };
}

async function workspaceRun(paths: string[], data: string[]) {
  const ws = await loadWorkspace(paths, { cwd: ROOT, readCsv: false });
  const c = new MonitoringCollector(ws.dossiers);
  for (const f of [...data, ...ws.monitoring.map((m) => m.abs)]) await streamMonitoringCsv(f, f, {}, (r) => c.add(r));
  return { projects: [...c.drain()], policyFor: ws.ctx.policyFor };
}

describe('variance engines: fast (doubles with error bounds) = exact (decimals)', () => {
  it('agree on the hand fixture and the examples', async () => {
    const hand = path.join(ROOT, 'test/fixtures/variance/hand');
    const a = await workspaceRun([hand], [path.join(hand, 'data.csv')]);
    const b = await workspaceRun([path.join(ROOT, 'examples')], []);
    const res = agree([...a.projects, ...b.projects], (d) => (a.projects.some((p) => p.dossier === d) ? a.policyFor(d) : b.policyFor(d)));
    expect(res.periods).to.be.greaterThan(10);
  });

  it('the summary formats print the same with detail "last" as with every period in full', async () => {
    const run = await workspaceRun([path.join(ROOT, 'examples')], []);
    for (const format of ['table', 'markdown'] as const) {
      const print = (detail: 'all' | 'last') =>
        [...varianceFormats[format]({ command: 'variance', projects: run.projects.map((o) => projectReport(o, run.policyFor(o.dossier), { detail })), diagnostics: [] }, { lang: 'en', color: false, version: '0', quiet: false })].join('');
      expect(print('last'), format).to.equal(print('all'));
      expect(print('last')).to.include('OUT-1');
    }
  });

  it('agree on generated data, where the fast engine answers almost every period', async function () {
    this.timeout(60_000);
    const dir = path.join(ROOT, 'bench-data', 'engines-test');
    const csv = path.join(dir, 'data.csv');
    await generateMonitoring({ rows: 228 * 40, dir, csv, seed: 7 });
    const run = await workspaceRun([dir], [csv]);
    const res = agree(run.projects, run.policyFor);
    expect(res.periods).to.equal(40 * 12);
    // Ties are real (90 / 80 = 1.125 exactly), but rare: the exact engine is the exception.
    expect(res.fast / res.periods).to.be.greaterThan(0.8);
  });

  it('agree on random projects built to hit ties, thresholds and zeros', () => {
    // Values on a coarse grid (steps of 0.005 and small integers) make exact ties, ratios equal
    // to the thresholds 0.6 / 0.8 / 1.2 and zero divisors frequent. Milestones (the projection
    // follows them), informational rows, and adjustments of the total with and without a
    // schedule of their own (the planned spend is scaled or replaced) are drawn as often.
    const amount = fc.oneof(fc.integer({ min: 0, max: 400 }).map((k) => k * 0.005), fc.integer({ min: 0, max: 200 }), fc.constantFrom(0, 1, 3, 7, 12, 0.125, 1.005, 2.675));
    const positive = fc.oneof(fc.integer({ min: 1, max: 200 }), fc.integer({ min: 1, max: 400 }).map((k) => k * 0.005), fc.constantFrom(3, 7, 12, 80, 90, 120));
    const text = (x: number) => new D(x.toFixed(6)).toFixed();
    const quarters = (q: [number, number, number, number]) => ({ Q1: Number(text(q[0])), Q2: Number(text(q[1])), Q3: Number(text(q[2])), Q4: Number(text(q[3])) });
    const spec = fc.record({
      total: positive,
      schedule: fc.option(fc.tuple(amount, amount, amount, amount), { nil: undefined }),
      decimals: fc.constantFrom(0, 1, 2, 3, 4),
      start: fc.constantFrom('2025-01-01', '2025-03-01', '2025-04-15'),
      end: fc.constantFrom('2025-12-31', '2025-09-30', '2025-06-30'),
      indicators: fc.array(
        fc.record({
          operator: fc.constantFrom('>=', '<=', '='),
          cumulative: fc.boolean(),
          target: amount,
          milestones: fc.option(fc.tuple(amount, amount, amount, amount), { nil: undefined }),
          informational: fc.integer({ min: 0, max: 4 }).map((k) => k === 0),
        }),
        { minLength: 1, maxLength: 4 },
      ),
      adjustments: fc.array(
        fc.record({
          date: fc.constantFrom('2025-02-15', '2025-03-31', '2025-05-10', '2025-08-01', '2025-11-30'),
          total: fc.option(positive, { nil: undefined }),
          schedule: fc.option(fc.tuple(amount, amount, amount, amount), { nil: undefined }),
          indicator: fc.option(fc.record({ k: fc.integer({ min: 0, max: 3 }), target: fc.option(amount, { nil: undefined }), milestones: fc.option(fc.tuple(amount, amount, amount, amount), { nil: undefined }) }), { nil: undefined }),
        }),
        { maxLength: 2 },
      ),
      rows: fc.array(fc.tuple(fc.constantFrom('Q1', 'Q2', 'Q3', 'Q4', '2025-02', '2025-05', '2025-07', '2025-11'), fc.integer({ min: -1, max: 3 }), amount), { maxLength: 24 }),
    });
    const base = builtinPolicy('self')!;
    fc.assert(
      fc.property(spec, (s) => {
        const indicators = s.indicators.map((i, k) => ({
          code: `I${k}`,
          level1: 'output',
          level2: 'quantity',
          name: `i${k}`,
          operator: i.operator,
          target: Number(text(i.target)),
          unit: k % 2 ? '%' : '个',
          weight: 10,
          tracking: i.cumulative ? 'cumulative' : 'level',
          ...(i.informational ? { informational: true } : {}),
          ...(i.milestones ? { milestones: { Q1: Number(text(i.milestones[0])), Q2: Number(text(i.milestones[1])), Q3: Number(text(i.milestones[2])), Q4: Number(text(i.milestones[3])) } } : {}),
        }));
        const doc = {
          apiVersion: 'bpm/v1',
          kind: 'ProjectDossier',
          project: { code: 'P-1', name: 'p', department: 'd', year: 2025, objectives: ['S1'], period: { start: s.start, end: s.end } },
          budget: { unit: '万元', total: Number(text(s.total)), ...(s.schedule ? { schedule: { Q1: Number(text(s.schedule[0])), Q2: Number(text(s.schedule[1])), Q3: Number(text(s.schedule[2])), Q4: Number(text(s.schedule[3])) } } : {}) },
          goal: 'g',
          indicators,
          adjustments: s.adjustments.map((a) => ({
            date: a.date,
            ...(a.total !== undefined || a.schedule ? { budget: { ...(a.total !== undefined ? { total: Number(text(a.total)) } : {}), ...(a.schedule ? { schedule: quarters(a.schedule) } : {}) } } : {}),
            ...(a.indicator && a.indicator.k < indicators.length
              ? { indicators: { [`I${a.indicator.k}`]: { ...(a.indicator.target !== undefined ? { target: Number(text(a.indicator.target)) } : {}), ...(a.indicator.milestones ? { milestones: quarters(a.indicator.milestones) } : {}) } } }
              : {}),
          })),
        };
        const d = normaliseDossier(doc as unknown as ProjectDossierDoc, 'p.yaml');
        const rows: MonitoringRow[] = s.rows.map(([period, m, v], i) => ({ file: 'm.csv', line: i + 2, project: 'P-1', period, metric: m < 0 || m >= indicators.length ? 'spend' : `I${m}`, value: text(v), percent: false }));
        const policy: Policy = { ...base, decimals: s.decimals };
        const res = collectMonitoring(rows, [d]);
        agree(res.projects, () => policy);
      }),
      { numRuns: 1500 },
    );
  });
});
