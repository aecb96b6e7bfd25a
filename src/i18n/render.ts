// Turns diagnostics (code + args) into sentences in the chosen language.
import type { Diagnostic } from '../core/diagnostics.js';
import { hasMessage, message, t, type Lang } from './index.js';

export function renderMessage(d: Diagnostic, lang: Lang): string {
  const suggestion = d.args?.suggestion;
  const hinted = suggestion !== undefined && suggestion !== null && suggestion !== '';
  // With a did-you-mean hint, a shorter form of the message (if the catalog has one) reads better.
  // A finding may name a variant of its code's message (`grade-bands.order`): same code, a
  // sentence that fits the case better.
  const variant = typeof d.args?.variant === 'string' ? `${d.code}.${d.args.variant}` : undefined;
  let key = d.code;
  if (variant && hasMessage(variant)) key = variant;
  else if (hinted && hasMessage(`${d.code}.suggested`)) key = `${d.code}.suggested`;
  let msg = message(lang, key, d.args ?? {});
  if (hinted) msg += t(lang, 'hint.did-you-mean', { suggestion });
  return msg;
}

/** Copies with `message` filled in. */
export function renderDiagnostics(list: readonly Diagnostic[], lang: Lang): Diagnostic[] {
  return list.map((d) => ({ ...d, message: renderMessage(d, lang) }));
}
