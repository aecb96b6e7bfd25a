// The fast path for YAML: bpm's own reader of the plain subset that bpm documents are written in
// (src/io/simple-yaml.ts) builds plain data many times faster than the `yaml` package, but keeps
// no node tree, so positions still come from `yaml` (src/io/yaml.ts), parsed lazily only for a
// file that has something to report. The fast path must give exactly the data that parseYaml()
// gives, or nothing: whenever the text holds a construct outside the subset (tags, anchors and
// aliases, directives, complex or non-string keys, multi-line flow collections or quoted
// scalars, block scalars, escapes, tabs, several documents), this returns undefined and the
// caller takes the `yaml` path, which also produces the diagnostics.
// test/unit/io/yaml-differential.test.ts proves the agreement on every fixture and example, on
// generated documents and on the official YAML test suite.
import { isInvisibleIn } from './invisible.js';
import { parseSimpleYaml, spotsOfSimpleYaml, type ScalarResolver, type Spot } from './simple-yaml.js';
import { pointerSegments, positionIndex, type Position } from './yaml.js';

// The YAML 1.2 core schema exactly as the `yaml` package resolves plain scalars (its
// schema/core/*.js), not YAML 1.1 (`1_000`, `0b1`, `yes` stay strings).
const NULL = /^(?:~|[Nn]ull|NULL)?$/;
const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const INT_OCT = /^0o[0-7]+$/;
const INT_DEC = /^[-+]?[0-9]+$/;
const INT_HEX = /^0x[0-9a-fA-F]+$/;
const FLOAT_NAN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const FLOAT_EXP = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;

/** First characters of a plain scalar that may resolve to a number (saves the regexes on text). */
const numeric = (s: string) => {
  const c = s.charCodeAt(0);
  return (c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46;
};

/** How many numbers that are not finite (.inf, .nan, 1e400) the fast path has read. */
let nonFinite = 0;

/** A plain scalar's value under the core schema, with the resolvers in the `yaml` package's order. */
const resolvePlain = ((s: string): unknown => {
  const c = s.charCodeAt(0);
  if ((c === 126 || c === 110 || c === 78 || s === '') && NULL.test(s)) return null; // ~ n N
  if ((c === 116 || c === 84 || c === 102 || c === 70) && BOOL.test(s)) return c === 116 || c === 84;
  if (!numeric(s)) return s;
  const n = numberOf(s);
  if (n === undefined) return s;
  if (!Number.isFinite(n)) nonFinite++;
  return n;
}) as ScalarResolver;

/** The number a plain scalar that starts like one resolves to, or undefined (it stays a string). */
function numberOf(s: string): number | undefined {
  if (INT_OCT.test(s)) return parseInt(s.slice(2), 8);
  if (INT_DEC.test(s)) return parseInt(s, 10);
  if (INT_HEX.test(s)) return parseInt(s.slice(2), 16);
  if (FLOAT_NAN.test(s)) return s.slice(-3).toLowerCase() === 'nan' ? NaN : s[0] === '-' ? -Infinity : Infinity;
  if (FLOAT_EXP.test(s) || FLOAT.test(s)) return parseFloat(s);
  return undefined;
}
resolvePlain.suspiciousKey = (k) => suspiciousKey(k);

/** ASCII characters that matter to risky() only as the character before another: 1 = skip. */
const BORING = new Uint8Array(128).fill(1);
for (const ch of '\t\n\r !"#%&\'*-?[]{}') BORING[ch.charCodeAt(0)] = 0;

/**
 * Whether the text holds a construct that must go to the `yaml` path (false positives only cost
 * speed), in one pass over the characters:
 * - `!`, `&`, `*` at the start of a token: tags, anchors, aliases (alias bombs included);
 * - `%` at a line start: directives; `?` as a token: explicit (possibly complex) keys;
 * - `]` or `}` followed by `:`: a flow collection used as a key;
 * - a `[` or `{` not closed on its line: flow collections over several lines (indentation rules);
 * - a quoted scalar over several lines, and a `-` entry with nothing after it on its line;
 * - tabs (indentation rules differ), a BOM, NEL and the line/paragraph separators.
 * Comments are skipped; quoted scalars are skipped up to their closing quote.
 */
function risky(text: string): boolean {
  let depth = 0;
  let prev = 10; // the character before, as if a line break came first
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 128 ? BORING[c] === 1 : c !== 0x85 && c !== 0xfeff && c !== 0x2028 && c !== 0x2029) {
      prev = c;
      continue;
    }
    const tokenStart = prev === 10 || prev === 13 || prev === 32 || prev === 91 || prev === 93 || prev === 123 || prev === 125 || prev === 44 || prev === 58;
    switch (c) {
      case 35: // # starts a comment at a token start: skip to the line end
        if (prev === 10 || prev === 13 || prev === 32) {
          while (i + 1 < n && text.charCodeAt(i + 1) !== 10 && text.charCodeAt(i + 1) !== 13) i++;
        }
        break;
      case 34: // "
      case 39: {
        // '
        if (!tokenStart) break;
        let j = i + 1;
        for (; j < n; j++) {
          const d = text.charCodeAt(j);
          if (d === 10 || d === 13) return true; // a quoted scalar over several lines
          if (c === 34 && d === 92) j++; // an escape: skip the escaped character
          else if (d === c) {
            if (c === 39 && text.charCodeAt(j + 1) === 39) j++; // '' inside single quotes
            else break;
          }
        }
        if (j >= n) return true; // never closed
        i = j;
        break;
      }
      case 33: // !
      case 38: // &
      case 42: // *
        if (tokenStart) return true;
        break;
      case 37: // %
        if (prev === 10 || prev === 13) return true;
        break;
      case 45: {
        // - with nothing after it on its line (an empty sequence entry)
        if (prev !== 10 && prev !== 13 && prev !== 32) break;
        let j = i + 1;
        while (j < n && text.charCodeAt(j) === 32) j++;
        if (j >= n || text.charCodeAt(j) === 10 || text.charCodeAt(j) === 13 || (j > i + 1 && text.charCodeAt(j) === 35)) return true;
        break;
      }
      case 63: {
        // ?
        const next = i + 1 < n ? text.charCodeAt(i + 1) : 10;
        if ((prev === 10 || prev === 13 || prev === 32 || prev === 91 || prev === 123 || prev === 44) && (next === 32 || next === 10 || next === 13)) return true;
        break;
      }
      case 91: // [
      case 123: // {
        depth++;
        break;
      case 93: // ]
      case 125: {
        // }
        depth--;
        let j = i + 1;
        while (j < n && text.charCodeAt(j) === 32) j++;
        if (j < n && text.charCodeAt(j) === 58) return true;
        break;
      }
      case 10:
      case 13:
        if (depth !== 0) return true;
        break;
      case 9:
      case 0x85:
      case 0xfeff:
      case 0x2028:
      case 0x2029:
        return true;
    }
    prev = text.charCodeAt(i);
  }
  return depth !== 0;
}

/** Keys that a plain scalar would resolve to a non-string (`null:`, `1:`, `true:`), or too long. */
function suspiciousKey(k: string): boolean {
  if (k.length === 0 || k.length > 1000) return true;
  const c = k.charCodeAt(0);
  // Only keys starting like a null, a boolean or a number need the regexes.
  if (c === 126 || c === 110 || c === 78) return NULL.test(k); // ~ n N
  if (c === 116 || c === 84 || c === 102 || c === 70) return BOOL.test(k); // t T f F
  return numeric(k) && (INT_OCT.test(k) || INT_DEC.test(k) || INT_HEX.test(k) || FLOAT_NAN.test(k) || FLOAT_EXP.test(k) || FLOAT.test(k));
}

/** A bpm document says so on a line of its own (docs/formats.md#documents-in-general); other YAML is skipped when walked. */
export const BPM_API = /^\s*apiVersion\s*:\s*["']?bpm\/v1["']?\s*(#.*)?$/m;

/**
 * The plain data of a one-document YAML text whose top level is a mapping, or undefined when the
 * `yaml` path must decide (see above). Line ends must be normalised first (normaliseLineEnds in
 * yaml.ts): a CR declines. Never throws.
 */
export function parseYamlFast(text: string): Record<string, unknown> | undefined {
  return readYamlFast(text)?.data;
}

/**
 * parseYamlFast(), and what reading the text has shown about the data: whether every number in
 * it is finite, and whether the text (so every string of the data: the fast path takes no
 * escapes) is free of invisible characters (invisible.ts). Neither then needs looking for.
 */
export function readYamlFast(text: string): { data: Record<string, unknown>; finite: boolean; visible: boolean } | undefined {
  if (risky(text)) return undefined;
  const before = nonFinite;
  const data = parseSimpleYaml(text, resolvePlain);
  return data && { data, finite: nonFinite === before, visible: !isInvisibleIn(text) };
}

/**
 * The positions of the nodes of a text parseYamlFast() reads, exactly as the `yaml` package's
 * node tree gives them (parseYaml's locate(): a JSON pointer's value, or its key, or the deepest
 * node on the way), from the fast reader's own record of where each node starts; undefined when
 * the fast path declines the text.
 */
export function locateFast(text: string): ((pointer: string, key?: boolean) => Position) | undefined {
  const root = risky(text) ? undefined : spotsOfSimpleYaml(text, resolvePlain);
  if (!root) return undefined;
  const at = positionIndex(text);
  return (pointer, key = false) => at(offsetOf(root, pointerSegments(pointer), key));
}

/** As findNode() in yaml.ts: the offset of the node at `segments`, or of its deepest existing ancestor. */
function offsetOf(root: Spot, segments: string[], key: boolean): number {
  let node = root;
  let offset = root.at;
  for (let i = 0; i < segments.length; i++) {
    const last = i === segments.length - 1;
    if (node.keys) {
      const pair = node.keys.get(segments[i]);
      if (!pair) return offset;
      if (last && key) return pair[0];
      node = pair[1];
    } else if (node.items) {
      const item = node.items[Number(segments[i])] as Spot | undefined;
      if (!item) return offset;
      node = item;
    } else {
      return offset;
    }
    offset = node.at;
  }
  return offset;
}
