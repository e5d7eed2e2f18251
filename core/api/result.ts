import type { ErrorCode, ErrorInfo } from '../errors';

/** Every reply of the API: a value, or a structured error with a stable code. */
export type Result<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ErrorInfo };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function failure<T = never>(
  code: ErrorCode,
  message: string,
  details?: Record<string, unknown>,
): Result<T> {
  return {
    ok: false,
    error: details === undefined ? { code, message } : { code, message, details },
  };
}
