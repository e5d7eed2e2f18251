import { createHash, randomBytes, randomInt } from 'node:crypto';

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

// No 0/O, 1/I/L: a code is read aloud and typed at the till.
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** A one-time enrolment code like `K7QM-2XRP-9TDA` (about 59 bits). */
export function newEnrolmentCode(): string {
  const chars = Array.from({ length: 12 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]);
  return [0, 4, 8].map((at) => chars.slice(at, at + 4).join('')).join('-');
}

/** Codes are compared as typed without dashes, spaces or case. */
export function normalizeCode(code: string): string {
  return code.replace(/[\s-]/g, '').toUpperCase();
}

export function hashCode(code: string): string {
  return sha256(`enrolment:${normalizeCode(code)}`);
}

/** 256 random bits: a fast hash is enough at rest, nothing to brute-force. */
export function newDeviceSecret(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * The credential a device sends: its store, its id and its secret. The store
 * comes first so the server finds the device by its full key (store, device).
 */
export function formatCredential(storeId: string, deviceId: string, secret: string): string {
  return `${storeId}.${deviceId}.${secret}`;
}

export function parseCredential(
  value: string,
): { storeId: string; deviceId: string; secret: string } | null {
  const parts = value.split('.');
  if (parts.length !== 3 || parts.some((p) => p.length === 0)) return null;
  const [storeId, deviceId, secret] = parts as [string, string, string];
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  if (!uuid.test(storeId) || !uuid.test(deviceId)) return null;
  return { storeId, deviceId, secret };
}
