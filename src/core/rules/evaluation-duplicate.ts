import { ROLE_ZH } from '../model/aliases.js';
import type { BatchRule, Finding } from './types.js';

/** One evaluation per project and evaluator in a run; a second one would be ambiguous. */
export const evaluationDuplicate: BatchRule = {
  id: 'evaluation-duplicate',
  severity: 'error',
  scope: 'batch',
  check(ctx) {
    const seen = new Map<string, string>();
    const out: Finding[] = [];
    const sorted = [...ctx.evaluations].sort((a, b) => (a.origin.file < b.origin.file ? -1 : 1));
    for (const e of sorted) {
      const key = `${e.project}\u0000${e.evaluator}`;
      const first = seen.get(key);
      if (first === undefined) seen.set(key, e.origin.file);
      else out.push({ file: e.origin.file, path: '/project', args: { project: e.project, evaluator: e.evaluator, evaluatorZh: ROLE_ZH[e.evaluator], other: first } });
    }
    return out;
  },
};
