// The fast path for YAML: a reader for the plain subset that bpm documents are written in (block
// mappings and sequences, one-line flow collections, plain and simple quoted scalars, comments).
// It gives up (returns undefined) on anything else, and the caller goes on to the `yaml`
// package: multi-line scalars, block scalars (| >), escapes in double quotes, document markers,
// compact nested sequences, trailing or empty flow entries, duplicate keys, non-string keys,
// implicit keys near YAML's 1024-character limit. What it does return must be exactly what the
// `yaml` package returns (YAML 1.2 core schema), which test/unit/io/yaml-differential.test.ts
// checks on every fixture, on random documents and on the YAML test suite. YAML's white space is
// the space and the tab only: a full-width space (U+3000), a no-break space, \f or \v is
// content, never trimmed (String#trim would). Called only on texts that risky() (fast-yaml.ts)
// passed: no tabs, tags, anchors, aliases, directives, `?` keys, multi-line flow collections or
// quoted scalars, or empty `-` entries.

interface Line {
  indent: number;
  /** The line without its indentation. */
  text: string;
}

/** Thrown (and caught in parseSimpleYaml) to give up on a text. */
const GIVE_UP = Symbol('give-up');

export interface ScalarResolver {
  /** The value of a plain scalar under the YAML 1.2 core schema. */
  (s: string): unknown;
  /** Whether a plain key would resolve to something other than a string. */
  suspiciousKey(k: string): boolean;
}

export function parseSimpleYaml(text: string, resolve: ScalarResolver): Record<string, unknown> | undefined {
  if (text.indexOf('\r') >= 0) return undefined; // line ends are normalised before (yaml.ts)
  const lines: Line[] = [];
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    let indent = 0;
    while (start + indent < end && text.charCodeAt(start + indent) === 32) indent++;
    const body = text.slice(start + indent, end);
    if (body !== '' && body[0] !== '#') {
      if (body === '---' || body === '...' || body.startsWith('--- ') || body.startsWith('... ')) return undefined;
      lines.push({ indent, text: body });
    }
    start = end + 1;
  }
  if (lines.length === 0 || lines[0].indent !== 0) return undefined;
  try {
    const p = new Reader(lines, resolve);
    if (isSeqItem(lines[0].text)) return undefined;
    const map = p.map(0, 0);
    if (p.i !== lines.length) return undefined;
    return map;
  } catch (e) {
    if (e === GIVE_UP) return undefined;
    throw e;
  }
}

/** Implicit keys longer than this (up to the `:`) go to the `yaml` package, which limits them to 1024. */
const MAX_KEY_SPAN = 1000;

/** Without trailing spaces (only the space: a tab never gets here, other white space is content). */
function trimSpacesEnd(s: string): string {
  let end = s.length;
  while (end > 0 && s.charCodeAt(end - 1) === 32) end--;
  return end === s.length ? s : s.slice(0, end);
}

/** Without leading spaces (see trimSpacesEnd). */
function trimSpacesStart(s: string): string {
  let i = 0;
  while (i < s.length && s.charCodeAt(i) === 32) i++;
  return i === 0 ? s : s.slice(i);
}

const isSeqItem = (t: string) => t.charCodeAt(0) === 45 && t.charCodeAt(1) === 32; // "- "

function giveUp(): never {
  throw GIVE_UP;
}

/** Characters a plain scalar may not start with (YAML c-indicators; "-" only before a space). */
const INDICATOR_START = new Set(['?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', "'", '"', '%', '@', '`']);

/** Whether a plain scalar may start at t[i]: not an indicator, and "-" only before a non-space. */
function badStart(t: string, i: number): boolean {
  const c = t[i];
  if (c === undefined || c === ' ') return true;
  if (c === '-') return i + 1 >= t.length || t[i + 1] === ' ' || t[i + 1] === ',' || t[i + 1] === ']' || t[i + 1] === '}';
  return INDICATOR_START.has(c);
}

function setKey(map: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') {
    if (Object.prototype.hasOwnProperty.call(map, key)) giveUp();
    Object.defineProperty(map, key, { value, enumerable: true, configurable: true, writable: true });
    return;
  }
  // An own property only: `constructor` or `toString` as a key is an ordinary key.
  if (Object.prototype.hasOwnProperty.call(map, key)) giveUp(); // a duplicate: the yaml path reports it
  map[key] = value;
}

class Reader {
  i = 0;
  private depth = 0;
  constructor(
    private readonly lines: Line[],
    private readonly resolve: ScalarResolver,
  ) {}

  /** A block mapping whose keys are at `indent`, starting at line `i`. */
  map(i: number, indent: number): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    const lines = this.lines;
    this.i = i;
    while (this.i < lines.length) {
      const line = lines[this.i];
      if (line.indent < indent) break;
      if (line.indent > indent || isSeqItem(line.text)) giveUp();
      const { key, rest } = this.key(line.text);
      this.i++;
      if (rest === '') {
        const next = lines[this.i];
        if (next && next.indent > indent) setKey(out, key, this.block(this.i, next.indent));
        else if (next && next.indent === indent && isSeqItem(next.text)) setKey(out, key, this.seq(this.i, indent));
        else setKey(out, key, null);
      } else {
        setKey(out, key, this.inline(rest));
        const next = lines[this.i];
        if (next && next.indent > indent) giveUp(); // a multi-line plain scalar
      }
    }
    return out;
  }

  block(i: number, indent: number): unknown {
    if (++this.depth > MAX_DEPTH) giveUp();
    const v = isSeqItem(this.lines[i].text) ? this.seq(i, indent) : this.map(i, indent);
    this.depth--;
    return v;
  }

  /** A block sequence whose dashes are at `indent`. */
  seq(i: number, indent: number): unknown[] {
    const out: unknown[] = [];
    const lines = this.lines;
    this.i = i;
    while (this.i < lines.length) {
      const line = lines[this.i];
      if (line.indent < indent) break;
      if (line.indent > indent) giveUp();
      if (!isSeqItem(line.text)) break;
      let k = 1;
      while (line.text.charCodeAt(k) === 32) k++;
      const item = line.text.slice(k);
      if (item === '' || item[0] === '#' || isSeqItem(item)) giveUp();
      if (this.looksLikeKey(item)) {
        // "- key: value": a mapping whose keys line up with this first key.
        lines[this.i] = { indent: indent + k, text: item };
        out.push(this.map(this.i, indent + k));
      } else {
        this.i++;
        out.push(this.inline(item));
        const next = lines[this.i];
        if (next && next.indent > indent) giveUp();
      }
    }
    return out;
  }

  private looksLikeKey(t: string): boolean {
    const c = t[0];
    if (c === '"' || c === "'") {
      const end = quoteEnd(t, 0);
      return t[end + 1] === ':';
    }
    if (c === '[' || c === '{') return false;
    return plainKeyEnd(t) >= 0;
  }

  /** `key: rest` → key and the text after ": " (comments removed; '' for none). */
  private key(t: string): { key: string; rest: string } {
    let key: string;
    let after: number;
    const c = t[0];
    if (c === '"' || c === "'") {
      const end = quoteEnd(t, 0);
      key = unquote(t, 0, end);
      if (t[end + 1] !== ':' || end + 1 > MAX_KEY_SPAN) giveUp();
      after = end + 2;
    } else {
      const colon = plainKeyEnd(t);
      if (colon < 0 || colon > MAX_KEY_SPAN) giveUp();
      key = trimSpacesEnd(t.slice(0, colon));
      if (key === '' || badStart(key, 0) || key.includes(' #') || this.resolve.suspiciousKey(key)) giveUp();
      after = colon + 1;
    }
    if (after < t.length && t.charCodeAt(after) !== 32) giveUp();
    const rest = trimSpacesStart(t.slice(after));
    return { key, rest: rest[0] === '#' ? '' : rest };
  }

  /** A value on one line (block context): quoted, a flow collection, or a plain scalar. */
  private inline(t: string): unknown {
    const c = t[0];
    if (c === '"' || c === "'") {
      const end = quoteEnd(t, 0);
      expectEnd(t, end + 1);
      return unquote(t, 0, end);
    }
    if (c === '[' || c === '{') {
      const f = new Flow(t, this.resolve);
      const v = f.node();
      expectEnd(t, f.pos);
      return v;
    }
    if (badStart(t, 0)) giveUp();
    let s = t;
    const hash = s.indexOf(' #');
    if (hash >= 0) s = s.slice(0, hash);
    s = trimSpacesEnd(s);
    if (s.includes(': ') || s.endsWith(':')) giveUp();
    return this.resolve(s);
  }
}

/** Index of the ':' that ends a plain key (followed by a space or the line end), or -1. */
function plainKeyEnd(t: string): number {
  for (let j = t.indexOf(':'); j >= 0; j = t.indexOf(':', j + 1)) {
    if (j + 1 === t.length || t.charCodeAt(j + 1) === 32) {
      if (t.lastIndexOf(' #', j) >= 0) return -1; // a comment before it
      return j;
    }
  }
  return -1;
}

/** Index of the closing quote of the quoted scalar starting at `i` (escapes give up). */
function quoteEnd(t: string, i: number): number {
  const q = t[i];
  for (let j = i + 1; j < t.length; j++) {
    const c = t[j];
    if (q === '"' && c === '\\') giveUp();
    if (c === q) {
      if (q === "'" && t[j + 1] === "'") {
        j++;
        continue;
      }
      return j;
    }
  }
  return giveUp();
}

function unquote(t: string, start: number, end: number): string {
  const s = t.slice(start + 1, end);
  return t[start] === "'" ? s.replace(/''/g, "'") : s;
}

/** Nothing but spaces and a comment may follow a value. */
function expectEnd(t: string, i: number): void {
  let j = i;
  while (j < t.length && t.charCodeAt(j) === 32) j++;
  if (j < t.length && !(t[j] === '#' && j > i)) giveUp();
}

/** Nesting deeper than this goes to the `yaml` package (which has its own limits). */
const MAX_DEPTH = 64;

/** A one-line flow collection: [a, b] or {k: v, k2: [x]}. */
class Flow {
  pos = 0;
  private depth = 0;
  constructor(
    private readonly t: string,
    private readonly resolve: ScalarResolver,
  ) {}

  private spaces(): void {
    while (this.t.charCodeAt(this.pos) === 32) this.pos++;
  }

  node(): unknown {
    this.spaces();
    const c = this.t[this.pos];
    if (c === '[' || c === '{') {
      if (++this.depth > MAX_DEPTH) giveUp();
      const v = c === '[' ? this.seq() : this.map();
      this.depth--;
      return v;
    }
    if (c === '"' || c === "'") {
      const end = quoteEnd(this.t, this.pos);
      const s = unquote(this.t, this.pos, end);
      this.pos = end + 1;
      return s;
    }
    return this.resolve(this.plain());
  }

  /** A plain scalar in flow context: up to , [ ] { } ; no ':' or indicator start allowed. */
  private plain(): string {
    const t = this.t;
    const start = this.pos;
    if (badStart(t, start)) giveUp();
    let j = start;
    while (j < t.length) {
      const c = t[j];
      if (c === ',' || c === '[' || c === ']' || c === '{' || c === '}') break;
      if (c === ':' || c === '#') giveUp();
      j++;
    }
    this.pos = j;
    const s = trimSpacesEnd(t.slice(start, j));
    if (s === '') giveUp();
    return s;
  }

  private seq(): unknown[] {
    const out: unknown[] = [];
    this.pos++; // [
    this.spaces();
    if (this.t[this.pos] === ']') {
      this.pos++;
      return out;
    }
    for (;;) {
      out.push(this.node());
      this.spaces();
      const c = this.t[this.pos++];
      if (c === ']') return out;
      if (c !== ',') giveUp();
      this.spaces();
      if (this.t[this.pos] === ']' || this.t[this.pos] === ',') giveUp(); // trailing or empty entry
    }
  }

  private map(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    this.pos++; // {
    this.spaces();
    if (this.t[this.pos] === '}') {
      this.pos++;
      return out;
    }
    for (;;) {
      this.spaces();
      let key: string;
      const c = this.t[this.pos];
      if (c === '"' || c === "'") {
        const end = quoteEnd(this.t, this.pos);
        key = unquote(this.t, this.pos, end);
        if (end + 1 - this.pos > MAX_KEY_SPAN) giveUp();
        this.pos = end + 1;
      } else {
        const start = this.pos;
        if (badStart(this.t, start)) giveUp();
        let j = start;
        while (j < this.t.length && this.t[j] !== ':' && ',[]{}#'.indexOf(this.t[j]) < 0) j++;
        key = trimSpacesEnd(this.t.slice(start, j));
        if (key === '' || j - start > MAX_KEY_SPAN || this.resolve.suspiciousKey(key)) giveUp();
        this.pos = j;
      }
      if (this.t[this.pos] !== ':' || this.t[this.pos + 1] !== ' ') giveUp();
      this.pos += 2;
      this.spaces();
      const next = this.t[this.pos];
      if (next === ',' || next === '}') giveUp(); // an empty value
      setKey(out, key, this.node());
      this.spaces();
      const d = this.t[this.pos++];
      if (d === '}') return out;
      if (d !== ',') giveUp();
      this.spaces();
      if (this.t[this.pos] === '}' || this.t[this.pos] === ',') giveUp();
    }
  }
}
