// A small glob compiler for discover.ts: `*`, `**`, `?`, `[abc]`, `[!a-z]`, `{a,b}` and `\`
// escapes (on POSIX). Node 20 has no fs.glob, and the few patterns a user types on a command
// line (quoted so that the shell does not expand them) do not justify a dependency.

export type Segment =
  | { kind: 'globstar' }
  | { kind: 'name'; literal: boolean; source: string; test: (name: string) => boolean };

export interface GlobPattern {
  /** The leading directories without glob characters, where walking starts. */
  base: string;
  /** The remaining path segments, matched one directory level each. */
  segments: Segment[];
}

const GLOB_CHARS = /[*?[\]{}]/;

export function hasGlobChars(s: string): boolean {
  return GLOB_CHARS.test(s);
}

/** Compiles a pattern into one GlobPattern per brace alternative. */
export function compileGlob(pattern: string): GlobPattern[] {
  const normalized = process.platform === 'win32' ? pattern.replace(/\\/g, '/') : pattern;
  return [...new Set(expandBraces(normalized))].map(compileOne);
}

/** Bash-style brace expansion: `a{b,c{d,e}}f` -> abf, acdf, acef. `{x}` stays literal. */
export function expandBraces(p: string): string[] {
  const open = findBrace(p);
  if (!open) return [p];
  const { start, end, parts } = open;
  const head = p.slice(0, start);
  const tail = p.slice(end + 1);
  const out: string[] = [];
  for (const part of parts) for (const expanded of expandBraces(head + part + tail)) out.push(expanded);
  return out;
}

/** The first `{...}` holding a top-level comma, with its alternatives. */
function findBrace(p: string): { start: number; end: number; parts: string[] } | null {
  for (let i = 0; i < p.length; i++) {
    if (p[i] === '\\') {
      i++;
      continue;
    }
    if (p[i] !== '{') continue;
    let depth = 0;
    const commas: number[] = [];
    for (let j = i; j < p.length; j++) {
      const c = p[j];
      if (c === '\\') {
        j++;
      } else if (c === '{') {
        depth++;
      } else if (c === '}') {
        depth--;
        if (depth === 0) {
          if (commas.length === 0) break; // `{x}`: literal braces, look further
          const bounds = [i, ...commas, j];
          const parts: string[] = [];
          for (let k = 0; k + 1 < bounds.length; k++) parts.push(p.slice(bounds[k] + 1, bounds[k + 1]));
          return { start: i, end: j, parts };
        }
      } else if (c === ',' && depth === 1) {
        commas.push(j);
      }
    }
  }
  return null;
}

function compileOne(pattern: string): GlobPattern {
  const absolute = pattern.startsWith('/');
  const raw = pattern.split('/').filter((s, i) => s !== '' && (s !== '.' || i === 0));
  const base: string[] = [];
  let i = 0;
  // Every segment but the last may belong to the base: the last one names the files.
  while (i < raw.length - 1 && !hasUnescapedGlob(raw[i])) base.push(unescape(raw[i++]));
  const segments: Segment[] = raw.slice(i).map(compileSegment);
  let baseDir = base.join('/');
  if (absolute) baseDir = '/' + baseDir;
  return { base: baseDir === '' ? '.' : baseDir, segments };
}

function compileSegment(seg: string): Segment {
  if (seg === '**') return { kind: 'globstar' };
  if (!hasUnescapedGlob(seg)) {
    const name = unescape(seg);
    return { kind: 'name', literal: true, source: seg, test: (n) => n === name };
  }
  // Wildcards never match a leading dot: `*.csv` must not pick up `.hidden.csv`.
  let re = seg.startsWith('.') ? '' : '(?!\\.)';
  for (let i = 0; i < seg.length; i++) {
    const c = seg[i];
    if (c === '\\' && i + 1 < seg.length) {
      re += escapeRe(seg[++i]);
    } else if (c === '*') {
      while (seg[i + 1] === '*') i++;
      re += '.*';
    } else if (c === '?') {
      re += '.';
    } else if (c === '[') {
      const close = seg.indexOf(']', i + 2);
      if (close < 0) {
        re += '\\[';
        continue;
      }
      let body = seg.slice(i + 1, close);
      let negate = false;
      if (body[0] === '!' || body[0] === '^') {
        negate = true;
        body = body.slice(1);
      }
      re += (negate ? '[^' : '[') + body.replace(/[\\\]^]/g, (m) => '\\' + m) + ']';
      i = close;
    } else {
      re += escapeRe(c);
    }
  }
  const rx = new RegExp('^' + re + '$', 'u');
  return { kind: 'name', literal: false, source: seg, test: (n) => rx.test(n) };
}

function hasUnescapedGlob(seg: string): boolean {
  for (let i = 0; i < seg.length; i++) {
    if (seg[i] === '\\') i++;
    else if ('*?['.includes(seg[i])) return true;
  }
  return false;
}

function unescape(seg: string): string {
  return seg.replace(/\\(.)/g, '$1');
}

function escapeRe(c: string): string {
  return c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
