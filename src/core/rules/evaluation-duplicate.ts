import { ROLE_ZH } from '../model/aliases.js';
import type { BatchRule, Finding } from './types.js';

const CODES = ['evaluation-duplicate'] as const;
type Code = (typeof CODES)[number];

/** One evaluation per project and evaluator in a run; a second one would be ambiguous. */
export const evaluationDuplicate: BatchRule<Code> = {
  id: 'evaluation-duplicate',
  severity: 'error',
  scope: 'batch',
  codes: CODES,
  check(ctx) {
    const seen = new Map<string, string>();
    const out: Finding<Code>[] = [];
    const sorted = [...ctx.evaluations].sort((a, b) => (a.origin.file < b.origin.file ? -1 : 1));
    for (const e of sorted) {
      const key = `${e.project}\u0000${e.evaluator}`;
      const first = seen.get(key);
      if (first === undefined) seen.set(key, e.origin.file);
      else out.push({ code: 'evaluation-duplicate', file: e.origin.file, path: '/project', args: { project: e.project, evaluator: e.evaluator, evaluatorZh: ROLE_ZH[e.evaluator], other: first } });
    }
    return out;
  },
};
