import type { DossierRule, Finding } from './types.js';

/**
 * Words that make a goal unmeasurable when no number goes with them (seed §二(一)1:
 * "提高市民文化素养" is vague; "一年内举办至少50场…" is clear).
 */
export const VAGUE_WORDS = ['进一步', '提高', '加强', '有所', '显著', '明显'];

/** The vague phrases of `s` whose clause holds no number, e.g. ['提高市民文化素养']. */
export function vaguePhrases(s: string): string[] {
  const found: string[] = [];
  // A clause ends at Chinese or Western punctuation; a number anywhere in it makes it concrete.
  for (const clause of s.split(/[,，;；。!！?？、\n]/)) {
    if (/[0-9０-９]|[一二三四五六七八九十百千万]+(?:个|场|项|所|次|人|户|家|座|公里|平方米|%|成)/.test(clause)) continue;
    const w = VAGUE_WORDS.find((v) => clause.includes(v));
    if (w) found.push(clause.trim());
  }
  return found;
}

export function hasNumber(s: string): boolean {
  return /[0-9０-９]/.test(s);
}

/**
 * Vague goals and qualitative targets (warnings that quote the vague phrase and say how to fix
 * it), and a goal with no number at all.
 */
export const vague: DossierRule = {
  id: 'vague',
  severity: 'warning',
  scope: 'dossier',
  codes: ['vague-goal', 'goal-no-number', 'vague-target'],
  check(d) {
    const out: Finding[] = [];
    for (const phrase of vaguePhrases(d.goal)) out.push({ file: d.origin.file, path: '/goal', code: 'vague-goal', args: { phrase } });
    if (!hasNumber(d.goal)) out.push({ file: d.origin.file, path: '/goal', code: 'goal-no-number', args: {} });
    d.indicators.forEach((ind, i) => {
      if (ind.operator !== 'qualitative') return;
      for (const phrase of vaguePhrases(ind.targetText)) {
        out.push({ file: d.origin.file, path: `/indicators/${i}/target`, code: 'vague-target', args: { indicator: ind.code, phrase } });
      }
    });
    return out;
  },
};
