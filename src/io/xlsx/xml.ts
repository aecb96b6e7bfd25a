// A small XML reader for the parts of a workbook: a streaming visitor (a sheet of a million cells
// is walked, never held as a tree) and a light element tree for the small parts (workbook,
// relationships, styles). It is deliberately not a general XML parser: a document type
// declaration is refused (no external entities, no entity-expansion bombs), and only the five
// predefined entities and numeric character references are known. Names are local names
// (`x:row` and `row` are the same element; `r:id` is the attribute `id`).
import { XlsxError } from './errors.js';

export type Attrs = Record<string, string>;

export interface XmlVisitor {
  /** `attrs` is valid only during the call. */
  open?(name: string, attrs: AttrView): void;
  close?(name: string): void;
  /** Character data (entities decoded, CDATA included), in pieces as they come. */
  text?(text: string): void;
}

/** Elements nested deeper than this are not a workbook part. */
const MAX_DEPTH = 256;

/** Text of an XML part: UTF-8 (with or without a byte-order mark) or UTF-16 with one. */
export function decodeXml(bytes: Buffer): string {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2).toString('utf16le');
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return Buffer.from(bytes.subarray(2)).swap16().toString('utf16le');
  const start = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  return bytes.toString('utf8', start);
}

/** Walks `xml`, calling the visitor; throws XlsxError (xlsx-corrupt) on malformed markup. */
export function visitXml(xml: string, v: XmlVisitor, part: string): void {
  const bad = (): XlsxError => new XlsxError('xlsx-corrupt', { variant: 'xml', part });
  const stack: string[] = [];
  const cursor = new AttrCursor(bad);
  const n = xml.length;
  let i = 0;
  while (i < n) {
    const lt = xml.indexOf('<', i);
    const textEnd = lt < 0 ? n : lt;
    if (textEnd > i && v.text) v.text(decodeEntities(xml.slice(i, textEnd), bad));
    if (lt < 0) break;
    const c = xml.charCodeAt(lt + 1);
    if (c === 47 /* / */) {
      const gt = xml.indexOf('>', lt);
      if (gt < 0) throw bad();
      const name = localName(xml.slice(lt + 2, gt).trim());
      if (stack.pop() !== name) throw bad();
      v.close?.(name);
      i = gt + 1;
    } else if (c === 63 /* ? */) {
      const end = xml.indexOf('?>', lt);
      if (end < 0) throw bad();
      i = end + 2;
    } else if (c === 33 /* ! */) {
      if (xml.startsWith('<!--', lt)) {
        const end = xml.indexOf('-->', lt + 4);
        if (end < 0) throw bad();
        i = end + 3;
      } else if (xml.startsWith('<![CDATA[', lt)) {
        const end = xml.indexOf(']]>', lt + 9);
        if (end < 0 || stack.length === 0) throw bad();
        v.text?.(xml.slice(lt + 9, end));
        i = end + 3;
      } else if (/^<!DOCTYPE/i.test(xml.slice(lt, lt + 9))) {
        throw new XlsxError('xlsx-corrupt', { variant: 'doctype', part });
      } else {
        throw bad();
      }
    } else {
      i = openTag(xml, lt, stack, v, cursor, bad);
    }
  }
  if (stack.length > 0) throw bad();
}

/** Reads `<name attr="…" …>` or `<name …/>` at `lt`; returns the index after it. */
function openTag(xml: string, lt: number, stack: string[], v: XmlVisitor, cursor: AttrCursor, bad: () => XlsxError): number {
  const n = xml.length;
  let p = lt + 1;
  while (p < n && !isSpaceOrEnd(xml.charCodeAt(p))) p++;
  if (p === lt + 1) throw bad();
  const name = localName(xml.slice(lt + 1, p));
  const attrStart = p;
  // The end of the tag: the first '>' outside quoted attribute values.
  for (;;) {
    if (p >= n) throw bad();
    const c = xml.charCodeAt(p);
    if (c === 62 /* > */) break;
    if (c === 34 || c === 39) {
      const close = xml.indexOf(c === 34 ? '"' : "'", p + 1);
      if (close < 0) throw bad();
      p = close + 1;
      continue;
    }
    if (c === 60 /* < */) throw bad();
    p++;
  }
  const selfClosing = xml.charCodeAt(p - 1) === 47 /* / */ && p - 1 >= attrStart;
  if (stack.length >= MAX_DEPTH) throw bad();
  if (v.open) {
    cursor.xml = xml;
    cursor.start = attrStart;
    cursor.end = selfClosing ? p - 1 : p;
    v.open(name, cursor);
  }
  if (selfClosing) {
    v.close?.(name);
    return p + 1;
  }
  stack.push(name);
  return p + 1;
}

/**
 * The attributes of the element being opened, read only when asked for (a sheet's rows carry
 * attributes nobody reads). Valid only during the `open` call.
 */
export interface AttrView {
  /** The value of the attribute with this local name (a plain one before a prefixed one). */
  get(name: string): string | undefined;
  all(): Attrs;
}

class AttrCursor implements AttrView {
  xml = '';
  start = 0;
  end = 0;

  constructor(private readonly bad: () => XlsxError) {}

  get(name: string): string | undefined {
    let found: string | undefined;
    this.each((local, nameStart, nameEnd, vs, ve) => {
      if (nameEnd - local !== name.length || !this.xml.startsWith(name, local)) return false;
      found = decodeEntities(this.xml.slice(vs, ve), this.bad);
      return local === nameStart; // a plain name ends the search; a prefixed one may be overridden
    });
    return found;
  }

  all(): Attrs {
    const attrs: Attrs = {};
    this.each((local, nameStart, nameEnd, vs, ve) => {
      const key = this.xml.slice(local, nameEnd);
      if (!(key in attrs) || local === nameStart) attrs[key] = decodeEntities(this.xml.slice(vs, ve), this.bad);
      return false;
    });
    return attrs;
  }

  /** Calls `fn` with each attribute's local-name start, name start and end, and value bounds; stops when it returns true. */
  private each(fn: (local: number, nameStart: number, nameEnd: number, valueStart: number, valueEnd: number) => boolean): void {
    const { xml, end } = this;
    let p = this.start;
    for (;;) {
      while (p < end && isSpace(xml.charCodeAt(p))) p++;
      if (p >= end) return;
      const nameStart = p;
      let local = p;
      for (; p < end; p++) {
        const c = xml.charCodeAt(p);
        if (c === 61 /* = */ || isSpace(c)) break;
        if (c === 58 /* : */) local = p + 1;
      }
      const nameEnd = p;
      while (p < end && isSpace(xml.charCodeAt(p))) p++;
      if (nameEnd === nameStart || xml.charCodeAt(p) !== 61) throw this.bad();
      p++;
      while (p < end && isSpace(xml.charCodeAt(p))) p++;
      const q = xml.charCodeAt(p);
      if (q !== 34 && q !== 39) throw this.bad();
      const close = xml.indexOf(q === 34 ? '"' : "'", p + 1);
      if (close < 0 || close >= end) throw this.bad();
      if (fn(local, nameStart, nameEnd, p + 1, close)) return;
      p = close + 1;
    }
  }
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

function isSpaceOrEnd(c: number): boolean {
  return isSpace(c) || c === 62 || c === 47;
}

function localName(qname: string): string {
  const colon = qname.indexOf(':');
  return colon < 0 ? qname : qname.slice(colon + 1);
}

const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Resolves the five predefined entities and character references; any other entity is an error. */
export function decodeEntities(s: string, bad: () => XlsxError): string {
  if (s.indexOf('&') < 0) return s;
  return s.replace(/&([^;&\s]{0,12});?/g, (m, name: string) => {
    if (!m.endsWith(';')) throw bad();
    if (name.startsWith('#')) {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      if (!Number.isInteger(code) || code < 1 || code > 0x10ffff || !/^#(x[0-9a-f]+|\d+)$/i.test(name)) throw bad();
      return String.fromCodePoint(code);
    }
    const ch = PREDEFINED[name];
    if (ch === undefined) throw bad();
    return ch;
  });
}

export interface XmlElement {
  name: string;
  attrs: Attrs;
  children: XmlElement[];
  /** Character data directly inside this element. */
  text: string;
}

/** The element tree of a small part. */
export function parseXmlTree(xml: string, part: string): XmlElement {
  const root: XmlElement = { name: '', attrs: {}, children: [], text: '' };
  const stack: XmlElement[] = [root];
  visitXml(
    xml,
    {
      open(name, attrs) {
        const el: XmlElement = { name, attrs: attrs.all(), children: [], text: '' };
        stack[stack.length - 1].children.push(el);
        stack.push(el);
      },
      close() {
        stack.pop();
      },
      text(t) {
        stack[stack.length - 1].text += t;
      },
    },
    part,
  );
  const top = root.children[0];
  if (!top || root.children.length > 1) throw new XlsxError('xlsx-corrupt', { variant: 'xml', part });
  return top;
}

/** Children of `el` named `name`. */
export function childrenNamed(el: XmlElement | undefined, name: string): XmlElement[] {
  return el ? el.children.filter((c) => c.name === name) : [];
}

export function child(el: XmlElement | undefined, name: string): XmlElement | undefined {
  return el?.children.find((c) => c.name === name);
}

/** Escapes text for element content and attribute values. */
export function escapeXml(s: string): string {
  // Characters XML 1.0 cannot carry at all (control characters other than tab and newlines) are dropped.
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '').replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));
}
