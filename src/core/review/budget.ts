// Budget consistency (预算与目标匹配): the money side of the dossier agrees with itself and with
// the goals.
//   fraction = 0.2 × (a quarterly schedule is given)
//            + 0.3 × (the schedule adds up to the total; 1 without a schedule)
//            + 0.2 × (sources add up: 1; no sources given: 0.5; not adding up: 0)
//            + 0.2 × consistent cost indicators / cost indicators checked
//            + 0.1 × (the schedule is neither front- nor back-loaded)
// A cost indicator ("<=" or "=", unit money per quantity, e.g. 6.5 万元/场) is checked against
// the output indicator measured in the same quantity (50 场): cost target × output target is
// what the goals say the project costs; off the budget total by more than review.costBudgetFactor
// either way, one of the three numbers is wrong. A quarter holding more than
// review.maxQuarterShare of the budget is front-loaded (Q1) or back-loaded (Q4: 年底突击花钱).
import { D, round, sum, text, type Dec } from '../decimal.js';
import { QUARTERS, type Dossier, type Indicator } from '../model/model.js';
import { blend, finder, isNumeric, pathOf, share } from './shared.js';
import { costUnit, moneyFactor, quantityUnit } from './units.js';
import type { Dimension, ReviewFinding } from './types.js';

/** The output indicator counted in the cost indicator's quantity unit (quantity indicators first). */
function outputFor(d: Dossier, base: string): (Indicator & { target: Dec }) | undefined {
  const candidates = d.indicators.filter(
    (i): i is Indicator & { target: Dec } => isNumeric(i) && i.operator !== '<=' && (i.level1 === 'output' || i.level1 === 'effect') && quantityUnit(i.unit)?.base === base,
  );
  return candidates.find((i) => i.level1 === 'output' && i.level2 === 'quantity') ?? candidates[0];
}

const CODES = ['review-no-schedule', 'review-schedule-sum', 'review-schedule-front-loaded', 'review-schedule-back-loaded', 'review-no-sources', 'review-sources-sum', 'review-cost-budget-mismatch'] as const;
type Code = (typeof CODES)[number];

export const budget: Dimension<Code> = {
  name: 'budget',
  codes: CODES,
  review(d: Dossier, ctx) {
    const findings: ReviewFinding<Code>[] = [];
    const add = finder(d, 'budget', findings);
    const b = d.budget;
    const r = ctx.policy.review;

    const sch = b.schedule;
    let scheduleAdds = true;
    const shares: Record<string, Dec> = {};
    let loaded = false;
    if (!sch) add('suggestion', 'review-no-schedule', '/budget', { total: text(b.total), unit: b.unit });
    else {
      const s = sum(QUARTERS.map((q) => sch[q] ?? new D(0)));
      if (!s.equals(b.total)) {
        scheduleAdds = false;
        add('required', 'review-schedule-sum', '/budget/schedule', { sum: text(s), total: text(b.total), unit: b.unit, difference: text(s.minus(b.total)) }, 'budget-schedule-sum');
      }
      if (s.greaterThan(0)) {
        for (const q of QUARTERS) shares[q] = (sch[q] ?? new D(0)).dividedBy(s);
        for (const [q, code] of [['Q1', 'review-schedule-front-loaded'], ['Q4', 'review-schedule-back-loaded']] as const) {
          if (shares[q].greaterThan(r.maxQuarterShare)) {
            loaded = true;
            add('suggestion', code, `/budget/schedule/${q}`, { quarter: q, share: text(round(shares[q].times(100), 1)), maximum: text(r.maxQuarterShare.times(100)) });
          }
        }
      }
    }

    let sourcesPart = new D(1);
    if (b.sources.length === 0) {
      sourcesPart = new D(0.5);
      add('suggestion', 'review-no-sources', '/budget', {});
    } else {
      const s = sum(b.sources.map((x) => x.amount));
      if (!s.equals(b.total)) {
        sourcesPart = new D(0);
        add('required', 'review-sources-sum', '/budget/sources', { sum: text(s), total: text(b.total), unit: b.unit, difference: text(s.minus(b.total)) }, 'budget-sources-sum');
      }
    }

    const checks: Record<string, unknown>[] = [];
    let consistent = 0;
    const budgetYuan = moneyFactor(b.unit)?.times(b.total);
    for (const ind of d.indicators) {
      if (!isNumeric(ind) || ind.operator === '>=' || !budgetYuan || budgetYuan.isZero()) continue;
      const cu = costUnit(ind.unit);
      if (!cu) continue;
      const out = outputFor(d, cu.per.base);
      const outQ = out ? quantityUnit(out.unit) : undefined;
      if (!out || !outQ) continue;
      // 元 = (元 per money unit × cost) × (output in base units) / (base units per cost denominator)
      const impliedYuan = ind.target.times(cu.money).times(out.target.times(outQ.factor)).dividedBy(cu.per.factor);
      const ratio = impliedYuan.dividedBy(budgetYuan);
      const implied = impliedYuan.dividedBy(moneyFactor(b.unit) as Dec);
      const ok = ratio.lessThanOrEqualTo(r.costBudgetFactor) && ratio.greaterThanOrEqualTo(new D(1).dividedBy(r.costBudgetFactor));
      checks.push({ indicator: ind.code, output: out.code, implied: round(implied, 2), ratio: round(ratio, 2), consistent: ok });
      if (ok) consistent++;
      else {
        add('required', 'review-cost-budget-mismatch', `${pathOf(ind)}/target`, {
          indicator: ind.code,
          cost: text(ind.target),
          costUnit: ind.unit ?? '',
          output: out.code,
          quantity: text(out.target),
          quantityUnit: out.unit ?? '',
          implied: text(round(implied, 2)),
          total: text(b.total),
          unit: b.unit,
          ratio: text(round(ratio, 2)),
          factor: text(r.costBudgetFactor),
        });
      }
    }

    return {
      fraction: blend([
        [0.2, new D(sch ? 1 : 0)],
        [0.3, new D(scheduleAdds ? 1 : 0)],
        [0.2, sourcesPart],
        [0.2, share(consistent, checks.length)],
        [0.1, new D(loaded ? 0 : 1)],
      ]),
      facts: {
        total: b.total,
        unit: b.unit,
        schedule: sch ? Object.fromEntries(QUARTERS.map((q) => [q, round((shares[q] ?? new D(0)).times(100), 1)])) : null,
        sources: b.sources.length,
        costChecks: checks,
      },
      findings,
    };
  },
};
