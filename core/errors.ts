/**
 * Stable error codes shared by core, the services and every client.
 *
 * Clients translate by code (and `details.reason` where given); the message is
 * a developer-facing fallback. Never rename a code: stored audit rows and
 * remote tills depend on them.
 */
export const ERROR_CODES = [
  'VALIDATION',
  'NOT_FOUND',
  'NO_OPEN_SESSION',
  'SESSION_ALREADY_OPEN',
  'INSUFFICIENT_STOCK',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'CONFLICT',
  'INVALID_STATE',
  'NOT_SET_UP',
  'BAD_BARCODE',
  'BAD_CHECK_DIGIT',
  'UNKNOWN_LAYOUT',
  'QUANTITY_OUT_OF_RANGE',
  'PRINTER_UNAVAILABLE',
  // Another program holds the database's write lock longer than a call waits
  // for it; nothing was saved and the same call can be sent again.
  'BUSY',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ErrorInfo {
  readonly code: ErrorCode;
  readonly message: string;
  readonly details?: Readonly<Record<string, unknown>>;
}

/**
 * The one exception type core and the services throw on purpose. Anything else
 * that escapes a handler is a bug and is reported as INTERNAL.
 */
export class DomainError extends Error implements ErrorInfo {
  readonly code: ErrorCode;
  readonly details?: Readonly<Record<string, unknown>>;

  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    if (details !== undefined) this.details = details;
  }

  toInfo(): ErrorInfo {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}

export function isDomainError(value: unknown): value is DomainError {
  return value instanceof DomainError;
}
