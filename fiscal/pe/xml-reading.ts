/** Reading values back out of a document, for tests and for the printed representation. */
import { DOMParser, type Element } from '@xmldom/xmldom';

function parse(xml: string) {
  return new DOMParser().parseFromString(xml, 'text/xml');
}

/** Every element named `name` ("cbc:TaxAmount"), in document order, optionally under `within`. */
export function elements(xml: string, name: string, within?: string): Element[] {
  const doc = parse(xml);
  const scopes = within ? Array.from(doc.getElementsByTagName(within)) : [doc.documentElement!];
  return scopes.flatMap((scope) => Array.from(scope.getElementsByTagName(name)));
}

/** The text of every element named `name`. */
export function texts(xml: string, name: string, within?: string): string[] {
  return elements(xml, name, within).map((e) => e.textContent ?? '');
}
