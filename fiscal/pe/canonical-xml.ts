/**
 * A streaming XML writer whose output is already in canonical form: inclusive
 * C14N 1.0 without comments (https://www.w3.org/TR/2001/REC-xml-c14n-20010315),
 * the canonicalization the signature uses. Because the text it writes is its
 * own canonical form, the signature's reference digest is the SHA-256 of the
 * text itself (sign.ts), with no parse, DOM or canonicalization pass.
 *
 * This is the part that must be right, so it is small and every rule is here:
 *
 * - No XML declaration, comments, processing instructions, CDATA or DOCTYPE
 *   (the declaration is prepended outside the canonical body by the caller).
 * - Every element has an explicit end tag (`<a></a>`, never `<a/>`), and the
 *   writer adds no whitespace between elements.
 * - Namespace declarations only on the root element, so none is ever
 *   superfluous (C14N drops a declaration an ancestor already made).
 * - Attributes in C14N order: namespace declarations first (the default one,
 *   then by prefix), then the others by namespace URI and local name. Only
 *   unprefixed attributes are supported (their namespace URI is empty), so
 *   "by local name" is the whole rule.
 * - Text escapes & < > and CR; attribute values escape & < " and TAB, LF, CR,
 *   written as the character references C14N prescribes (&#x9; &#xA; &#xD;).
 *
 * The tests check all of this against xml-crypto's canonicalizer and xmlsec1
 * (fast-path.test.ts, conformance.test.ts).
 */

/** The element-building surface the UBL parts use; xmlbuilder2's builder has it too. */
export interface XmlNode {
  ele(name: string, attributes?: Readonly<Record<string, string>>): XmlNode;
  txt(text: string): XmlNode;
}

/** Written before the canonical body; C14N of a document never includes it. */
export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';

/**
 * Characters XML 1.0 cannot carry at all (Char production: TAB, LF, CR,
 * U+0020–U+D7FF, U+E000–U+FFFD, U+10000–U+10FFFF; with the `u` flag a lone
 * surrogate is its own code point and is caught too). A stray control
 * character in a product name (a CSV import) must not block a sale, so it is
 * dropped rather than refused.
 */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/**
 * A literal CR in XML text is read back as LF (XML 1.0 §2.11: CRLF and lone CR
 * become LF), which is what the document meant by it when written by a
 * library. Normalising here keeps the stored text equal to what any parser,
 * SUNAT's included, reads; C14N would otherwise require CR as &#xD;.
 */
const LINE_END = /\r\n?/g;

const TEXT_SPECIAL = /[&<>\r]/g;
const TEXT_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  // Unreachable after LINE_END, kept so this table is C14N's on its own.
  '\r': '&#xD;',
};

const ATTRIBUTE_SPECIAL = /[&<"\t\n\r]/g;
const ATTRIBUTE_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '"': '&quot;',
  '\t': '&#x9;',
  '\n': '&#xA;',
  '\r': '&#xD;',
};

/**
 * Printable ASCII without & < > ": nothing to drop, normalise or escape, in
 * text or attributes. Most values (amounts, codes, dates) are this; the check
 * is the writer's main saving over always running the three replacements.
 */
const PLAIN = /^[\x20\x21\x23-\x25\x27-\x3B\x3D\x3F-\x7E]*$/;

/** Element text in canonical form. */
export function canonicalText(value: string): string {
  if (PLAIN.test(value)) return value;
  return value
    .replace(NOT_XML_CHAR, '')
    .replace(LINE_END, '\n')
    .replace(TEXT_SPECIAL, (c) => TEXT_ESCAPES[c]!);
}

/** An attribute value in canonical form (without the quotes). */
export function canonicalAttributeValue(value: string): string {
  if (PLAIN.test(value)) return value;
  return value.replace(NOT_XML_CHAR, '').replace(ATTRIBUTE_SPECIAL, (c) => ATTRIBUTE_ESCAPES[c]!);
}

function isNamespaceDeclaration(name: string): boolean {
  return name === 'xmlns' || name.startsWith('xmlns:');
}

/**
 * C14N attribute order. Namespace declarations sort by prefix, the default one
 * ("xmlns", prefix "") first; the others by local name. Names are ASCII, so
 * JavaScript's code-unit comparison is C14N's code-point comparison.
 */
function sortKey(name: string): string {
  return isNamespaceDeclaration(name) ? `0${name.slice(6)}` : `1${name}`;
}

function attributesText(
  attributes: Readonly<Record<string, string>> | undefined,
  isRoot: boolean,
): string {
  if (!attributes) return '';
  const names = Object.keys(attributes);
  if (names.length > 1) names.sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : 1));
  let text = '';
  for (const name of names) {
    if (isNamespaceDeclaration(name) ? !isRoot : name.includes(':')) {
      throw new Error(
        `canonical writer: "${name}" is only allowed as a root namespace declaration`,
      );
    }
    text += ` ${name}="${canonicalAttributeValue(attributes[name]!)}"`;
  }
  return text;
}

class CanonicalElement implements XmlNode {
  constructor(
    private readonly document: CanonicalDocument,
    readonly name: string,
    readonly depth: number,
  ) {}

  ele(name: string, attributes?: Readonly<Record<string, string>>): XmlNode {
    return this.document.open(this, name, attributes);
  }

  txt(text: string): XmlNode {
    this.document.text(this, text);
    return this;
  }
}

/**
 * One document, written in order. Adding to an element closes its open
 * descendants first (their end tags are written then), so the builders can
 * keep the xmlbuilder2 style of holding a parent and adding to it; adding to
 * an element that is already closed is a programming error and throws.
 */
export class CanonicalDocument {
  private out = '';
  private readonly stack: CanonicalElement[] = [];
  readonly root: XmlNode;

  constructor(rootName: string, attributes: Readonly<Record<string, string>>) {
    this.out = `<${rootName}${attributesText(attributes, true)}>`;
    const root = new CanonicalElement(this, rootName, 0);
    this.stack.push(root);
    this.root = root;
  }

  /** Closes every element below `element`, which must still be open. */
  private focus(element: CanonicalElement): void {
    if (this.stack[element.depth] !== element) {
      throw new Error(`canonical writer: <${element.name}> is already closed`);
    }
    while (this.stack.length > element.depth + 1) this.out += `</${this.stack.pop()!.name}>`;
  }

  open(
    parent: CanonicalElement,
    name: string,
    attributes: Readonly<Record<string, string>> | undefined,
  ): XmlNode {
    this.focus(parent);
    this.out += `<${name}${attributesText(attributes, false)}>`;
    const element = new CanonicalElement(this, name, parent.depth + 1);
    this.stack.push(element);
    return element;
  }

  text(element: CanonicalElement, text: string): void {
    this.focus(element);
    this.out += canonicalText(text);
  }

  /** Closes every open element and returns the canonical text (no declaration). */
  end(): string {
    while (this.stack.length > 0) this.out += `</${this.stack.pop()!.name}>`;
    return this.out;
  }
}
