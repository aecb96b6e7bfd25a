import { compare, HUNDRED, ONE, text, ZERO } from '../decimal.js';
import type { DossierRule, Finding } from './types.js';

const CODES = ['percent-as-fraction'] as const;
type Code = (typeof CODES)[number];

/**
 * A percentage written as a fraction: `target: 0.95, unit: "%"` means 0.95 per cent, but the goal
 * meant 95 %; `operator: "=", target: 1` for a pass rate of 100 % is the same slip. A target of
 * 1 % or less on a rate that should be high (≥ or =) is flagged; a small ceiling (≤ 0.5 % error
 * rate) is a real target and is left alone. When the goal or the indicator's name prints the
 * figure as a percentage, the message says so.
 */
export const percentAsFraction: DossierRule<Code> = {
  id: 'percent-as-fraction',
  severity: 'warning',
  scope: 'dossier',
  codes: CODES,
  check(d) {
    const out: Finding<Code>[] = [];
    d.indicators.forEach((ind, i) => {
      if (ind.unit?.trim() !== '%' || ind.target === null) return;
      if (ind.operator !== '>=' && ind.operator !== '=') return;
      const t = ind.target;
      if (!(compare(t, ZERO) > 0) || compare(t, ONE) > 0) return;
      const percent = text(t.times(HUNDRED));
      // "95%", "95 %", "95％" in the goal or the name: the writer meant that figure.
      const printed = new RegExp(`(^|[^0-9.])${percent.replace('.', '\\.')}\\s*[%％]`).test(`${d.goal} ${ind.name}`);
      out.push({ file: d.origin.file, path: `/indicators/${i}/target`, code: 'percent-as-fraction', args: { indicator: ind.code, target: text(t), percent, ...(printed ? { variant: 'printed' } : {}) } });
    });
    return out;
  },
};
