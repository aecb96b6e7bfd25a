// The flags of a monitoring period (docs/rules.md#monitoring-flags): what needs a reason (偏差原因) or an
// adjustment (动态调整). Codes and arguments only; the wording is in the variance catalog.
// Both variance engines (exact decimals in variance.ts, checked doubles in variance-fast.ts)
// decide the facts below on exact values and hand them here, so the flags have one definition.
import type { Severity } from '../diagnostics.js';
import type { Policy } from '../model/policy.js';
import type { Flag, IndicatorStatus, Likelihood, Status } from './variance.js';

/** Every flag code (messages in the variance catalog, keyed by the code). */
export const FLAG_CODES = [
  'spend-missing',
  'budget-pace-red',
  'budget-pace-yellow',
  'dual-monitoring-gap',
  'indicator-reason-missing',
  'likelihood-reason-missing',
  'target-unlikely',
  'indicator-ahead',
  'indicator-missing',
] as const;
export type FlagCode = (typeof FLAG_CODES)[number];

/** Which of budget and goal progress runs ahead, for the dual-monitoring gap: the variant of its message. */
export type GapDirection = 'money-ahead' | 'results-ahead';

/**
 * The message keys of the flags: the code, for the dual-monitoring gap one per direction, and
 * for a budget pace whose spend row has a note, the variant that quotes it.
 */
export type FlagMessageKey = Exclude<FlagCode, 'dual-monitoring-gap'> | `dual-monitoring-gap.${GapDirection}` | `budget-pace-${'red' | 'yellow'}.explained`;

/**
 * What the flags of a period are made from. Numbers for messages are already rounded half-up to
 * 2 places (null: unknown); statuses and the gap test were decided on exact values.
 */
export interface FlagFacts {
  period: string;
  budget: {
    /** No spend row for the period. */
    missing: boolean;
    status: Status | null;
    /** The spend row's note (偏差原因), if it has one. */
    note?: string;
    pace: number | null;
    executionRate: number | null;
    /** Time progress × 100. */
    timeProgress: number;
  };
  /** The dual-monitoring gap, when it exceeds the policy's threshold. */
  gap: { positive: boolean; executionRate: number | null; goalProgress: number | null; gap: number } | null;
  indicators: FlagIndicator[];
}

export interface FlagIndicator {
  code: string;
  name: string;
  unit?: string;
  /** No value for the period. */
  missing: boolean;
  status: IndicatorStatus | null;
  likelihood: Likelihood | null;
  explained: boolean;
  /** Ratio × 100. */
  ratio: number | null;
  projection: number | null;
  /** The target in force, as written. */
  target: string;
}

/** What needs a reason (偏差原因) or an adjustment (动态调整), in a fixed order. */
export function flags(f: FlagFacts, policy: Policy): Flag[] {
  const out: Flag[] = [];
  const b = f.budget;
  if (b.missing) out.push({ code: 'spend-missing', severity: 'info', args: { period: f.period } });
  if (b.status === 'red' || b.status === 'yellow') {
    out.push({
      code: b.status === 'red' ? 'budget-pace-red' : 'budget-pace-yellow',
      severity: b.status === 'red' ? 'error' : 'warning',
      // A reason given in the spend row's note is quoted, not asked for.
      args: { pace: show(b.pace), executionRate: show(b.executionRate), timeProgress: show(b.timeProgress), ...(b.note !== undefined ? { note: b.note, variant: 'explained' } : {}) },
    });
  }
  if (f.gap !== null) {
    out.push({
      code: 'dual-monitoring-gap',
      severity: 'warning',
      args: {
        executionRate: show(f.gap.executionRate),
        goalProgress: show(f.gap.goalProgress),
        gap: show(f.gap.gap),
        threshold: policy.monitoring.dualGap.toFixed(),
        direction: f.gap.positive ? 'money-ahead' : 'results-ahead',
      },
    });
  }
  const missing: string[] = [];
  for (const i of f.indicators) {
    if (i.missing) {
      missing.push(i.code);
      continue;
    }
    const explained = i.explained;
    if ((i.status === 'red' || i.status === 'yellow') && !explained) {
      out.push({ code: 'indicator-reason-missing', severity: severityOf(i.status), indicator: i.code, args: { indicator: i.code, name: i.name, status: i.status, ratio: show(i.ratio) } });
    } else if ((i.likelihood === 'possible' || i.likelihood === 'unlikely') && !explained) {
      out.push({ code: 'likelihood-reason-missing', severity: 'warning', indicator: i.code, args: { indicator: i.code, name: i.name, likelihood: i.likelihood } });
    }
    if (i.likelihood === 'unlikely') {
      out.push({ code: 'target-unlikely', severity: 'warning', indicator: i.code, args: { indicator: i.code, name: i.name, projection: show(i.projection), target: i.target, unit: i.unit ?? '' } });
    }
    if (i.status === 'ahead') {
      out.push({ code: 'indicator-ahead', severity: 'info', indicator: i.code, args: { indicator: i.code, name: i.name, ratio: show(i.ratio) } });
    }
  }
  if (missing.length > 0) out.push({ code: 'indicator-missing', severity: 'info', args: { indicators: missing.join(', '), count: missing.length } });
  return out;
}

function severityOf(status: 'red' | 'yellow'): Severity {
  return status === 'red' ? 'error' : 'warning';
}

/** A number for a message (already rounded to 2 places): plain notation, or — when unknown. */
function show(x: number | null): string {
  return x === null ? '—' : plain(x);
}

/** Plain decimal text of a double (no exponent): String(x) for every ordinary value. */
export function plain(x: number): string {
  const s = String(x);
  if (!s.includes('e')) return s;
  // 1e21 and up, or below 1e-6: spell the digits out (the shortest round-trip digits, shifted).
  const [mant, expText] = s.split('e');
  const exp = Number(expText);
  const neg = mant.startsWith('-');
  const [int, frac = ''] = (neg ? mant.slice(1) : mant).split('.');
  const digits = int + frac;
  const point = int.length + exp;
  const body = point <= 0 ? '0.' + '0'.repeat(-point) + digits : point >= digits.length ? digits + '0'.repeat(point - digits.length) : digits.slice(0, point) + '.' + digits.slice(point);
  return (neg ? '-' : '') + body;
}
