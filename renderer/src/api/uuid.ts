/**
 * A random (version 4) UUID for the ids the renderer gives sales, payments and
 * cash movements. `crypto.randomUUID` exists only in a secure context (https or
 * localhost): a till that opens browser mode by the shop's LAN address
 * (http://192.168.1.10:5757) does not have it, and the app went blank.
 * `crypto.getRandomValues` is there in every context and is just as random.
 */
export function uuid(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40; // version 4
  bytes[8] = (bytes[8]! & 0x3f) | 0x80; // RFC 4122 variant
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
