// The flags of a monitoring period (DOMAIN.md §5): what needs a reason (偏差原因) or an
// adjustment (动态调整). Codes and arguments only; the wording is in the variance catalog.
import { D, HUNDRED, type Dec } from './decimal.js';
import type { Policy } from './policy.js';
import type { Flag, PeriodVariance } from './variance.js';

/** Every flag code (messages: `vflag.<code>` in the variance catalog; the dual gap has two). */
export const FLAG_CODES = [
  'spend-missing',
  'budget-pace-red',
  'budget-pace-yellow',
  'dual-monitoring-gap.money-ahead',
  'dual-monitoring-gap.results-ahead',
  'indicator-reason-missing',
  'likelihood-reason-missing',
  'target-unlikely',
  'indicator-ahead',
  'indicator-missing',
] as const;

/** What needs a reason (偏差原因) or an adjustment (动态调整), in a fixed order. */
export function flags(v: PeriodVariance, policy: Policy): Flag[] {
  const out: Flag[] = [];
  const b = v.budget;
  if (b.actual === null) out.push({ code: 'spend-missing', severity: 'info', args: { period: v.period } });
  if (b.status === 'red' || b.status === 'yellow') {
    out.push({
      code: b.status === 'red' ? 'budget-pace-red' : 'budget-pace-yellow',
      severity: b.status === 'red' ? 'error' : 'warning',
      args: { pace: show(b.pace), executionRate: show(b.executionRate), timeProgress: show(v.timeProgress.times(HUNDRED)), explained: b.note !== undefined },
    });
  }
  if (v.dualGap !== null && v.dualGap.abs().greaterThan(policy.monitoring.dualGap)) {
    out.push({
      code: 'dual-monitoring-gap',
      severity: 'warning',
      args: {
        executionRate: show(v.budget.executionRate),
        goalProgress: show(v.goalProgress),
        gap: show(v.dualGap.abs()),
        threshold: policy.monitoring.dualGap.toFixed(),
        direction: v.dualGap.isPositive() ? 'money-ahead' : 'results-ahead',
      },
    });
  }
  const missing: string[] = [];
  for (const i of v.indicators) {
    if (i.actual === null) {
      missing.push(i.code);
      continue;
    }
    const base = { indicator: i.code, name: i.name };
    if ((i.status === 'red' || i.status === 'yellow') && i.note === undefined) {
      out.push({ code: 'indicator-reason-missing', severity: i.status === 'red' ? 'error' : 'warning', indicator: i.code, args: { ...base, status: i.status, ratio: show(i.ratio === null ? null : i.ratio.times(HUNDRED)) } });
    } else if ((i.likelihood === 'possible' || i.likelihood === 'unlikely') && i.note === undefined) {
      out.push({ code: 'likelihood-reason-missing', severity: 'warning', indicator: i.code, args: { ...base, likelihood: i.likelihood } });
    }
    if (i.likelihood === 'unlikely') {
      out.push({ code: 'target-unlikely', severity: 'warning', indicator: i.code, args: { ...base, projection: show(i.projection), target: i.target.toFixed(), unit: i.unit ?? '' } });
    }
    if (i.status === 'ahead') {
      out.push({ code: 'indicator-ahead', severity: 'info', indicator: i.code, args: { ...base, ratio: show(i.ratio === null ? null : i.ratio.times(HUNDRED)) } });
    }
  }
  if (missing.length > 0) out.push({ code: 'indicator-missing', severity: 'info', args: { indicators: missing.join(', '), count: missing.length } });
  return out;
}

/** A number for a message: half-up to 2 places, plain notation. */
function show(x: Dec | null): string {
  return x === null ? '—' : x.toDecimalPlaces(2, D.ROUND_HALF_UP).toFixed();
}

