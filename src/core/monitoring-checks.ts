// Data problems of monitoring CSV rows against the dossiers of the run (FORMATS.md §2.2).
// Placeholder until the monitoring module lands: see checkMonitoring in the variance work.
import type { Diagnostic } from './diagnostics.js';
import type { RuleContext } from './rules/index.js';
import type { MonitoringRow } from '../io/csv.js';

export function checkMonitoring(_rows: readonly MonitoringRow[], _ctx: RuleContext): Diagnostic[] {
  return [];
}
