import { expect } from 'chai';
import { XlsxError } from '../../../../src/io/xlsx/errors.js';
import { decodeXml, escapeXml, parseXmlTree, visitXml } from '../../../../src/io/xlsx/xml.js';

function events(xml: string): string[] {
  const out: string[] = [];
  visitXml(xml, { open: (n, a) => out.push(`<${n} ${JSON.stringify(a.all())}`), close: (n) => out.push(`</${n}`), text: (t) => out.push(`"${t}"`) }, 'p.xml');
  return out;
}

function error(xml: string): unknown {
  try {
    visitXml(xml, { text: () => undefined }, 'p.xml');
  } catch (e) {
    if (e instanceof XlsxError) return e.args;
    throw e;
  }
  return 'no error';
}

describe('io/xlsx/xml', () => {
  it('streams elements with local names, attributes, entities, CDATA; skips the prolog, comments and PIs', () => {
    expect(events('<?xml version="1.0"?><!-- c --><x:a r:id="1" b=\'x &amp; &lt;y&gt;\'><b/>t&#x4E2D;&#25991;<![CDATA[<raw>&amp;]]><?pi x?></x:a>')).to.deep.equal([
      '<a {"id":"1","b":"x & <y>"}',
      '<b {}',
      '</b',
      '"t中文"',
      '"<raw>&amp;"',
      '</a',
    ]);
  });

  it('refuses a DOCTYPE (no entities, no XXE), unknown entities and malformed markup', () => {
    expect(error('<!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>')).to.deep.equal({ variant: 'doctype', part: 'p.xml' });
    expect(error('<x>&nbsp;</x>')).to.deep.equal({ variant: 'xml', part: 'p.xml' });
    expect(error('<x>&amp</x>')).to.deep.equal({ variant: 'xml', part: 'p.xml' });
    expect(error('<x>&#0;</x>')).to.deep.equal({ variant: 'xml', part: 'p.xml' });
    expect(error('<x><y></x></y>')).to.deep.equal({ variant: 'xml', part: 'p.xml' });
    expect(error('<x a="1></x>')).to.deep.equal({ variant: 'xml', part: 'p.xml' });
    expect(error('<x>')).to.deep.equal({ variant: 'xml', part: 'p.xml' });
    expect(error('<'.repeat(1) + 'a>'.repeat(1) + '<a>'.repeat(300) + '</a>'.repeat(301))).to.deep.equal({ variant: 'xml', part: 'p.xml' });
  });

  it('builds a tree of a small part', () => {
    const t = parseXmlTree('<sheets><sheet name="自评表" state="hidden"/><sheet name="b">x</sheet></sheets>', 'w.xml');
    expect(t.children.map((c) => [c.name, c.attrs.name, c.text])).to.deep.equal([
      ['sheet', '自评表', ''],
      ['sheet', 'b', 'x'],
    ]);
  });

  it('decodes UTF-8 with or without a BOM and UTF-16 with one', () => {
    expect(decodeXml(Buffer.from('\ufeff<a>中</a>', 'utf8'))).to.equal('<a>中</a>');
    expect(decodeXml(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<a>中</a>', 'utf16le')]))).to.equal('<a>中</a>');
    expect(decodeXml(Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('<a>中</a>', 'utf16le').swap16()]))).to.equal('<a>中</a>');
  });

  it('escapes text and drops characters XML cannot carry', () => {
    expect(escapeXml('a<b>&"c"\u0001\n')).to.equal('a&lt;b&gt;&amp;&quot;c&quot;\n');
  });
});

describe('io/xlsx/xml: attributes read on demand', () => {
  it('finds an attribute by local name, a plain one before a prefixed one, and checks what it reads', () => {
    const got: unknown[] = [];
    visitXml('<c r="A1" x:t="s" t="n" s=\'3\' q="a>b"/>', { open: (_n, a) => got.push(a.get('r'), a.get('t'), a.get('s'), a.get('q'), a.get('none')) }, 'p');
    expect(got).to.deep.equal(['A1', 'n', '3', 'a>b', undefined]);
    expect(() => visitXml('<c r=A1/>', { open: (_n, a) => a.get('r') }, 'p')).to.throw(XlsxError);
    // An element whose attributes nobody reads is not examined further than its end.
    expect(() => visitXml('<c r=A1></c>', {}, 'p')).to.not.throw();
  });
});
