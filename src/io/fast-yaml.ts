// The fast path for YAML: bpm's own reader of the plain subset that bpm documents are written in
// (src/io/simple-yaml.ts) builds plain data many times faster than the `yaml` package, and reads
// the text again for positions, only for a file that has something to report. The fast path must
// give exactly the data and the positions that parseYaml() (src/io/yaml.ts) gives, or nothing:
// whenever the text holds a construct outside the subset (tags, anchors and aliases, directives,
// complex or non-string keys, multi-line flow collections or quoted scalars, block scalars,
// escapes, tabs, several documents), this returns undefined and the caller takes the `yaml` path,
// which also produces the diagnostics. test/unit/io/yaml-differential.test.ts proves the
// agreement on every fixture and example, on generated and random documents and on the official
// YAML test suite.
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

/** A plain scalar's value under the core schema, with the resolvers in the `yaml` package's order. */
const resolvePlain = ((s: string): unknown => {
  const c = s.charCodeAt(0);
  if ((c === 126 || c === 110 || c === 78 || s === '') && NULL.test(s)) return null; // ~ n N
  if ((c === 116 || c === 84 || c === 102 || c === 70) && BOOL.test(s)) return c === 116 || c === 84;
  if (!numeric(s)) return s;
  return numberOf(s) ?? s;
}) as ScalarResolver;

/** The number a plain scalar that starts like one resolves to, or undefined (it stays a string). */
function numberOf(s: string): number | undefined {
  const n = numberText(s);
  if (n !== undefined && !Number.isFinite(n)) nonFinite++;
  return n;
}

function numberText(s: string): number | undefined {
  // The common forms, read without the regular expressions: 120, -5, 1542.38, .5, 3.
  const form = decimalForm(s);
  if (form === 1) return parseInt(s, 10);
  if (form === 2) return parseFloat(s);
  if (INT_OCT.test(s)) return parseInt(s.slice(2), 8);
  if (INT_DEC.test(s)) return parseInt(s, 10);
  if (INT_HEX.test(s)) return parseInt(s.slice(2), 16);
  if (FLOAT_NAN.test(s)) return s.slice(-3).toLowerCase() === 'nan' ? NaN : s[0] === '-' ? -Infinity : Infinity;
  if (FLOAT_EXP.test(s) || FLOAT.test(s)) return parseFloat(s);
  return undefined;
}

/**
 * 1 when `s` is an integer as INT_DEC reads one ([-+]?[0-9]+), 2 when a float as FLOAT reads one
 * ([-+]?(.[0-9]+|[0-9]+.[0-9]*)), else 0 (any other form: the regular expressions decide).
 */
function decimalForm(s: string): 0 | 1 | 2 {
  const n = s.length;
  let i = 0;
  let c = s.charCodeAt(0);
  if (c === 43 || c === 45) c = s.charCodeAt(++i); // + -
  const from = i;
  while (c >= 48 && c <= 57) c = s.charCodeAt(++i);
  const whole = i - from;
  if (i === n) return whole > 0 ? 1 : 0;
  if (c !== 46) return 0; // .
  c = s.charCodeAt(++i);
  const after = i;
  while (c >= 48 && c <= 57) c = s.charCodeAt(++i);
  return i === n && (whole > 0 || i > after) ? 2 : 0;
}

/** How many numbers that are not finite (.inf, .nan, 1e400) the reader has read so far. */
let nonFinite = 0;
resolvePlain.suspiciousKey = (k) => suspiciousKey(k);

/**
 * Characters whose handling the subset reader leaves to the `yaml` package: tabs (indentation
 * and white-space rules differ), the byte-order mark, NEL and the line and paragraph separators.
 * Every construct outside the subset (tags, anchors and aliases, directives, `?` keys,
 * collections as keys, multi-line flow collections or quoted scalars, empty `-` entries …) the
 * reader declines by itself as it meets it.
 */
const OUTSIDE = /[\t\x85\ufeff\u2028\u2029]/;

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
  return OUTSIDE.test(text) ? undefined : parseSimpleYaml(text, resolvePlain);
}

/** parseYamlFast(), and whether every number the text holds is finite. */
export function parseYamlFastChecked(text: string): { data: Record<string, unknown>; finite: boolean } | undefined {
  const before = nonFinite;
  const data = parseYamlFast(text);
  return data === undefined ? undefined : { data, finite: nonFinite === before };
}

/**
 * The positions of the nodes of a text parseYamlFast() reads, exactly as the `yaml` package's
 * node tree gives them (parseYaml's locate(): a JSON pointer's value, or its key, or the deepest
 * node on the way), from the fast reader's own record of where each node starts; undefined when
 * the fast path declines the text.
 */
export function locateFast(text: string): ((pointer: string, key?: boolean) => Position) | undefined {
  const root = OUTSIDE.test(text) ? undefined : spotsOfSimpleYaml(text, resolvePlain);
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
