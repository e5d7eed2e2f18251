import { createHash } from 'node:crypto';
import { canonicalJson } from '../../core/canonical-json';
import { DomainError } from '../../core/errors';

/**
 * A client-made id is an idempotency key, as in a payment API: the same
 * request again gets the stored answer, and a different request under a used
 * id is refused with CONFLICT (IDEMPOTENCY_MISMATCH) instead of being answered
 * with what the first request made. Sync replays rely on both.
 */

/**
 * sha256 of the request as parsed (trimmed text, thousandths, defaults
 * applied), spelled canonically, without `omit`. What is omitted is who
 * authorised it: a supervisor's PIN must never be stored, not even hashed (a
 * 4-digit PIN falls to 10,000 guesses), and a retry that a different
 * supervisor authorised is still the same sale.
 */
export function requestHash(input: Readonly<Record<string, unknown>>, omit: readonly string[]) {
  const kept = Object.fromEntries(Object.entries(input).filter(([key]) => !omit.includes(key)));
  return createHash('sha256').update(canonicalJson(kept)).digest('hex');
}

/**
 * Refuses a replay whose request differs from the one stored under its id.
 * A row stored before hashes were kept (NULL) cannot be compared and is
 * answered as before: with the stored record.
 */
export function checkReplay(
  stored: string | null,
  hash: string,
  what: { entity: string; id: string; number: string },
): void {
  if (stored === null || stored === hash) return;
  throw new DomainError(
    'CONFLICT',
    `The ${what.entity} ${what.id} (${what.number}) was already made from a different request; use a new id for a new ${what.entity}`,
    { reason: 'IDEMPOTENCY_MISMATCH', entity: what.entity, id: what.id, number: what.number },
  );
}
