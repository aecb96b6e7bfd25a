// Turns diagnostics (code + args) into sentences in the chosen language.
import type { Diagnostic } from '../core/diagnostics.js';
import { t, type Lang } from './index.js';

export function renderMessage(d: Diagnostic, lang: Lang): string {
  let msg = t(lang, d.code, d.args ?? {});
  const suggestion = d.args?.suggestion;
  if (suggestion !== undefined && suggestion !== null && suggestion !== '') msg += t(lang, 'hint.did-you-mean', { suggestion });
  return msg;
}

/** Copies with `message` filled in. */
export function renderDiagnostics(list: readonly Diagnostic[], lang: Lang): Diagnostic[] {
  return list.map((d) => ({ ...d, message: renderMessage(d, lang) }));
}
