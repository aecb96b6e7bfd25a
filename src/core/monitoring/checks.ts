// Data problems of monitoring CSV rows against the dossiers of the run (FORMATS.md §2.2), for
// `bpm validate`: the same collector that `bpm variance` uses, so both report the same problems.
import type { Diagnostic } from '../diagnostics.js';
import type { MonitoringRow } from './data.js';
import { MonitoringCollector } from './collector.js';
import type { RuleContext } from '../rules/index.js';

export function checkMonitoring(rows: readonly MonitoringRow[], ctx: RuleContext): Diagnostic[] {
  // Without a dossier in the run there is nothing to check project and metric codes against
  // (validating a lone CSV file checks its syntax only).
  if (ctx.dossiers.length === 0) return [];
  const c = new MonitoringCollector(ctx.dossiers);
  for (const r of rows) c.add(r);
  // Each project's values are checked and released in turn; only the problems are kept.
  for (const _ of c.drain()) void _;
  return c.problems();
}
