// The fast path for YAML: a reader for the plain subset that bpm documents are written in (block
// mappings and sequences, one-line flow collections, plain and simple quoted scalars, comments).
// It gives up (returns undefined) on anything else, and the caller goes on to the `yaml`
// package: multi-line scalars, block scalars (| >), escapes in double quotes, document markers,
// compact nested sequences, trailing or empty flow entries, duplicate keys, non-string keys,
// implicit keys near YAML's 1024-character limit. What it does return must be exactly what the
// `yaml` package returns (YAML 1.2 core schema), which test/unit/io/yaml-differential.test.ts
// checks on every fixture, on random documents and on the YAML test suite. YAML's white space is
// the space and the tab only: a full-width space (U+3000), a no-break space, \f or \v is
// content, never trimmed (String#trim would). Called only on texts without tabs, byte-order
// marks, NEL or line and paragraph separators (fast-yaml.ts); every other construct outside the
// subset (tags, anchors, aliases, directives, `?` keys, multi-line flow collections or quoted
// scalars, empty `-` entries) makes it give up where it meets it.
//
// The reader works on offsets into the text (a line is where its content starts and ends), so
// that only keys and values become strings, and so that it can also say where each node starts
// (`spots`): the positions the `yaml` package would give, for the messages of a file that has
// something to report.

/** Thrown (and caught in parseSimpleYaml) to give up on a text. */
const GIVE_UP = Symbol('give-up');

export interface ScalarResolver {
  /** The value of a plain scalar under the YAML 1.2 core schema. */
  (s: string): unknown;
  /** Whether a plain key would resolve to something other than a string. */
  suspiciousKey(k: string): boolean;
}

/**
 * Where a node starts in the text (the offset the `yaml` package gives as the start of its
 * range) and, for a collection, where its keys and children do.
 */
export interface Spot {
  at: number;
  /** A mapping's keys: where each key starts, and its value. */
  keys?: Map<string, readonly [key: number, value: Spot]>;
  /** A sequence's items. */
  items?: Spot[];
}

/** The data of a text in the subset, or undefined. */
export function parseSimpleYaml(text: string, resolve: ScalarResolver): Record<string, unknown> | undefined {
  return read(text, resolve, false)?.data;
}

/** Where every node of a text in the subset starts, or undefined when the reader gives up on it. */
export function spotsOfSimpleYaml(text: string, resolve: ScalarResolver): Spot | undefined {
  return read(text, resolve, true)?.spot;
}

function read(text: string, resolve: ScalarResolver, track: boolean): { data: Record<string, unknown>; spot: Spot | undefined } | undefined {
  if (text.indexOf('\r') >= 0) return undefined; // line ends are normalised before (yaml.ts)
  // Each line that holds content (not blank, not a comment): its indentation and where its
  // content starts and ends.
  const indents: number[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    let indent = 0;
    while (start + indent < end && text.charCodeAt(start + indent) === 32) indent++;
    const from = start + indent;
    const first = from < end ? text.charCodeAt(from) : -1;
    if (first !== -1 && first !== 35) {
      if ((first === 45 || first === 46) && isDocumentMarker(text, from, end)) return undefined;
      indents.push(indent);
      starts.push(from);
      ends.push(end);
    }
    start = end + 1;
  }
  if (indents.length === 0 || indents[0] !== 0) return undefined;
  try {
    const p = new Reader(text, indents, starts, ends, resolve, track);
    if (p.isSeqItem(0)) return undefined;
    const data = p.map(0, 0);
    if (p.i !== indents.length) return undefined;
    return { data, spot: p.spot };
  } catch (e) {
    if (e === GIVE_UP) return undefined;
    throw e;
  }
}

/** `---` or `...` alone or before a space: a document marker. */
function isDocumentMarker(text: string, from: number, end: number): boolean {
  const c = text.charCodeAt(from);
  if (end - from < 3 || text.charCodeAt(from + 1) !== c || text.charCodeAt(from + 2) !== c) return false;
  return end - from === 3 || text.charCodeAt(from + 3) === 32;
}

/** Implicit keys longer than this (up to the `:`) go to the `yaml` package, which limits them to 1024. */
const MAX_KEY_SPAN = 1000;

/** The end of text[from, end) without its trailing spaces (only the space: a tab never gets here, other white space is content). */
function trimmedEnd(text: string, from: number, end: number): number {
  while (end > from && text.charCodeAt(end - 1) === 32) end--;
  return end;
}

/**
 * text[from, end) as a string of its own. V8 makes a longer substring a view into the text
 * (a sliced string), which keeps the whole file alive for as long as the value lives: a run of
 * thousands of documents would hold every file's text. Prefixing a character and slicing it off
 * again gives a copy of just the value.
 */
function own(text: string, from: number, end: number): string {
  return end - from < 13 ? text.slice(from, end) : (' ' + text.slice(from, end)).slice(1);
}

function giveUp(): never {
  throw GIVE_UP;
}

/** Characters a plain scalar may not start with (YAML c-indicators; "-" only before a space): 1. */
const INDICATOR_START = new Uint8Array(128);
for (const ch of '?:,[]{}#&*!|>\'"%@`') INDICATOR_START[ch.charCodeAt(0)] = 1;

/** Whether a plain scalar may start at text[i] (the text ending at `end`): not an indicator, and "-" only before a non-space. */
function badStart(text: string, i: number, end: number): boolean {
  if (i >= end) return true;
  const c = text.charCodeAt(i);
  if (c === 32) return true;
  if (c === 45) {
    // -
    if (i + 1 >= end) return true;
    const d = text.charCodeAt(i + 1);
    return d === 32 || d === 44 || d === 93 || d === 125; // space , ] }
  }
  return c < 128 && INDICATOR_START[c] === 1;
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

/** Index of the ':' that ends a plain key in text[from, end) (followed by a space or the line end), or -1. */
function plainKeyEnd(text: string, from: number, end: number): number {
  // Within the line: an indexOf over the rest of the text would make a long run of lines
  // without a colon quadratic.
  for (let j = from; j < end; j++) {
    if (text.charCodeAt(j) !== 58) continue;
    if (j + 1 === end || text.charCodeAt(j + 1) === 32) {
      // A comment before it: " #" starting at or before the colon.
      for (let h = j - 1; h >= from; h--) if (text.charCodeAt(h) === 32 && text.charCodeAt(h + 1) === 35) return -1;
      return j;
    }
  }
  return -1;
}

/** Index of the closing quote of the quoted scalar starting at `i` (escapes and no closing quote before `end` give up). */
function quoteEnd(text: string, i: number, end: number): number {
  const q = text.charCodeAt(i);
  for (let j = i + 1; j < end; j++) {
    const c = text.charCodeAt(j);
    if (q === 34 && c === 92) giveUp(); // a backslash in double quotes
    if (c === q) {
      if (q === 39 && j + 1 < end && text.charCodeAt(j + 1) === 39) {
        j++;
        continue;
      }
      return j;
    }
  }
  return giveUp();
}

/** The value of the quoted scalar from `start` (its opening quote) to `end` (its closing one). */
function unquote(text: string, start: number, end: number): string {
  const s = own(text, start + 1, end);
  return text.charCodeAt(start) === 39 && s.includes("''") ? s.replace(/''/g, "'") : s;
}

/** Nothing but spaces and a comment may follow a value. */
function expectEnd(text: string, i: number, end: number): void {
  let j = i;
  while (j < end && text.charCodeAt(j) === 32) j++;
  if (j < end && !(text.charCodeAt(j) === 35 && j > i)) giveUp();
}

/** Nesting deeper than this goes to the `yaml` package (which has its own limits). */
const MAX_DEPTH = 64;

class Reader {
  /** The next line to read. */
  i = 0;
  /** Where the last value read starts (when tracking). */
  spot: Spot | undefined;
  private depth = 0;
  /** Set by key(): the key, and where the rest of the line starts (-1: nothing but a comment or spaces). */
  private k = '';
  private rest = -1;
  /** Set by key(): where the rest of the line starts, after the spaces. */
  private restAt = 0;

  constructor(
    private readonly text: string,
    private readonly indents: number[],
    private readonly starts: number[],
    private readonly ends: number[],
    private readonly resolve: ScalarResolver,
    private readonly track: boolean,
  ) {}

  /** "- " at the start of line `li`'s content. */
  isSeqItem(li: number): boolean {
    return this.isDash(this.starts[li], this.ends[li]);
  }

  private isDash(i: number, end: number): boolean {
    return this.text.charCodeAt(i) === 45 && i + 1 < end && this.text.charCodeAt(i + 1) === 32;
  }

  /** A block mapping whose keys are at `indent`, starting at line `i`. */
  map(i: number, indent: number): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    const { indents, starts, ends } = this;
    const n = indents.length;
    const keys = this.track ? new Map<string, readonly [number, Spot]>() : undefined;
    const at = starts[i];
    this.i = i;
    while (this.i < n) {
      const li = this.i;
      if (indents[li] < indent) break;
      if (indents[li] > indent || this.isSeqItem(li)) giveUp();
      this.key(li);
      const key = this.k;
      const rest = this.rest;
      const restAt = this.restAt;
      this.i++;
      const next = this.i;
      if (rest < 0) {
        if (next < n && indents[next] > indent) setKey(out, key, this.block(next, indents[next]));
        else if (next < n && indents[next] === indent && this.isSeqItem(next)) setKey(out, key, this.seq(next, indent));
        else {
          setKey(out, key, null);
          if (keys) this.spot = { at: restAt };
        }
      } else {
        setKey(out, key, this.inline(rest, ends[li]));
        if (this.i < n && indents[this.i] > indent) giveUp(); // a multi-line plain scalar
      }
      keys?.set(key, [starts[li], this.spot!]);
    }
    if (keys) this.spot = { at, keys };
    return out;
  }

  block(i: number, indent: number): unknown {
    if (++this.depth > MAX_DEPTH) giveUp();
    const v = this.isSeqItem(i) ? this.seq(i, indent) : this.map(i, indent);
    this.depth--;
    return v;
  }

  /** A block sequence whose dashes are at `indent`. */
  seq(i: number, indent: number): unknown[] {
    const out: unknown[] = [];
    const { text, indents, starts, ends } = this;
    const n = indents.length;
    const items: Spot[] | undefined = this.track ? [] : undefined;
    const at = starts[i];
    this.i = i;
    while (this.i < n) {
      const li = this.i;
      if (indents[li] < indent) break;
      if (indents[li] > indent) giveUp();
      if (!this.isSeqItem(li)) break;
      const end = ends[li];
      let item = starts[li] + 1;
      while (item < end && text.charCodeAt(item) === 32) item++;
      if (item === end || text.charCodeAt(item) === 35 || this.isDash(item, end)) giveUp();
      if (this.looksLikeKey(item, end)) {
        // "- key: value": a mapping whose keys line up with this first key.
        const k = item - starts[li];
        starts[li] = item;
        indents[li] = indent + k;
        out.push(this.map(li, indent + k));
      } else {
        this.i++;
        out.push(this.inline(item, end));
        if (this.i < n && indents[this.i] > indent) giveUp();
      }
      items?.push(this.spot!);
    }
    if (items) this.spot = { at, items };
    return out;
  }

  private looksLikeKey(i: number, end: number): boolean {
    const c = this.text.charCodeAt(i);
    if (c === 34 || c === 39) {
      const close = quoteEnd(this.text, i, end);
      return close + 1 < end && this.text.charCodeAt(close + 1) === 58;
    }
    if (c === 91 || c === 123) return false;
    return plainKeyEnd(this.text, i, end) >= 0;
  }

  /**
   * `key: rest` on line `li` → this.k, the key, and this.rest, where the text after ": " starts
   * (-1 when there is nothing but spaces or a comment; this.restAt is where that would start).
   */
  private key(li: number): void {
    const text = this.text;
    const from = this.starts[li];
    const end = this.ends[li];
    let after: number;
    const c = text.charCodeAt(from);
    if (c === 34 || c === 39) {
      const close = quoteEnd(text, from, end);
      this.k = unquote(text, from, close);
      if (close + 1 >= end || text.charCodeAt(close + 1) !== 58 || close + 1 - from > MAX_KEY_SPAN) giveUp();
      after = close + 2;
    } else {
      const colon = plainKeyEnd(text, from, end);
      if (colon < 0 || colon - from > MAX_KEY_SPAN) giveUp();
      const keyEnd = trimmedEnd(text, from, colon);
      // (plainKeyEnd found no " #" before the colon, so none is in the key.)
      if (keyEnd === from || badStart(text, from, keyEnd)) giveUp();
      this.k = text.slice(from, keyEnd);
      if (this.resolve.suspiciousKey(this.k)) giveUp();
      after = colon + 1;
    }
    if (after < end && text.charCodeAt(after) !== 32) giveUp();
    while (after < end && text.charCodeAt(after) === 32) after++;
    this.restAt = after;
    this.rest = after === end || text.charCodeAt(after) === 35 ? -1 : after;
  }

  /** A value on one line (block context) from `i` to the line end: quoted, a flow collection, or a plain scalar. */
  private inline(i: number, end: number): unknown {
    const text = this.text;
    if (this.track) this.spot = { at: i };
    const c = text.charCodeAt(i);
    if (c === 34 || c === 39) {
      const close = quoteEnd(text, i, end);
      expectEnd(text, close + 1, end);
      return unquote(text, i, close);
    }
    if (c === 91 || c === 123) {
      const f = new Flow(text, i, end, this.resolve, this.track);
      const v = f.node();
      expectEnd(text, f.pos, end);
      this.spot = f.spot;
      return v;
    }
    if (badStart(text, i, end)) giveUp();
    // Up to a comment (" #"), without trailing spaces; ": " or a final ":" would make it a key.
    let valueEnd = end;
    for (let j = i; j + 1 < end; j++) {
      if (text.charCodeAt(j) === 32 && text.charCodeAt(j + 1) === 35) {
        valueEnd = j;
        break;
      }
    }
    valueEnd = trimmedEnd(text, i, valueEnd);
    for (let j = i; j < valueEnd; j++) {
      if (text.charCodeAt(j) === 58 && (j + 1 === valueEnd || text.charCodeAt(j + 1) === 32)) giveUp();
    }
    return this.resolve(own(text, i, valueEnd));
  }
}

/** Characters that end a plain key in a flow mapping (`:` and the flow indicators): 1. */
const FLOW_KEY_END = new Uint8Array(128);
for (const ch of ':,[]{}#') FLOW_KEY_END[ch.charCodeAt(0)] = 1;

/** A one-line flow collection, text[pos, end): [a, b] or {k: v, k2: [x]}. */
class Flow {
  /** Where the last node read starts (when tracking). */
  spot: Spot | undefined;
  private depth = 0;
  constructor(
    private readonly t: string,
    public pos: number,
    private readonly end: number,
    private readonly resolve: ScalarResolver,
    private readonly track: boolean,
  ) {}

  /** The character at `pos` (-1 past the end). */
  private at(): number {
    return this.pos < this.end ? this.t.charCodeAt(this.pos) : -1;
  }

  private spaces(): void {
    while (this.pos < this.end && this.t.charCodeAt(this.pos) === 32) this.pos++;
  }

  node(): unknown {
    this.spaces();
    const c = this.at();
    if (c === 91 || c === 123) {
      if (++this.depth > MAX_DEPTH) giveUp();
      const v = c === 91 ? this.seq() : this.map();
      this.depth--;
      return v;
    }
    if (this.track) this.spot = { at: this.pos };
    if (c === 34 || c === 39) {
      const close = quoteEnd(this.t, this.pos, this.end);
      const s = unquote(this.t, this.pos, close);
      this.pos = close + 1;
      return s;
    }
    return this.resolve(this.plain());
  }

  /** A plain scalar in flow context: up to , [ ] { } ; no ':' or indicator start allowed. */
  private plain(): string {
    const t = this.t;
    const start = this.pos;
    if (badStart(t, start, this.end)) giveUp();
    let j = start;
    while (j < this.end) {
      const c = t.charCodeAt(j);
      if (c === 44 || c === 91 || c === 93 || c === 123 || c === 125) break; // , [ ] { }
      if (c === 58 || c === 35) giveUp(); // : #
      j++;
    }
    this.pos = j;
    const end = trimmedEnd(t, start, j);
    if (end === start) giveUp();
    return own(t, start, end);
  }

  private seq(): unknown[] {
    const out: unknown[] = [];
    const items: Spot[] | undefined = this.track ? [] : undefined;
    const at = this.pos;
    this.pos++; // [
    this.spaces();
    if (this.at() === 93) {
      this.pos++;
      if (items) this.spot = { at, items };
      return out;
    }
    for (;;) {
      out.push(this.node());
      items?.push(this.spot!);
      if (this.closed(93)) {
        if (items) this.spot = { at, items };
        return out;
      }
    }
  }

  /** After an entry: the closing bracket `close` (true), or `,` before another entry (false). */
  private closed(close: number): boolean {
    this.spaces();
    const c = this.at();
    this.pos++;
    if (c === close) return true;
    if (c !== 44) giveUp();
    this.spaces();
    if (this.at() === close || this.at() === 44) giveUp(); // a trailing or empty entry
    return false;
  }

  private map(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    const keys = this.track ? new Map<string, readonly [number, Spot]>() : undefined;
    const at = this.pos;
    const t = this.t;
    this.pos++; // {
    this.spaces();
    if (this.at() === 125) {
      this.pos++;
      if (keys) this.spot = { at, keys };
      return out;
    }
    for (;;) {
      this.spaces();
      let key: string;
      const keyAt = this.pos;
      const c = this.at();
      if (c === 34 || c === 39) {
        const close = quoteEnd(t, this.pos, this.end);
        key = unquote(t, this.pos, close);
        if (close + 1 - this.pos > MAX_KEY_SPAN) giveUp();
        this.pos = close + 1;
      } else {
        const start = this.pos;
        if (badStart(t, start, this.end)) giveUp();
        let j = start;
        while (j < this.end) {
          const d = t.charCodeAt(j);
          if (d < 128 && FLOW_KEY_END[d] === 1) break;
          j++;
        }
        const keyEnd = trimmedEnd(t, start, j);
        if (keyEnd === start || j - start > MAX_KEY_SPAN) giveUp();
        key = t.slice(start, keyEnd);
        if (this.resolve.suspiciousKey(key)) giveUp();
        this.pos = j;
      }
      if (this.at() !== 58 || this.pos + 1 >= this.end || t.charCodeAt(this.pos + 1) !== 32) giveUp();
      this.pos += 2;
      this.spaces();
      const next = this.at();
      if (next === 44 || next === 125) giveUp(); // an empty value
      setKey(out, key, this.node());
      keys?.set(key, [keyAt, this.spot!]);
      if (this.closed(125)) {
        if (keys) this.spot = { at, keys };
        return out;
      }
    }
  }
}
