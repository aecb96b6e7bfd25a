// The pure monitoring computations (src/core/monitoring/variance.ts, src/core/monitoring/collector.ts) on small
// dossiers built in the test: the cases the hand fixture does not reach.
import { expect } from 'chai';
import fc from 'fast-check';
import { dec } from '../../../../src/core/decimal.js';
import { collectMonitoring, MAX_MONITORING_DIAGNOSTICS, MONITORING_CODES, MonitoringCollector } from '../../../../src/core/monitoring/collector.js';
import { variance as catalog } from '../../../../src/i18n/catalog/variance.js';
import type { MonitoringRow } from '../../../../src/core/monitoring/data.js';
import { inForce } from '../../../../src/core/model/adjust.js';
import { normaliseDossier } from '../../../../src/core/model/normalise.js';
import { formatDate, parsePeriod } from '../../../../src/core/model/periods.js';
import { builtinPolicy } from '../../../../src/core/model/policy.js';
import type { ProjectDossierDoc } from '../../../../src/core/model/schema-types.js';
import { FLAG_CODES, goalProgress, likelihood, milestoneAt, plannedSpend, projectVariance, timeProgress } from '../../../../src/core/monitoring/variance.js';
import { projectReport } from '../../../../src/core/monitoring/report.js';

const policy = builtinPolicy('self')!;

function dossier(over: Record<string, unknown> = {}, indicators?: unknown[]) {
  const doc = {
    apiVersion: 'bpm/v1',
    kind: 'ProjectDossier',
    project: { code: 'P-1', name: 'p', department: 'd', year: 2025, objectives: ['S1'], ...((over.project as object) ?? {}) },
    budget: { unit: '万元', total: 120, schedule: { Q1: 30, Q2: 30, Q3: 30, Q4: 30 }, ...((over.budget as object) ?? {}) },
    goal: 'g',
    indicators: indicators ?? [
      { code: 'C', level1: 'output', level2: 'quantity', name: 'count', operator: '>=', target: 100, unit: '个', weight: 50, milestones: { Q1: 10, Q2: 40, Q3: 70, Q4: 100 } },
      { code: 'L', level1: 'effect', level2: 'social', name: 'level', operator: '>=', target: 80, unit: '%', weight: 30 },
    ],
    adjustments: over.adjustments,
  };
  return normaliseDossier(doc as unknown as ProjectDossierDoc, 'p.yaml');
}

const row = (period: string, metric: string, value: string | null, line = 2, project = 'P-1'): MonitoringRow => ({ file: 'm.csv', line, project, period, metric, value, percent: false });
const p = (s: string) => parsePeriod(s, 2025)!;

describe('core/variance', () => {
  it('time progress is months elapsed over months in the project period', () => {
    const d = dossier({ project: { period: { start: '2025-07-01', end: '2026-06-30' } } });
    expect(timeProgress(d, p('2025-Q3')).toFixed()).to.equal('0.25');
    expect(timeProgress(d, p('2025-08')).toFixed()).to.equal(dec(2).dividedBy(12).toFixed());
    expect(timeProgress(d, p('2026-Q2')).toFixed()).to.equal('1');
    expect(timeProgress(dossier(), p('2025-11')).toFixed()).to.equal(dec(11).dividedBy(12).toFixed());
  });

  it('planned spend: schedule by quarter, months inside a quarter pro rata; even spread without a schedule', () => {
    const d = dossier({ budget: { total: 400, schedule: { Q1: 60, Q2: 100, Q3: 140, Q4: 100 } } });
    const at = (s: string) => plannedSpend(d, inForce(d), p(s)).planned;
    expect(at('2025-Q2').toFixed()).to.equal('160');
    expect(at('2025-08').toDecimalPlaces(6).toFixed()).to.equal('253.333333'); // 160 + 140 × 2/3
    expect(at('2025-01').toDecimalPlaces(6).toFixed()).to.equal('20');
    const even = dossier({ budget: { total: 120, schedule: undefined } });
    const r = plannedSpend(even, inForce(even), p('2025-05'));
    expect(r).to.deep.include({ from: 'even' });
    expect(r.planned.toFixed()).to.equal('50');
  });

  it('milestones: the quarter’s own; inside a quarter linear from the previous one (0 before Q1 for counts)', () => {
    const d = dossier();
    const c = d.indicators[0];
    expect(milestoneAt(c, d, p('2025-Q2'))!.toFixed()).to.equal('40');
    expect(milestoneAt(c, d, p('2025-06'))!.toFixed()).to.equal('40');
    expect(milestoneAt(c, d, p('2025-05'))!.toFixed()).to.equal('30'); // 10 + (40 − 10) × 2/3
    expect(milestoneAt(c, d, p('2025-01'))!.toDecimalPlaces(4).toFixed()).to.equal('3.3333');
    expect(milestoneAt(c, d, p('2026-Q1'))).to.equal(undefined);
    expect(milestoneAt(d.indicators[1], d, p('2025-Q1'))).to.equal(undefined);
  });

  it('likelihood: certain at 100 %, possible from the policy threshold, inverted for "<="', () => {
    expect(likelihood(dec(100), dec(100), false, policy)).to.equal('certain');
    expect(likelihood(dec(80), dec(100), false, policy)).to.equal('possible');
    expect(likelihood(dec(79.99), dec(100), false, policy)).to.equal('unlikely');
    expect(likelihood(dec(12.5), dec(10), true, policy)).to.equal('possible'); // 10 / 12.5 = 0.8
    expect(likelihood(dec(0), dec(10), true, policy)).to.equal('certain');
  });

  it('goal progress uses cumulative indicators, else the numeric level ones (inverted for "<=")', () => {
    const levels = dossier({}, [
      { code: 'A', level1: 'output', level2: 'quality', name: 'a', operator: '>=', target: 90, unit: '%', weight: 50 },
      { code: 'B', level1: 'output', level2: 'cost', name: 'b', operator: '<=', target: 40, unit: '元', weight: 50 },
    ]);
    const obs = collectMonitoring([row('Q1', 'A', '81'), row('Q1', 'B', '50', 3)], [levels]);
    const per = projectVariance(obs.projects[0], policy).periods[0];
    // (81/90 + 40/50) / 2 = (0.9 + 0.8) / 2 = 85 %
    expect(per.goalProgress!.toFixed()).to.equal('85');
    expect(goalProgress(levels.indicators, [])).to.equal(null);
  });

  it('warns about implausible values but keeps them: a % on a count, a % level outside 0-100, a negative count', () => {
    const d = dossier();
    const pct = (r: MonitoringRow): MonitoringRow => ({ ...r, percent: true });
    const res = collectMonitoring([row('Q1', 'C', '-5', 2), pct(row('Q1', 'L', '120', 3)), pct(row('Q2', 'C', '85', 4)), row('Q2', 'L', '81', 5)], [d]);
    expect(res.diagnostics.map((x) => [x.code, x.severity, x.line])).to.deep.equal([
      ['value-negative', 'warning', 2],
      ['value-percent-range', 'warning', 3],
      ['value-percent-unit', 'warning', 4],
    ]);
    expect(res.projects[0].periods).to.have.length(2);
  });

  it('adjustments apply from their date: a period ending on or after it uses the new total and targets', () => {
    const d = dossier({ adjustments: [{ date: '2025-06-30', budget: { total: 150 }, indicators: { C: { target: 90 } } }] });
    const obs = collectMonitoring([row('2025-05', 'spend', '40'), row('Q2', 'spend', '60', 3), row('Q2', 'C', '40', 4)], [d]);
    const [may, q2] = projectVariance(obs.projects[0], policy).periods;
    expect(may.budget.total.toFixed()).to.equal('120');
    expect(may.adjustments).to.have.length(0);
    expect(q2.budget.total.toFixed()).to.equal('150');
    expect(q2.budget.executionRate!.toFixed()).to.equal('40');
    expect(q2.indicators[0].target.toFixed()).to.equal('90');
    expect(q2.adjustments.map((a) => a.date)).to.deep.equal(['2025-06-30']);
  });

  it('an adjusted total without a schedule of its own scales the schedule; with one, its schedule replaces the dossier’s (v1.1 §3)', () => {
    // Schedule 30 a quarter of 120. From 2025-05-01 the total is 150: Q2 planned = 60/120 × 150 = 75,
    // and 2025-04 (before the adjustment) keeps the schedule as written: 30 + 30/3 = 40.
    const scaled = dossier({ adjustments: [{ date: '2025-05-01', budget: { total: 150 } }] });
    const at = (d: ReturnType<typeof dossier>, s: string) => plannedSpend(d, inForce(d, formatDate(p(s).end)), p(s)).planned.toFixed();
    expect(at(scaled, '2025-04')).to.equal('40');
    expect(at(scaled, 'Q2')).to.equal('75');
    expect(at(scaled, 'Q4')).to.equal('150');
    // Its own schedule (10, 20, 60, 60 = 150) replaces the dossier's from its date: Q2 = 30, Q3 = 90.
    const own = dossier({ adjustments: [{ date: '2025-05-01', budget: { total: 150, schedule: { Q1: 10, Q2: 20, Q3: 60, Q4: 60 } } }] });
    expect(at(own, '2025-04')).to.equal('40');
    expect(at(own, 'Q2')).to.equal('30');
    expect(at(own, 'Q3')).to.equal('90');
    // A later total change without a schedule scales the adjustment's own schedule: 90/150 × 300 = 180.
    const twice = dossier({ adjustments: [{ date: '2025-05-01', budget: { total: 150, schedule: { Q1: 10, Q2: 20, Q3: 60, Q4: 60 } } }, { date: '2025-08-01', budget: { total: 300 } }] });
    expect(at(twice, 'Q3')).to.equal('180');
  });

  it('the projection of a cumulative indicator follows its milestones: on the milestones, it is the target (v1.1 §3)', () => {
    // C: target 100, milestones 10/40/70/100. On plan at Q3 (70): 70 × 100 / 70 = 100, where
    // actual / time progress would say 93.33; at Q1 a count of 12 projects to 12 × 100 / 10 = 120.
    const d = dossier();
    const obs = collectMonitoring([row('Q1', 'C', '12', 2), row('Q3', 'C', '70', 3), row('2025-08', 'C', '60', 4)], [d]);
    const [q1, aug, q3] = projectVariance(obs.projects[0], policy).periods;
    expect(q1.indicators[0].projection!.toFixed()).to.equal('120');
    expect(q3.indicators[0].projection!.toFixed()).to.equal('100');
    // 2025-08: milestone 40 + (70 − 40) × 2/3 = 60, so 60 projects to 100 as well.
    expect(aug.indicators[0].expected.toFixed()).to.equal('60');
    expect(aug.indicators[0].projection!.toFixed()).to.equal('100');
    // A zero milestone cannot be divided by: actual / time progress (2 / 0.25 = 8).
    const z = dossier({}, [{ code: 'Z', level1: 'output', level2: 'quantity', name: 'z', operator: '>=', target: 10, unit: '个', weight: 50, milestones: { Q1: 0, Q4: 10 } }]);
    expect(projectVariance(collectMonitoring([row('Q1', 'Z', '2')], [z]).projects[0], policy).periods[0].indicators[0].projection!.toFixed()).to.equal('8');
  });

  it('goal progress leaves informational (其中) rows out', () => {
    const d = dossier({}, [
      { code: 'C', level1: 'output', level2: 'quantity', name: 'count', operator: '>=', target: 100, unit: '个', weight: 50 },
      { code: 'Ca', informational: true, level1: 'output', level2: 'quantity', name: '其中', operator: '>=', target: 10, unit: '个' },
    ]);
    const per = projectVariance(collectMonitoring([row('Q2', 'C', '40', 2), row('Q2', 'Ca', '10', 3)], [d]).projects[0], policy).periods[0];
    // 40 / 100 = 40 %; with the sub-row (10 / 10) it would be 70 %.
    expect(per.goalProgress!.toFixed()).to.equal('40');
    expect(per.indicators.map((i) => [i.code, i.informational ?? false])).to.deep.equal([['C', false], ['Ca', true]]);
  });

  it('spend above the budget in force is judged at each period’s own date: a warning, the row kept (v1.1 §3)', () => {
    const d = dossier({ adjustments: [{ date: '2025-07-01', budget: { total: 200 } }] });
    const res = collectMonitoring([row('Q2', 'spend', '130', 2), row('Q3', 'spend', '130', 3)], [d]);
    expect(res.diagnostics.map((x) => `${x.code}:${x.severity}@${x.line}`)).to.deep.equal(['spend-over-budget:warning@2']);
    expect(res.projects[0].periods.map((x) => x.period.label)).to.deep.equal(['2025-Q2', '2025-Q3']);
  });

  it('spend of 10 times the budget in force or more is executed-scale: an error, the row left out (元 for 万元)', () => {
    // Budget 120 万元: 1199.99 is above it (a warning, kept); 1200 is 10 times (left out), as is
    // 1,200,000 (元 written in a 万元 dossier). Q4 then falls back to nothing: Q2's 1199.99 is the last kept.
    const d = dossier();
    const res = collectMonitoring([row('Q1', 'spend', '1200', 2), row('Q2', 'spend', '1199.99', 3), row('Q3', 'spend', '1200000', 4)], [d]);
    expect(res.diagnostics.map((x) => `${x.code}:${x.severity}@${x.line}:${String(x.args?.variant)}:${String(x.args?.times)}`)).to.deep.equal([
      'executed-scale:error@2:spend-wanyuan:10',
      'spend-over-budget:warning@3:undefined:undefined',
      'executed-scale:error@4:spend-wanyuan:10000',
    ]);
    expect(res.diagnostics[2].args).to.deep.include({ value: '1200000', asWanyuan: '120' });
    expect(res.projects[0].periods.map((x) => `${x.period.label} ${x.spend?.value.toFixed()}`)).to.deep.equal(['2025-Q2 1199.99']);
    const yuan = dossier({ budget: { unit: '元', total: 120, schedule: undefined } });
    expect(collectMonitoring([row('Q1', 'spend', '5000', 2)], [yuan]).diagnostics[0].args).to.deep.include({ variant: 'spend', times: '41' });
  });

  it('rows of projects outside the run: one error each by default (validate), or counted and ignored (variance, score)', () => {
    const rows = [row('Q1', 'spend', '10', 2, 'P-2'), row('Q1', 'spend', '10', 3, 'OTHER'), row('Q2', 'spend', '10', 4, 'P-2'), row('Q1', 'spend', '5', 5)];
    const strict = collectMonitoring(rows, [dossier()]);
    expect(strict.diagnostics.map((x) => `${x.code}@${x.line}`)).to.deep.equal(['unknown-project@2', 'unknown-project@3', 'unknown-project@4']);
    const c = new MonitoringCollector([dossier()], { foreign: 'ignore' });
    for (const r of rows) c.add(r);
    expect([...c.drain()].map((p) => p.periods.length)).to.deep.equal([1]);
    expect(c.ignored()).to.deep.equal({ rows: 3, projects: [{ code: 'OTHER' }, { code: 'P-2', suggestion: 'P-1' }], first: { file: 'm.csv', line: 2 } });
    expect(c.problems().map((x) => [x.code, x.severity, x.line, x.args?.rows, x.args?.count, x.args?.codes])).to.deep.equal([['ignored-projects', 'info', 2, 3, 2, 'OTHER, P-2 (→ P-1)']]);
    // A project of the run without any row comes out with no periods (未报送), in code order.
    const two = collectMonitoring([row('Q1', 'spend', '5', 2)], [dossier({ project: { code: 'P-9' } }), dossier()]);
    expect(two.projects.map((p) => `${p.dossier.code}:${p.periods.length}`)).to.deep.equal(['P-1:1', 'P-9:0']);
  });

  it('the checks of one file drain only the projects it has rows of, with the same problems', () => {
    // score checks every project's own file against the whole run: a batch stays linear.
    const run = [dossier({ project: { code: 'P-9' } }), dossier(), dossier({ project: { code: 'P-5' } })];
    const rows = [row('Q2', 'spend', '60', 2), row('Q3', 'spend', '50', 3)];
    const all = new MonitoringCollector(run);
    const own = new MonitoringCollector(run);
    for (const r of rows) (all.add(r), own.add(r));
    expect([...all.drain()].map((p) => p.dossier.code)).to.deep.equal(['P-1', 'P-5', 'P-9']);
    expect([...own.drain({ withoutData: false })].map((p) => `${p.dossier.code}:${p.periods.length}`)).to.deep.equal(['P-1:1']);
    expect(own.problems()).to.deep.equal(all.problems());
    expect(own.problems().map((x) => x.code)).to.deep.equal(['cumulative-decrease']);
  });

  it('the latest period of the run counts only rows that are kept', () => {
    const c = new MonitoringCollector([dossier()]);
    for (const r of [row('Q2', 'spend', '60', 2), row('Q3', 'spend', '50', 3), row('Q4', 'spend', '9999', 4)]) c.add(r);
    // Q3 falls (cumulative-decrease) and Q4 is 元 for 万元 (executed-scale): Q2 is the latest with data.
    expect(c.latestPeriod()?.label).to.equal('2025-Q2');
    expect([...c.drain()][0].periods.map((x) => x.period.label)).to.deep.equal(['2025-Q2']);
    expect(c.problems().map((x) => x.code)).to.deep.equal(['cumulative-decrease', 'executed-scale']);
  });

  it('--increments sums spend and cumulative indicators in period order, whatever the row order; levels stay', () => {
    const d = dossier();
    const rows = [row('Q2', 'spend', '20', 2), row('Q1', 'spend', '10', 3), row('Q2', 'C', '15', 4), row('Q1', 'C', '5', 5), row('Q2', 'L', '70', 6), row('Q1', 'L', '60', 7)];
    const res = collectMonitoring(rows, [d], { increments: true });
    expect(res.diagnostics).to.deep.equal([]);
    const q2 = res.projects[0].periods[1];
    expect(q2.spend!.value.toFixed()).to.equal('30');
    expect(q2.indicators.get('C')!.value.toFixed()).to.equal('20');
    expect(q2.indicators.get('L')!.value.toFixed()).to.equal('70');
    const neg = collectMonitoring([row('Q1', 'spend', '10', 2), row('Q2', 'spend', '-3', 3)], [d], { increments: true });
    expect(neg.diagnostics.map((x) => x.code)).to.deep.equal(['cumulative-decrease']);
  });

  it('matches project and metric codes case-insensitively and accepts 执行数 for spend', () => {
    const res = collectMonitoring([row('Q1', '执行数', '10', 2, 'p-1'), row('Q1', 'c', '5', 3, 'p-1')], [dossier()]);
    expect(res.diagnostics).to.deep.equal([]);
    expect(res.projects[0].periods[0].spend!.value.toFixed()).to.equal('10');
    expect(res.projects[0].periods[0].indicators.get('C')!.value.toFixed()).to.equal('5');
  });

  it('caps the diagnostics of one file and counts the rest', () => {
    const rows: MonitoringRow[] = [];
    for (let i = 0; i < MAX_MONITORING_DIAGNOSTICS + 5; i++) rows.push(row('Q1', 'spend', '1', i + 2, 'NOPE'));
    const res = collectMonitoring(rows, [dossier()]);
    expect(res.diagnostics).to.have.length(MAX_MONITORING_DIAGNOSTICS + 1);
    expect(res.diagnostics.at(-1)).to.deep.include({ code: 'monitoring-too-many-problems', args: { omitted: 5, max: MAX_MONITORING_DIAGNOSTICS } });
  });

  it('a zero expected value gives no ratio and a status by the side it is on', () => {
    const d = dossier({}, [{ code: 'Z', level1: 'output', level2: 'quantity', name: 'z', operator: '>=', target: 10, unit: '个', weight: 50, milestones: { Q1: 0, Q4: 10 } }]);
    const per = projectVariance(collectMonitoring([row('Q1', 'Z', '2')], [d]).projects[0], policy).periods[0];
    expect(per.indicators[0].ratio).to.equal(null);
    expect(per.indicators[0].status).to.equal('ahead');
  });
});

describe('core/variance: exact at thirds of a year (one division per figure)', () => {
  // A January–March project: time progress 1/3 at January's end, 2/3 at February's. 1/3 written
  // to 40 digits (0.333…3) would put these right-on-the-threshold values on the wrong side.
  const q1 = (indicators?: unknown[]) => dossier({ project: { period: { start: '2025-01-01', end: '2025-03-31' } }, budget: { total: 120, schedule: undefined } }, indicators);

  it('a ratio of exactly 0.6 is yellow, not red; a pace of exactly 0.8 is green, not yellow', () => {
    const d = q1([{ code: 'C', level1: 'output', level2: 'quantity', name: 'count', operator: '>=', target: 5, unit: '个', weight: 50 }]);
    const res = collectMonitoring([row('2025-01', 'C', '1', 2), row('2025-02', 'spend', '64', 3)], [d]);
    const [jan, feb] = projectVariance(res.projects[0], policy).periods;
    // expected 5 × 1/3; ratio 1 / (5/3) = 0.6 exactly: red is below 0.6.
    expect(jan.indicators[0].ratio!.toFixed()).to.equal('0.6');
    expect(jan.indicators[0].status).to.equal('yellow');
    // pace = (64 / 120) / (2/3) = 0.8 exactly: yellow is below 0.8.
    expect(feb.budget.pace!.toFixed()).to.equal('0.8');
    expect(feb.budget.status).to.equal('green');
  });

  it('a tie at the rounding place rounds half-up: expected 0.165 × 1/3 = 0.055 → 0.06', () => {
    const d = q1([{ code: 'C', level1: 'output', level2: 'quantity', name: 'count', operator: '>=', target: 0.165, unit: '个', weight: 50 }]);
    const res = collectMonitoring([row('2025-01', 'C', '0.05', 2)], [d]);
    const report = projectReport(res.projects[0], policy);
    expect(report.periods[0].indicators[0].expected).to.equal(0.06);
    expect(projectReport(res.projects[0], policy, { exact: true }).periods[0].indicators[0].expected).to.equal(0.06);
  });
});

describe('core/monitoring: rows for indicators without a numeric target', () => {
  it('skips them with a warning that says why: qualitative, or no numeric target', () => {
    const d = dossier({}, [
      { code: 'C', level1: 'output', level2: 'quantity', name: 'count', operator: '>=', target: 100, unit: '个', weight: 50 },
      { code: 'Q', level1: 'effect', level2: 'social', name: 'quality', operator: 'qualitative', target: '明显改善', weight: 20 },
      { code: 'T', level1: 'effect', level2: 'social', name: 'tbd', operator: '>=', target: '待定', weight: 10 },
    ]);
    const res = collectMonitoring([row('Q1', 'Q', '1', 2), row('Q1', 'T', '5', 3), row('Q1', 'C', '5', 4)], [d]);
    const warned = res.diagnostics.filter((x) => x.code === 'metric-qualitative');
    expect(warned.map((x) => [x.line, x.severity, x.args?.variant])).to.deep.equal([
      [2, 'warning', undefined],
      [3, 'warning', 'no-target'],
    ]);
    expect(res.projects[0].periods[0].indicators.get('C')!.value.toFixed()).to.equal('5');
  });
});

describe('variance catalog', () => {
  it('has every data problem, flag, status and likelihood in English and Chinese', () => {
    const keys = [
      ...MONITORING_CODES,
      'variance-no-dossiers',
      ...FLAG_CODES.flatMap((c) => (c === 'dual-monitoring-gap' ? [`${c}.money-ahead`, `${c}.results-ahead`] : [c])),
      ...['red', 'yellow', 'green', 'ahead'].map((s) => `variance.status.${s}`),
      ...['certain', 'possible', 'unlikely'].map((s) => `variance.likelihood.${s}`),
    ];
    const en: Record<string, string> = catalog.en;
    const zh: Record<string, string> = catalog.zh;
    for (const k of keys) {
      expect(en[k], `en ${k}`).to.be.a('string');
      expect(zh[k], `zh ${k}`).to.be.a('string');
    }
    expect(Object.keys(catalog.zh).sort()).to.deep.equal(Object.keys(catalog.en).sort());
    expect(catalog.zh['variance.likelihood.certain']).to.equal('确定能');
    expect(catalog.zh['variance.likelihood.unlikely']).to.equal('不可能');
  });
});


describe('core/monitoring properties', () => {
  const d = dossier({ budget: { total: 1000, schedule: { Q1: 250, Q2: 250, Q3: 250, Q4: 250 } } });
  const cents = fc.integer({ min: 0, max: 25000 }); // an increment of 0 … 250.00
  const amounts = fc.array(cents, { minLength: 4, maxLength: 4 });
  const text = (c: number) => (c / 100).toString();

  it('cumulative values and their --increments give the same observations, in any row order', () => {
    fc.assert(
      fc.property(amounts, amounts, fc.integer(), (spend, count, seed) => {
        const rows = (values: number[], cumulative: boolean): MonitoringRow[] => {
          let run = 0;
          const out: MonitoringRow[] = [];
          values.forEach((v, q) => {
            run += v;
            out.push(row(`Q${q + 1}`, 'spend', text(cumulative ? run : v), 2 + q));
          });
          return out;
        };
        const counts = (values: number[], cumulative: boolean): MonitoringRow[] => {
          let run = 0;
          return values.map((v, q) => ((run += v), row(`Q${q + 1}`, 'C', String(cumulative ? run : v), 10 + q)));
        };
        const a = collectMonitoring([...rows(spend, true), ...counts(count, true)], [d]);
        const shuffled = [...rows(spend, false), ...counts(count, false)].sort((x, y) => ((x.line * 7919 + seed) % 13) - ((y.line * 7919 + seed) % 13));
        const b = collectMonitoring(shuffled, [d], { increments: true });
        expect(b.diagnostics).to.deep.equal(a.diagnostics);
        const show = (r: typeof a) => r.projects.flatMap((p) => p.periods.map((x) => `${x.period.label} ${x.spend?.value.toFixed()} ${x.indicators.get('C')?.value.toFixed()}`));
        expect(show(b)).to.deep.equal(show(a));
      }),
      { numRuns: 200 },
    );
  });

  it('a row is either an observation or a diagnostic, never dropped silently', () => {
    const metric = fc.constantFrom('spend', 'C', 'L', 'X');
    const period = fc.constantFrom('Q1', 'Q2', 'Q3', 'Q4', '2025-05', '2026-Q1', 'Q9');
    const value = fc.integer({ min: 0, max: 2000 }).map(String);
    fc.assert(
      fc.property(fc.array(fc.tuple(period, metric, value), { maxLength: 30 }), (specs) => {
        const rows = specs.map(([p, m, v], i) => row(p, m, v, i + 2));
        const res = collectMonitoring(rows, [d]);
        const observed = res.projects.flatMap((p) => p.periods.flatMap((x) => [...(x.spend ? [x.spend] : []), ...x.indicators.values()])).map((o) => o.line);
        // Plausibility warnings (a level above 100 %) keep their row: they are not a verdict on it.
        const kept = new Set(['value-percent-unit', 'value-percent-range', 'value-negative', 'spend-over-budget']);
        const reported = res.diagnostics.filter((x) => !kept.has(x.code)).map((x) => x.line ?? 0);
        expect([...observed, ...reported].sort((x, y) => x - y)).to.deep.equal(rows.map((r) => r.line));
        for (const w of res.diagnostics.filter((x) => kept.has(x.code))) expect(observed).to.include(w.line);
      }),
      { numRuns: 300 },
    );
  });
});
