import { describe, expect, it } from 'vitest';
import {
  CanonicalDocument,
  XML_DECLARATION,
  canonicalAttributeValue,
  canonicalText,
} from './canonical-xml';
import { canonicalize } from './testing';

const TRICKY = 'A & B <c> "d" \'e\' ñáÉü\tf\ng 🛒 ]]> x';

function write(build: (doc: CanonicalDocument) => void): string {
  const doc = new CanonicalDocument('r', {
    xmlns: 'urn:r',
    'xmlns:b': 'urn:b',
    'xmlns:a': 'urn:a',
  });
  build(doc);
  return doc.end();
}

describe('canonical writer', () => {
  it('writes what inclusive C14N makes of it: explicit end tags, sorted attributes, escapes', () => {
    const xml = write((doc) => {
      const child = doc.root.ele('a:x', { z: '1', b: TRICKY, m: 'a\tb\nc\rd' });
      child.ele('b:y').txt(TRICKY);
      child.ele('b:empty');
      doc.root.ele('a:z').txt('');
    });
    expect(xml).toBe(canonicalize(XML_DECLARATION + xml));
    // Namespaces first, default before prefixes, prefixes sorted; then attributes by name.
    expect(xml.slice(0, xml.indexOf('>'))).toBe('<r xmlns="urn:r" xmlns:a="urn:a" xmlns:b="urn:b"');
    expect(xml).toContain(
      '<a:x b="A &amp; B &lt;c> &quot;d&quot; \'e\' ñáÉü&#x9;f&#xA;g 🛒 ]]> x"',
    );
    expect(xml).toContain(' m="a&#x9;b&#xA;c&#xD;d" z="1">');
    expect(xml).toContain('<b:y>A &amp; B &lt;c&gt; "d" \'e\' ñáÉü\tf\ng 🛒 ]]&gt; x</b:y>');
    expect(xml).toContain('<b:empty></b:empty></a:x><a:z></a:z></r>');
  });

  it('agrees with C14N on every ASCII character alone and in a word, in text and in attributes', () => {
    const xml = write((doc) => {
      for (let code = 0x09; code < 0x80; code++) {
        if (code < 0x20 && code !== 0x09 && code !== 0x0a) continue; // dropped or CR: tests below
        const c = String.fromCharCode(code);
        doc.root.ele('a:c', { v: c, w: `x${c}y` }).txt(c);
        doc.root.ele('a:w').txt(`x${c}y`);
      }
    });
    expect(xml).toBe(canonicalize(XML_DECLARATION + xml));
  });

  it('reads CR in text as a parser does (CRLF and CR become LF), so the text is what SUNAT reads', () => {
    expect(canonicalText('a\r\nb\rc\n')).toBe('a\nb\nc\n');
    const xml = write((doc) => doc.root.ele('a:t').txt('a\r\nb\rc'));
    expect(xml).toContain('<a:t>a\nb\nc</a:t>');
    expect(xml).toBe(canonicalize(XML_DECLARATION + xml));
  });

  it('drops characters XML 1.0 cannot carry (a control character, a lone surrogate)', () => {
    expect(canonicalText('a\u0001b\u000Bc\uD800d\uFFFEe😀')).toBe('abcde😀');
    expect(canonicalAttributeValue('a\u0000b')).toBe('ab');
    const xml = write((doc) => doc.root.ele('a:t', { v: 'x\u0002y' }).txt('p\u001Fq'));
    expect(xml).toContain('<a:t v="xy">pq</a:t>');
    expect(xml).toBe(canonicalize(XML_DECLARATION + xml));
  });

  it('closes open descendants when a parent gets a child, and refuses to add to a closed element', () => {
    let closed: ReturnType<CanonicalDocument['root']['ele']> | undefined;
    const xml = write((doc) => {
      const parent = doc.root.ele('a:p');
      closed = parent.ele('a:c');
      closed.ele('a:d').txt('1');
      parent.ele('a:e').txt('2');
      expect(() => closed!.ele('a:late')).toThrow(/already closed/);
      expect(() => closed!.txt('late')).toThrow(/already closed/);
    });
    expect(xml).toContain('<a:p><a:c><a:d>1</a:d></a:c><a:e>2</a:e></a:p>');
  });

  it('declares namespaces only on the root, and takes no prefixed attributes', () => {
    expect(() => write((doc) => doc.root.ele('a:x', { 'xmlns:c': 'urn:c' }))).toThrow(/root/);
    expect(() => write((doc) => doc.root.ele('a:x', { 'xml:lang': 'es' }))).toThrow(/root/);
  });
});
