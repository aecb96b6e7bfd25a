// `--project CODE` (repeatable) of variance and score: the run narrowed to those projects.
import type { Dossier, Evaluation } from '../core/model/model.js';
import { selectProjects, type Selection } from '../core/model/select.js';
import { UsageError } from '../errors.js';

/** The narrowed run, or undefined for the whole run; a code that no loaded dossier has is a usage error (exit 2). */
export function narrowRun(dossiers: readonly Dossier[], evaluations: readonly Evaluation[], codes: readonly string[] | undefined, invalid?: ReadonlyMap<string, string>): Selection | undefined {
  if (codes === undefined || codes.length === 0) return undefined;
  const sel = selectProjects(dossiers, evaluations, codes, invalid);
  const miss = sel.unknown[0];
  if (miss !== undefined) throw new UsageError(miss.suggestion === undefined ? 'project-not-found' : 'project-not-found.suggested', { project: miss.code, suggestion: miss.suggestion ?? null });
  return sel;
}
