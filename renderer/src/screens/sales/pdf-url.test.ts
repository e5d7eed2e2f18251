import { describe, expect, it } from 'vitest';
import { pdfBytes } from './pdf-url';

describe('pdfBytes', () => {
  it('decodes the base64 the documents channels send, byte for byte', () => {
    const bytes = pdfBytes(btoa('%PDF-1.7\n\u00e2\u00e3'));
    expect([...bytes.slice(0, 5)].map((b) => String.fromCharCode(b)).join('')).toBe('%PDF-');
    expect(bytes.at(-2)).toBe(0xe2);
    expect(bytes.length).toBe(11);
  });
});
