import type { DossierRule, Finding } from './types.js';

const CODES = ['indicator-code-duplicate'] as const;
type Code = (typeof CODES)[number];

/** Indicator codes are unique in a dossier: actuals and monitoring data are keyed by them. */
export const indicatorCodeDuplicate: DossierRule<Code> = {
  id: 'indicator-code-duplicate',
  severity: 'error',
  scope: 'dossier',
  codes: CODES,
  check(d) {
    const first = new Map<string, number>();
    const out: Finding<Code>[] = [];
    d.indicators.forEach((ind, i) => {
      const prev = first.get(ind.code);
      if (prev === undefined) first.set(ind.code, i);
      else out.push({ code: 'indicator-code-duplicate', file: d.origin.file, path: `/indicators/${i}/code`, args: { code: ind.code, first: prev + 1 } });
    });
    return out;
  },
};
