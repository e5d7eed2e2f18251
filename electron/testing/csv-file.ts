/** A CSV file as products.import takes it: the bytes, base64. Text is written as UTF-8. */
export function csvFile(content: string | Uint8Array): string {
  return Buffer.from(typeof content === 'string' ? Buffer.from(content, 'utf8') : content).toString(
    'base64',
  );
}
