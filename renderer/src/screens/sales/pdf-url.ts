/** The bytes of a base64 PDF, as the documents channels send it. */
export function pdfBytes(base64: string): Uint8Array<ArrayBuffer> {
  const text = atob(base64);
  const bytes = new Uint8Array(new ArrayBuffer(text.length));
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

/** A blob: URL for an iframe to show the PDF; revoke it when done. */
export function pdfUrl(base64: string): string {
  return URL.createObjectURL(new Blob([pdfBytes(base64)], { type: 'application/pdf' }));
}
