import { escapePointer } from '../model/normalise.js';
import { suggest } from '../suggest.js';
import type { EvaluationRule, Finding } from './types.js';

const CODES = ['evaluation-unknown-project', 'evaluation-unknown-indicator'] as const;
type Code = (typeof CODES)[number];

/**
 * An Evaluation's project exists as a dossier in the same run, and every indicator code it
 * names (actuals, panels, claimed scores) exists in that dossier.
 */
export const evaluationRefs: EvaluationRule<Code> = {
  id: 'evaluation-refs',
  severity: 'error',
  scope: 'evaluation',
  codes: CODES,
  check(e, ctx) {
    const file = e.origin.file;
    const d = ctx.dossierByCode.get(e.project);
    if (!d) {
      // Its dossier is here but broken: the schema errors there come first.
      if (ctx.invalidDossierCodes?.has(e.project)) return [];
      return [{ file, path: '/project', code: 'evaluation-unknown-project', args: { project: e.project, suggestion: suggest(e.project, ctx.dossierByCode.keys()) ?? null } }];
    }
    const codes = d.indicators.map((i) => i.code);
    const known = new Set(codes);
    const out: Finding<Code>[] = [];
    const check = (section: string, code: string) => {
      if (!known.has(code)) out.push({ file, path: `/${section}/${escapePointer(code)}`, key: true, code: 'evaluation-unknown-indicator', args: { indicator: code, project: e.project, suggestion: suggest(code, codes) ?? null } });
    };
    for (const code of Object.keys(e.actuals)) check('actuals', code);
    for (const code of Object.keys(e.panels)) check('panels', code);
    for (const code of Object.keys(e.claimed?.indicators ?? {})) check('claimed/indicators', code);
    return out;
  },
};
