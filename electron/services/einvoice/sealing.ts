/**
 * Keeps the signing certificate's secrets (the .pfx and its password) sealed at
 * rest. The default seals with AES-256-GCM under a random 32-byte key in a file
 * beside the database, created 0600: every host of the same data folder (the
 * desktop app, `pos`, the web host) can sign with it, which Electron's
 * safeStorage (tied to the desktop app's OS keychain entry) would not allow.
 * A host may pass another Sealer (safeStorage) in its ServiceContext; the
 * certificate row records which one sealed it. What this protects against: the
 * database file copied alone (a backup, a support bundle) does not reveal the key.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, closeSync, openSync, readFileSync, writeSync } from 'node:fs';
import { DomainError } from '../../../core/errors';

export interface Sealer {
  /** Recorded beside what it sealed, so the right one opens it. */
  readonly kind: string;
  seal(plain: Uint8Array): Buffer;
  open(sealed: Uint8Array): Buffer;
}

const VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_BYTES = 32;

/** The key file of a database: `<file>.cpe-key`, in the same folder. */
export function keyFileOf(databaseFile: string): string {
  return `${databaseFile}.cpe-key`;
}

function readOrCreateKey(path: string): Buffer {
  try {
    const key = readFileSync(path);
    if (key.length !== KEY_BYTES) {
      throw new DomainError('INVALID_STATE', `The e-invoicing key file ${path} is damaged`, {
        reason: 'KEY_FILE_DAMAGED',
      });
    }
    return key;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const key = randomBytes(KEY_BYTES);
  // 'wx': never overwrite a key another process has just made; then read theirs.
  let fd: number;
  try {
    fd = openSync(path, 'wx', 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return readOrCreateKey(path);
    throw error;
  }
  try {
    writeSync(fd, key);
  } finally {
    closeSync(fd);
  }
  chmodSync(path, 0o600); // the umask may have narrowed it; never widened
  return key;
}

export function fileKeySealer(keyFile: string): Sealer {
  return {
    kind: 'aes-256-gcm-file',
    seal(plain) {
      const key = readOrCreateKey(keyFile);
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain), cipher.final()]);
      return Buffer.concat([Buffer.from([VERSION]), iv, cipher.getAuthTag(), body]);
    },
    open(sealed) {
      const data = Buffer.from(sealed);
      let key: Buffer;
      try {
        key = readFileSync(keyFile);
      } catch {
        throw new DomainError(
          'INVALID_STATE',
          'The e-invoicing key file is missing (a database moved without it?): load the certificate again',
          { reason: 'KEY_FILE_MISSING' },
        );
      }
      try {
        const iv = data.subarray(1, 1 + IV_BYTES);
        const tag = data.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES);
        const decipher = createDecipheriv('aes-256-gcm', key, iv);
        decipher.setAuthTag(tag);
        return Buffer.concat([
          decipher.update(data.subarray(1 + IV_BYTES + TAG_BYTES)),
          decipher.final(),
        ]);
      } catch {
        throw new DomainError(
          'INVALID_STATE',
          'The stored certificate cannot be opened with this key file: load the certificate again',
          { reason: 'KEY_FILE_MISMATCH' },
        );
      }
    },
  };
}
