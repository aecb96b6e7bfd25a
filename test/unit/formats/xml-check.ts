// A small strict XML 1.0 well-formedness checker for the junit formatter's tests (no
// dependency): elements must nest and close, attributes must be quoted and unique, `<` never
// appears in text or attribute values, `&` only starts a known or numeric reference, `]]>`
// never appears in text, and every character is legal in XML 1.0. It builds a small tree.

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const NAME = /^[A-Za-z_:][-A-Za-z0-9_:.]*/;
const ILLEGAL = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(raw: string, where: string): string {
  return raw.replace(/&([^;]*);|&/g, (m, ref: string | undefined) => {
    if (ref === undefined) throw new Error(`bare & in ${where}`);
    if (ref in ENTITIES) return ENTITIES[ref];
    const num = /^#(?:x([0-9A-Fa-f]+)|([0-9]+))$/.exec(ref);
    if (!num) throw new Error(`unknown entity &${ref}; in ${where}`);
    const cp = num[1] !== undefined ? parseInt(num[1], 16) : parseInt(num[2], 10);
    const ch = String.fromCodePoint(cp);
    if (ILLEGAL.test(ch)) throw new Error(`reference to illegal character &${ref}; in ${where}`);
    return ch;
  });
}

export function parseXml(xml: string): XmlElement {
  const bad = ILLEGAL.exec(xml);
  if (bad) throw new Error(`illegal character U+${bad[0].codePointAt(0)?.toString(16)} at ${bad.index}`);
  let i = 0;
  const decl = /^<\?xml[^?]*\?>/.exec(xml);
  if (decl) i = decl[0].length;
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  const skipSpace = (): void => {
    while (i < xml.length && /\s/.test(xml[i])) i++;
  };
  while (i < xml.length) {
    if (xml[i] !== '<') {
      const end = xml.indexOf('<', i);
      const raw = xml.slice(i, end === -1 ? xml.length : end);
      if (raw.includes(']]>')) throw new Error(`]]> in text at ${i}`);
      if (stack.length === 0) {
        if (raw.trim() !== '') throw new Error(`text outside the root element at ${i}`);
      } else {
        stack[stack.length - 1].text += decode(raw, `text at ${i}`);
      }
      i += raw.length;
      continue;
    }
    if (xml.startsWith('</', i)) {
      i += 2;
      const m = NAME.exec(xml.slice(i));
      if (!m) throw new Error(`bad closing tag at ${i}`);
      i += m[0].length;
      skipSpace();
      if (xml[i] !== '>') throw new Error(`unterminated closing tag at ${i}`);
      i++;
      const open = stack.pop();
      if (!open || open.name !== m[0]) throw new Error(`</${m[0]}> closes <${open?.name ?? 'nothing'}>`);
      continue;
    }
    if (xml.startsWith('<!--', i)) {
      const end = xml.indexOf('-->', i);
      if (end === -1) throw new Error('unterminated comment');
      i = end + 3;
      continue;
    }
    if (xml.startsWith('<!', i) || xml.startsWith('<?', i)) throw new Error(`unsupported markup at ${i}`);
    i++;
    const m = NAME.exec(xml.slice(i));
    if (!m) throw new Error(`bad tag name at ${i}`);
    i += m[0].length;
    const el: XmlElement = { name: m[0], attrs: {}, children: [], text: '' };
    for (;;) {
      const before = i;
      skipSpace();
      if (xml.startsWith('/>', i) || xml[i] === '>') break;
      if (i === before) throw new Error(`missing space before attribute at ${i}`);
      const a = NAME.exec(xml.slice(i));
      if (!a) throw new Error(`bad attribute name at ${i}`);
      i += a[0].length;
      if (xml[i] !== '=') throw new Error(`attribute without = at ${i}`);
      i++;
      const q = xml[i];
      if (q !== '"' && q !== "'") throw new Error(`unquoted attribute at ${i}`);
      const end = xml.indexOf(q, i + 1);
      if (end === -1) throw new Error(`unterminated attribute at ${i}`);
      const raw = xml.slice(i + 1, end);
      if (raw.includes('<')) throw new Error(`< in attribute ${a[0]}`);
      if (a[0] in el.attrs) throw new Error(`duplicate attribute ${a[0]}`);
      el.attrs[a[0]] = decode(raw, `attribute ${a[0]}`);
      i = end + 1;
    }
    const selfClosing = xml.startsWith('/>', i);
    i += selfClosing ? 2 : 1;
    if (stack.length > 0) stack[stack.length - 1].children.push(el);
    else if (root) throw new Error('more than one root element');
    else root = el;
    if (!selfClosing) stack.push(el);
  }
  if (stack.length > 0) throw new Error(`unclosed <${stack[stack.length - 1].name}>`);
  if (!root) throw new Error('no root element');
  return root;
}

/** All descendants (and the element itself) named `name`. */
export function findAll(el: XmlElement, name: string): XmlElement[] {
  const out = el.name === name ? [el] : [];
  for (const c of el.children) out.push(...findAll(c, name));
  return out;
}
