/**
 * One spelling of a JSON value: object keys sorted, undefined members dropped,
 * no whitespace. Two requests that mean the same thing (keys in another order,
 * a field left out or sent as undefined) spell the same, so a hash of this text
 * is a fingerprint of the request, not of how a client happened to write it.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    // JSON.stringify already has one spelling for numbers, strings and booleans.
    if (value === undefined || typeof value === 'function' || typeof value === 'symbol') {
      return 'null';
    }
    if (typeof value === 'bigint') return value.toString();
    if (typeof value === 'number' && !Number.isFinite(value)) return 'null';
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, member]) => member !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, member]) => `${JSON.stringify(key)}:${canonicalJson(member)}`).join(',')}}`;
}
