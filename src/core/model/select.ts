// `--project CODE` (repeatable, docs/formats.md#monitoring-data-csv): a run narrowed to some of the projects it
// loaded. Codes match as the monitoring data matches them (exactly, else ignoring case).
import { suggest } from '../suggest.js';
import type { Dossier, Evaluation } from './model.js';

export interface Selection {
  /** The dossiers of the narrowed run, in their loaded order. */
  dossiers: Dossier[];
  /** Codes (lower-cased) of the dossiers loaded but left out: their data rows are skipped silently. */
  skipped: Set<string>;
  /** Files of the projects left out (dossiers and their evaluations): their problems are not the run's. */
  skippedFiles: Set<string>;
  /** Codes asked for that no loaded dossier has, with the closest loaded code. */
  unknown: { code: string; suggestion?: string }[];
}

/**
 * `invalid`: dossiers that failed their schema (not in `dossiers`), file → project code: their
 * problems belong to their project too.
 */
export function selectProjects(dossiers: readonly Dossier[], evaluations: readonly Evaluation[], codes: readonly string[], invalid: ReadonlyMap<string, string> = new Map()): Selection {
  const wanted = new Set(codes.map((c) => c.toLowerCase()));
  const loaded = new Set([...dossiers.map((d) => d.code.toLowerCase()), ...[...invalid.values()].map((c) => c.toLowerCase())]);
  const selected = dossiers.filter((d) => wanted.has(d.code.toLowerCase()));
  const skipped = new Set([...loaded].filter((c) => !wanted.has(c)));
  const skippedFiles = new Set<string>();
  for (const d of dossiers) if (skipped.has(d.code.toLowerCase())) skippedFiles.add(d.origin.file);
  for (const e of evaluations) if (skipped.has(e.project.toLowerCase())) skippedFiles.add(e.origin.file);
  for (const [file, code] of invalid) if (skipped.has(code.toLowerCase())) skippedFiles.add(file);
  const unknown = codes
    .filter((c) => !loaded.has(c.toLowerCase()))
    .map((code) => {
      const suggestion = suggest(code, dossiers.map((d) => d.code));
      return suggestion === undefined ? { code } : { code, suggestion };
    });
  return { dossiers: selected, skipped, skippedFiles, unknown };
}
