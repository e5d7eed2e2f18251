/**
 * Why a database could not be opened. The desktop shell turns each kind into a
 * dialog with the file's path and what the user can do; nothing starts on a
 * half-open database.
 */
export type OpenFailure =
  | 'CORRUPT'
  | 'NEWER_VERSION'
  | 'DISK_FULL'
  | 'READ_ONLY'
  | 'LOCKED'
  /** Another process has the database open (a restore was refused). */
  | 'IN_USE'
  /** No database at that path, and the caller did not ask to create one. */
  | 'NOT_FOUND'
  | 'MIGRATION_FAILED'
  | 'NOT_A_TENDERO_DATABASE'
  | 'OTHER';

export class DatabaseOpenError extends Error {
  readonly kind: OpenFailure;
  readonly file: string;
  /** What a caller may show or print: who holds the file, where a safety copy is. */
  readonly details: Readonly<Record<string, unknown>>;

  constructor(
    kind: OpenFailure,
    file: string,
    message: string,
    options?: { cause?: unknown; details?: Record<string, unknown> },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'DatabaseOpenError';
    this.kind = kind;
    this.file = file;
    this.details = options?.details ?? {};
  }
}

/** Maps SQLite's error codes onto what the user can act on. */
export function classifySqliteError(error: unknown): OpenFailure {
  const code =
    typeof error === 'object' && error !== null ? String((error as { code?: unknown }).code) : '';
  if (code.startsWith('SQLITE_NOTADB') || code.startsWith('SQLITE_CORRUPT')) return 'CORRUPT';
  if (code.startsWith('SQLITE_FULL')) return 'DISK_FULL';
  if (
    code.startsWith('SQLITE_READONLY') ||
    code.startsWith('SQLITE_CANTOPEN') ||
    code.startsWith('SQLITE_PERM')
  ) {
    return 'READ_ONLY';
  }
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return 'LOCKED';
  return 'OTHER';
}
