// Expert panels (专家评分): individual scores combined by the policy's method. The trimmed mean
// drops one highest and one lowest score when there are at least `minRaters` raters (common
// practice in 重点评价 panels); with fewer raters it falls back to the plain mean.
import { D, type Dec, sum } from '../decimal.js';
import type { Policy } from '../model/policy.js';
import type { PanelResult } from './types.js';

export function combinePanel(scores: readonly Dec[], panel: Policy['panel']): PanelResult {
  const sorted = [...scores].sort((a, b) => a.comparedTo(b));
  const spread = sorted.length ? sorted[sorted.length - 1].minus(sorted[0]) : new D(0);
  let used = sorted;
  let combined: Dec;
  if (panel.method === 'median') {
    const n = sorted.length;
    combined = n % 2 === 1 ? sorted[(n - 1) / 2] : sorted[n / 2 - 1].plus(sorted[n / 2]).dividedBy(2);
  } else {
    if (panel.method === 'trimmed-mean' && sorted.length >= Math.max(panel.minRaters, 3)) used = sorted.slice(1, -1);
    combined = used.length ? sum(used).dividedBy(used.length) : new D(0);
  }
  return { scores: [...scores], method: panel.method, used, combined, spread };
}
