/**
 * Request bodies with a ceiling: a body over its limit is refused before it is
 * read further, whether it announces its size (Content-Length) or streams in
 * chunks.
 */
import type { IncomingMessage } from 'node:http';

/** Every API call but one fits in far less than this. */
export const MAX_BODY = 1024 * 1024;
/**
 * `products.import` carries a whole catalogue CSV in one request (its bytes as
 * base64: up to 50 MB, 66.7 million characters), so it alone gets a larger
 * ceiling, and only for a logged-in session: an anonymous page cannot make the
 * host buffer it.
 */
export const MAX_IMPORT_BODY = 64 * 1024 * 1024;

export class BodyTooLarge extends Error {
  constructor(readonly limit: number) {
    super(`The request body is over ${limit} bytes`);
  }
}

/** Whether the announced Content-Length is already over the limit. */
export function announcedTooLarge(req: IncomingMessage, limit: number): boolean {
  const length = Number(req.headers['content-length'] ?? 0);
  return Number.isFinite(length) && length > limit;
}

/** Reads the body as UTF-8; rejects with BodyTooLarge as soon as it passes `limit` bytes. */
export function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolveBody, reject) => {
    let size = 0;
    let over = false;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      if (over) return;
      size += chunk.length;
      if (size > limit) {
        over = true;
        chunks.length = 0;
        // Stop reading: the caller answers 413 and closes the connection.
        req.pause();
        reject(new BodyTooLarge(limit));
      } else chunks.push(chunk);
    });
    req.on('end', () => {
      if (!over) resolveBody(Buffer.concat(chunks).toString('utf8'));
    });
    req.on('error', reject);
  });
}
