// commander's own usage errors (an unknown option, a value not among the choices, a missing
// argument …) in the language of the run: commander words them in English, so they are read back
// here by their fixed wording and said again from the catalog, on one line. Anything not
// recognised is kept as commander wrote it. Every error starts with the one prefix `bpm: `.
import { t, type Lang } from '../i18n/index.js';

const PATTERNS: [RegExp, (m: RegExpExecArray, lang: Lang) => string][] = [
  [/^unknown option '([^']+)'/, (m, lang) => t(lang, 'unknown-option', { option: m[1] })],
  [/^unknown command '([^']+)'/, (m, lang) => t(lang, 'unknown-command', { command: m[1] })],
  [/^option '([^']+)' argument '([^']*)' is invalid\. Allowed choices are (.+)\.$/m, (m, lang) => t(lang, 'invalid-choice', { option: m[1], value: m[2], choices: m[3] })],
  [/^option '([^']+)' argument missing/, (m, lang) => t(lang, 'option-argument-missing', { option: m[1] })],
  [/^missing required argument '([^']+)'/, (m, lang) => t(lang, 'missing-argument', { argument: m[1] })],
  [/^too many arguments(?: for '[^']+')?\. Expected (\d+) arguments? but got (\d+)\./, (m, lang) => t(lang, 'too-many-arguments', { expected: m[1], actual: m[2] })],
];

/** commander's error text (`error: …`, perhaps with a "Did you mean" line) as bpm says it. */
export function commanderError(text: string, lang: Lang): string {
  const body = text.replace(/^error: /, '').trimEnd();
  const [first, ...rest] = body.split('\n');
  const hint = /^\(Did you mean (.+)\?\)$/.exec(rest.join(' ').trim());
  for (const [re, say] of PATTERNS) {
    const m = re.exec(first);
    if (m) return `bpm: ${say(m, lang)}${hint ? t(lang, 'hint.did-you-mean', { suggestion: hint[1] }) : ''}\n`;
  }
  return `bpm: ${body}\n`;
}
