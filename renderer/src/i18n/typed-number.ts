import { DomainError } from '../../../core/errors';
import type { TypedNumberFailure } from '../../../core/money/typed';
import { t, type Params } from './index';
import type { MessageKey } from './messages';

/**
 * Why core refused a typed number, as one sentence in the UI language that
 * says how to write it ("«1,234» se puede leer de dos maneras…").
 */
export function typedNumberHint(error: unknown): string {
  if (!(error instanceof DomainError)) return String(error);
  const details = (error.details ?? {}) as Record<string, unknown>;
  const params: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(details)) {
    if (typeof value === 'string' || typeof value === 'number') params[key] = value;
  }
  const reason = (details.reason ?? 'EMPTY') as TypedNumberFailure;
  const whole = details.maxFractionDigits === 0;
  const key =
    whole && (reason === 'AMBIGUOUS_SEPARATOR' || reason === 'TOO_MANY_DECIMALS')
      ? `${reason}_WHOLE`
      : reason;
  return t(`common.typed.${key}` as MessageKey, params as Params);
}

/** Parses with a core typed-number reader: the value, or the hint when refused. */
export function readTyped<T>(parse: () => T): { ok: true; value: T } | { ok: false; hint: string } {
  try {
    return { ok: true, value: parse() };
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return { ok: false, hint: typedNumberHint(error) };
  }
}
