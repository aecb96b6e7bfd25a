// A fast path for the plain YAML that bpm documents are written in: block mappings and
// sequences, one-line flow collections, plain and quoted one-line scalars, comments. It builds
// plain JavaScript values directly, about ten times faster than composing a full node tree,
// which matters when a batch holds tens of thousands of documents.
//
// It is deliberately conservative: anything outside that subset (anchors, aliases, tags, block
// scalars, multi-line plain or quoted scalars, explicit keys, document markers, directives,
// tabs in indentation, duplicate keys, numbers in unusual notations…) makes it return
// undefined, and the caller parses the text with the full `yaml` package, which then also
// reports positions and problems. When it returns a value, that value equals what the full
// parser gives under YAML 1.2 with the core schema (test/unit/io/yaml-fast.test.ts compares
// the two on every YAML file of the repository and on tricky cases).

/** Thrown internally to abandon the fast path. */
class Bail extends Error {}

const bail = (): never => {
  throw new Bail();
};

interface Line {
  indent: number;
  /** Content after the indentation, comments not yet removed. */
  text: string;
}

export function parseYamlFast(src: string): Record<string, unknown> | undefined {
  try {
    const lines = splitLines(src);
    if (lines.length === 0) return undefined;
    const p = new BlockParser(lines);
    if (lines[0].indent !== 0 || startsSeq(lines[0].text)) return undefined;
    const value = p.block(0);
    if (p.pos !== lines.length) return undefined;
    return value as Record<string, unknown>;
  } catch (e) {
    // Absurdly deep nesting overflows the recursion: the full parser handles it (iteratively).
    if (e instanceof Bail || e instanceof RangeError) return undefined;
    throw e;
  }
}

function splitLines(src: string): Line[] {
  const out: Line[] = [];
  let text = src;
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  // Tabs (separators or indentation, YAML treats them specially), unusual line breaks, a CR
  // that is not part of CRLF, and control characters: the full parser.
  if (/[\u0000-\u0008\t\u000b\u000c\u000e-\u001f\u007f\u0085\u2028\u2029\ufeff]|\r(?!\n)/.test(text)) bail();
  for (const raw of text.split('\n')) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    let indent = 0;
    while (indent < line.length && line.charCodeAt(indent) === 32) indent++;
    const rest = line.slice(indent);
    if (rest === '') {
      if (rest.includes('\t')) bail();
      continue;
    }
    if (rest[0] === '\t') bail();
    if (rest[0] === '#') continue;
    if (indent === 0 && (rest.startsWith('%') || rest.startsWith('---') || rest.startsWith('...'))) bail();
    out.push({ indent, text: rest });
  }
  return out;
}

/** Trims ASCII spaces only: YAML does not treat U+00A0 and other Unicode spaces as white space. */
function trimSpaces(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && s.charCodeAt(a) === 32) a++;
  while (b > a && s.charCodeAt(b - 1) === 32) b--;
  return s.slice(a, b);
}

function startsSeq(text: string): boolean {
  return text === '-' || text.startsWith('- ');
}

class BlockParser {
  pos = 0;
  constructor(private readonly lines: Line[]) {}

  /** The block (mapping or sequence) whose entries start at `indent`. */
  block(indent: number): unknown {
    const first = this.lines[this.pos];
    if (!first || first.indent !== indent) bail();
    return startsSeq(first.text) ? this.seq(indent) : this.map(indent);
  }

  private map(indent: number, firstText?: string): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    let text = firstText;
    for (;;) {
      let entry: string;
      if (text !== undefined) {
        // The first entry of a mapping that starts on a "- " line (already consumed).
        entry = text;
        text = undefined;
      } else {
        const line = this.lines[this.pos];
        if (!line || line.indent < indent) break;
        if (line.indent > indent || startsSeq(line.text)) bail();
        entry = line.text;
        this.pos++;
      }
      const { key, rest } = splitKey(entry);
      if (Object.hasOwn(out, key)) bail();
      out[key] = this.valueAfterKey(rest, indent);
    }
    return out;
  }

  private seq(indent: number): unknown[] {
    const out: unknown[] = [];
    for (;;) {
      const line = this.lines[this.pos];
      // A line at this indentation that is not an item ends a sequence that sat at its key's
      // own indentation ("key:\n- a\nnext: 1"); the caller checks what follows.
      if (!line || line.indent < indent || (line.indent === indent && !startsSeq(line.text))) break;
      if (line.indent > indent) bail();
      this.pos++;
      const after = line.text.slice(1);
      const content = trimSpaces(after);
      const spaces = after.length - after.replace(/^ +/, '').length;
      if (content === '' || content[0] === '#') {
        // "-" alone: the item is the block below, more indented.
        out.push(this.nested(indent));
        continue;
      }
      if (startsSeq(content)) bail(); // "- - x": nested inline sequences
      const itemIndent = indent + 1 + spaces;
      if (looksLikeKey(content)) {
        // "- key: value" starts a mapping whose keys line up with "key".
        out.push(this.map(itemIndent, content));
      } else {
        out.push(inlineValue(content));
        this.noContinuation(indent);
      }
    }
    return out;
  }

  /** The value after "key:" on a line of the mapping at `indent`. */
  private valueAfterKey(rest: string, indent: number): unknown {
    const value = trimSpaces(stripComment(rest));
    if (value === '') return this.nested(indent, true);
    const v = inlineValue(value);
    this.noContinuation(indent);
    return v;
  }

  /** A block below a key or dash, or null when nothing more indented follows. */
  private nested(indent: number, sameIndentSeq = false): unknown {
    const next = this.lines[this.pos];
    if (next && next.indent > indent) return this.block(next.indent);
    // A block sequence may sit at the key's own indentation ("key:\n- a\n- b").
    if (sameIndentSeq && next && next.indent === indent && startsSeq(next.text)) return this.seq(indent);
    return null;
  }

  /** A scalar written on one line must not continue on the next (a multi-line plain scalar). */
  private noContinuation(indent: number): void {
    const next = this.lines[this.pos];
    if (next && next.indent > indent) bail();
  }
}

function looksLikeKey(text: string): boolean {
  const c = text[0];
  if (c === '{' || c === '[' || c === '"' || c === "'") {
    // A quoted key ("a b": 1) is legal YAML but unusual in bpm documents.
    return c === '"' || c === "'" ? /^("[^"\\]*"|'[^']*')\s*:(\s|$)/.test(text) : false;
  }
  return /:(\s|$)/.test(stripComment(text));
}

/** "key: rest" → key text and what follows the colon. */
function splitKey(text: string): { key: string; rest: string } {
  let key: string;
  let i: number;
  if (text[0] === '"' || text[0] === "'") {
    const q = quoted(text, 0);
    key = q.value;
    i = q.end;
    while (text[i] === ' ') i++;
    if (text[i] !== ':') bail();
  } else {
    const m = /^([^\s#:?\-[\]{},&*!|>'"%@`][^:#]*?|-[^\s:#][^:#]*?)[ ]*:(?=\s|$)/.exec(text);
    if (!m) bail();
    key = m![1];
    i = m![0].length - 1;
    // Keys that the core schema would turn into null, or that touch prototypes, go the long way.
    if (/^(~|null|Null|NULL)$/.test(key) || key === '__proto__') bail();
    if (key.includes(' #') || key.includes('\t') || key.length > 1000) bail();
  }
  const rest = text.slice(i + 1);
  if (rest !== '' && rest[0] !== ' ') bail();
  return { key: keyText(key), rest };
}

/** The property name the full parser gives a plain key (numbers are written back as numbers). */
function keyText(key: string): string {
  const v = scalar(key);
  return typeof v === 'string' ? v : String(v);
}

/** Drops a trailing " # comment" outside quotes and flow brackets' strings. */
function stripComment(text: string): string {
  let inS = false;
  let inD = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inD) {
      if (c === '\\') i++;
      else if (c === '"') inD = false;
    } else if (inS) {
      if (c === "'") inS = false;
    } else if (c === '"' && (i === 0 || /[\s[{,:]/.test(text[i - 1]))) inD = true;
    else if (c === "'" && (i === 0 || /[\s[{,:]/.test(text[i - 1]))) inS = true;
    else if (c === '#' && (i === 0 || text[i - 1] === ' ')) return text.slice(0, i);
  }
  if (inS || inD) bail(); // a quoted scalar that continues on the next line
  return text;
}

/** A value written on the rest of a line: a flow collection, a quoted or a plain scalar. */
function inlineValue(text: string): unknown {
  const t = trimSpaces(stripComment(text));
  const c = t[0];
  if (c === undefined || '&*!|>%@`?,]}:#'.includes(c)) bail();
  if (c === '{' || c === '[') {
    const f = new FlowParser(t);
    const v = f.value();
    f.skipSpaces();
    if (f.pos !== t.length) bail();
    return v;
  }
  if (c === '"' || c === "'") {
    const q = quoted(t, 0);
    if (trimSpaces(t.slice(q.end)) !== '') bail();
    return q.value;
  }
  if (/:(\s|$)/.test(t) || t.startsWith('- ') || t === '-') bail();
  return scalar(t);
}

class FlowParser {
  pos = 0;
  constructor(private readonly s: string) {}

  skipSpaces(): void {
    while (this.s[this.pos] === ' ') this.pos++;
  }

  value(): unknown {
    this.skipSpaces();
    const c = this.s[this.pos];
    if (c === '{') return this.map();
    if (c === '[') return this.seq();
    if (c === '"' || c === "'") {
      const q = quoted(this.s, this.pos);
      this.pos = q.end;
      return q.value;
    }
    if (c === undefined || c === ',' || c === ']' || c === '}' || c === '&' || c === '*' || c === '!' || c === '|' || c === '>' || c === '?' || c === '#' || c === '%' || c === '@' || c === '`') bail();
    // "-", "?" or ":" alone (before a separator) is not a plain scalar.
    if ((c === '-' || c === ':') && /[\s,\]}]/.test(this.s[this.pos + 1] ?? ' ')) bail();
    return scalar(this.plain());
  }

  /** A plain scalar in flow context: up to , ] } (or ": " which we do not accept inside values). */
  private plain(): string {
    const start = this.pos;
    while (this.pos < this.s.length) {
      const c = this.s[this.pos];
      if (c === ',' || c === ']' || c === '}') break;
      if (c === ':' && /[\s,\]}]/.test(this.s[this.pos + 1] ?? ' ')) break;
      if (c === '[' || c === '{') bail();
      if (c === '#' && this.s[this.pos - 1] === ' ') bail();
      this.pos++;
    }
    const text = trimSpaces(this.s.slice(start, this.pos));
    if (text === '') bail();
    return text;
  }

  private map(): Record<string, unknown> {
    this.pos++; // {
    const out: Record<string, unknown> = {};
    this.skipSpaces();
    if (this.s[this.pos] === '}') {
      this.pos++;
      return out;
    }
    for (;;) {
      this.skipSpaces();
      let key: string;
      const c = this.s[this.pos];
      if (c === '"' || c === "'") {
        const q = quoted(this.s, this.pos);
        this.pos = q.end;
        key = q.value;
      } else {
        if (c === undefined || '{[]},:?&*!|>#%@`-'.includes(c)) bail();
        const raw = this.plain();
        if (/^(~|null|Null|NULL)$/.test(raw) || raw === '__proto__') bail();
        key = keyText(raw);
      }
      this.skipSpaces();
      if (this.s[this.pos] !== ':') bail();
      this.pos++;
      if (this.s[this.pos] !== ' ') bail(); // "{a:1}" or "{a:}" read differently: full parser
      if (Object.hasOwn(out, key)) bail();
      out[key] = this.value();
      this.skipSpaces();
      const sep = this.s[this.pos++];
      if (sep === '}') return out;
      if (sep !== ',') bail();
      this.skipSpaces();
      if (this.s[this.pos] === '}') bail(); // trailing comma
    }
  }

  private seq(): unknown[] {
    this.pos++; // [
    const out: unknown[] = [];
    this.skipSpaces();
    if (this.s[this.pos] === ']') {
      this.pos++;
      return out;
    }
    for (;;) {
      out.push(this.value());
      this.skipSpaces();
      const sep = this.s[this.pos++];
      if (sep === ']') return out;
      if (sep !== ',') bail();
      this.skipSpaces();
      if (this.s[this.pos] === ']') bail(); // trailing comma
    }
  }
}

const ESCAPES: Record<string, string> = { '\\': '\\', '"': '"', '/': '/', n: '\n', t: '\t', r: '\r', '0': '\0', ' ': ' ', b: '\b', f: '\f' };

/** A quoted scalar starting at `i` and ending on the same line. */
function quoted(s: string, i: number): { value: string; end: number } {
  const q = s[i];
  let out = '';
  let j = i + 1;
  for (;;) {
    if (j >= s.length) bail();
    const c = s[j];
    if (q === "'") {
      if (c === "'") {
        if (s[j + 1] === "'") {
          out += "'";
          j += 2;
          continue;
        }
        return { value: out, end: j + 1 };
      }
      out += c;
      j++;
      continue;
    }
    if (c === '"') return { value: out, end: j + 1 };
    if (c === '\\') {
      const e = s[j + 1];
      if (e !== undefined && ESCAPES[e] !== undefined) {
        out += ESCAPES[e];
        j += 2;
        continue;
      }
      if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(s.slice(j + 2, j + 6))) {
        const cp = parseInt(s.slice(j + 2, j + 6), 16);
        if (cp >= 0xd800 && cp <= 0xdfff) bail();
        out += String.fromCharCode(cp);
        j += 6;
        continue;
      }
      bail();
    }
    out += c;
    j++;
  }
}

const INT = /^[-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;

/** A plain scalar resolved by the YAML 1.2 core schema (the subset we are sure about). */
function scalar(text: string): unknown {
  if (text === '~' || text === 'null' || text === 'Null' || text === 'NULL') return null;
  if (text === 'true' || text === 'True' || text === 'TRUE') return true;
  if (text === 'false' || text === 'False' || text === 'FALSE') return false;
  if (INT.test(text) || FLOAT.test(text)) {
    const n = Number(text);
    // Integers beyond 2^53 would lose digits differently; leave them to the full parser.
    if (!Number.isFinite(n) || (INT.test(text) && !Number.isSafeInteger(n))) bail();
    return n;
  }
  // Special floats and other notations (0x…, 0o…, .inf, .nan) take the full parser.
  if (/^[-+]?\.(inf|Inf|INF)$|^\.(nan|NaN|NAN)$|^[-+]?0[xXoO]/.test(text)) bail();
  if (text.endsWith(':') || text.includes(': ') || text.includes(' #') || text.includes('\t')) bail();
  return text;
}
