// Reading the project's Markdown the way GitHub renders it, for the documentation tests: fenced
// code blocks, headings and their anchors (GitHub's slugs), links outside code.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../helpers/run.js';

/** The user documentation: the README and every page of docs/, relative to the repository. */
export function docPages(): string[] {
  return ['README.md', ...readdirSync(join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).sort().map((f) => `docs/${f}`)];
}

export interface Fence {
  /** The info string's first word (`yaml`, `console`, `json` …), '' when none. */
  lang: string;
  body: string;
  /** 1-based line of the opening fence. */
  line: number;
  /** The text between the previous fence (or the start) and this one. */
  before: string;
}

/** Fenced code blocks (``` or ~~~), in order. */
export function fences(text: string): Fence[] {
  const lines = text.split('\n');
  const out: Fence[] = [];
  let open: { marker: string; lang: string; line: number; body: string[] } | null = null;
  let prose: string[] = [];
  lines.forEach((l, i) => {
    if (open) {
      if (l.trim().startsWith(open.marker) && l.trim().replace(/[`~]/g, '') === '') {
        out.push({ lang: open.lang, body: open.body.join('\n'), line: open.line, before: prose.join('\n') });
        open = null;
        prose = [];
      } else open.body.push(l);
      return;
    }
    const m = /^\s{0,3}(`{3,}|~{3,})\s*([^\s`]*)/.exec(l);
    if (m) open = { marker: m[1], lang: m[2], line: i + 1, body: [] };
    else prose.push(l);
  });
  return out;
}

/** The text with fenced blocks and inline code spans blanked out (line numbers kept). */
export function prose(text: string): string {
  const lines = text.split('\n');
  let inFence: string | null = null;
  return lines
    .map((l) => {
      const m = /^\s{0,3}(`{3,}|~{3,})/.exec(l);
      if (inFence) {
        if (m && l.trim().startsWith(inFence)) inFence = null;
        return '';
      }
      if (m) {
        inFence = m[1];
        return '';
      }
      return l.replace(/(`+)[^`]*?\1/g, '');
    })
    .join('\n');
}

export interface Heading {
  level: number;
  text: string;
  slug: string;
}

/**
 * ATX headings outside code, each with the anchor GitHub gives it: the rendered text in lower
 * case, punctuation and symbols removed (letters, marks, digits, `_`, `-` and spaces kept),
 * spaces turned into hyphens, and `-1`, `-2` … appended to repeats.
 */
export function headings(text: string): Heading[] {
  const seen = new Map<string, number>();
  const out: Heading[] = [];
  for (const l of prose(keepCodeSpans(text)).split('\n')) {
    const m = /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(l);
    if (!m) continue;
    const rendered = m[2].replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/[`*]/g, '');
    const base = rendered.toLowerCase().replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '').replace(/ /g, '-');
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    out.push({ level: m[1].length, text: rendered, slug: n === 0 ? base : `${base}-${n}` });
  }
  return out;
}

/** Code spans in headings are rendered as their text: keep them for `headings`. */
function keepCodeSpans(text: string): string {
  return text.replace(/^(#{1,6}\s.*)$/gm, (h) => h.replace(/`([^`]*)`/g, '$1'));
}

export interface Link {
  target: string;
  line: number;
}

/** Inline links and images `[text](target)` and autolinks `<http…>` outside code. */
export function links(text: string): Link[] {
  const out: Link[] = [];
  prose(text)
    .split('\n')
    .forEach((l, i) => {
      for (const m of l.matchAll(/!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) out.push({ target: m[1], line: i + 1 });
      for (const m of l.matchAll(/<((?:https?|mailto):[^>\s]+)>/g)) out.push({ target: m[1], line: i + 1 });
    });
  return out;
}
