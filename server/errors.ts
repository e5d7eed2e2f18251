import type { SyncErrorCode } from '../core/sync';

const STATUS: Record<SyncErrorCode, number> = {
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  REVOKED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  ENROLMENT_CODE_INVALID: 403,
  SERIES_TAKEN: 409,
  SEQ_GAP: 409,
  REPLAY_MISMATCH: 409,
  TOO_LARGE: 413,
  RATE_LIMITED: 429,
  INTERNAL: 500,
};

/** A refusal with a stable code; the request's transaction rolls back, nothing is written. */
export class SyncFailure extends Error {
  readonly status: number;
  constructor(
    readonly code: SyncErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.status = STATUS[code];
  }
}

export function errorBody(code: SyncErrorCode, message: string, details?: Record<string, unknown>) {
  return {
    error: details === undefined ? { code, message } : { code, message, details },
    serverTime: new Date().toISOString(),
  };
}
