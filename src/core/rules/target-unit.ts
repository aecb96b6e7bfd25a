import { compare, HUNDRED, text } from '../decimal.js';
import { escapePointer } from '../model/normalise.js';
import type { DossierRule, Finding } from './types.js';

const CODES = ['target-unit-missing', 'percent-out-of-range', 'target-not-number'] as const;
type Code = (typeof CODES)[number];

/**
 * A numeric target needs a unit, a "%" target lies in 0-100, and a quantitative operator needs
 * a numeric target (text belongs to qualitative indicators) — adjusted targets included.
 */
export const targetUnit: DossierRule<Code> = {
  id: 'target-unit',
  severity: 'error',
  scope: 'dossier',
  codes: CODES,
  check(d) {
    const out: Finding<Code>[] = [];
    d.indicators.forEach((ind, i) => {
      if (ind.operator === 'qualitative') return;
      const base = `/indicators/${i}`;
      if (!ind.target) {
        out.push({ file: d.origin.file, path: `${base}/target`, code: 'target-not-number', args: { indicator: ind.code, target: ind.targetText, operator: ind.operator } });
        return;
      }
      if (!ind.unit || ind.unit.trim() === '') {
        out.push({ file: d.origin.file, path: base, code: 'target-unit-missing', args: { indicator: ind.code, target: text(ind.target) } });
      } else if (ind.unit.trim() === '%' && (ind.target.isNegative() || compare(ind.target, HUNDRED) > 0)) {
        out.push({ file: d.origin.file, path: `${base}/target`, code: 'percent-out-of-range', args: { indicator: ind.code, target: text(ind.target) } });
      }
    });
    // An adjusted target follows the same rules as the target it replaces.
    if (d.adjustments.length === 0) return out;
    const byCode = new Map(d.indicators.map((ind) => [ind.code, ind]));
    d.adjustments.forEach((a, i) => {
      for (const [code, patch] of Object.entries(a.indicators)) {
        const ind = byCode.get(code);
        if (!ind || ind.operator === 'qualitative' || patch.targetText === undefined) continue;
        const path = `/adjustments/${i}/indicators/${escapePointer(code)}/target`;
        if (!patch.target) out.push({ file: d.origin.file, path, code: 'target-not-number', args: { indicator: code, target: patch.targetText, operator: ind.operator } });
        else if (ind.unit?.trim() === '%' && (patch.target.isNegative() || patch.target.greaterThan(100))) {
          out.push({ file: d.origin.file, path, code: 'percent-out-of-range', args: { indicator: code, target: text(patch.target) } });
        }
      }
    });
    return out;
  },
};
