/**
 * Where documents.* may write a PDF: under the app's documents folder
 * (<data dir>/documents, beside backups/) or the one folder an admin set in
 * settings. Any other place is chosen in the desktop app's save dialog, which
 * writes the bytes itself. A caller of the API (the renderer, the web host,
 * the CLI) could otherwise have the main process overwrite any file it can.
 */
import { randomUUID } from 'node:crypto';
import { statSync } from 'node:fs';
import { link, lstat, mkdir, realpath, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { DomainError } from '../../core/errors';
import { writeAudit } from '../services/audit';
import { inTransaction, type ServiceContext } from '../services/context';

/** The app's own documents folder: beside the database, like backups/. */
export function documentsDir(databaseFile: string): string {
  return join(dirname(resolve(databaseFile)), 'documents');
}

/** `\\server\share\…` or `//server/share/…`: a network share, never written to from the API. */
export function isUncPath(path: string): boolean {
  return /^[\\/]{2}/.test(path);
}

function hasParentSegment(path: string): boolean {
  return path.split(/[\\/]/).includes('..');
}

function forbid(reason: string, message: string, extra: Record<string, unknown> = {}): never {
  throw new DomainError('FORBIDDEN', message, { reason, path: ['out'], ...extra });
}

/** Whether `child` is `root` or inside it (case-insensitively where the OS is). */
function isInside(root: string, child: string): boolean {
  const rel = relative(root, child);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/**
 * Checks the admin's documents folder before settings.update stores it: an
 * absolute, existing, local folder with no ".." in it; '' clears it.
 */
export function checkDocumentsFolder(folder: string): string {
  const value = folder.trim();
  if (value === '') return '';
  const invalid = (reason: string, message: string): never => {
    throw new DomainError('VALIDATION', message, { reason, path: ['documentsFolder'] });
  };
  if (isUncPath(value)) invalid('UNC_PATH', 'Use a folder on this computer, not a network share');
  if (!isAbsolute(value)) invalid('NOT_ABSOLUTE', 'Give the whole path of the folder');
  if (hasParentSegment(value)) invalid('PATH_TRAVERSAL', 'The folder must not contain ".."');
  let isFolder = false;
  try {
    isFolder = statSync(value).isDirectory();
  } catch {
    isFolder = false;
  }
  if (!isFolder) invalid('NOT_A_FOLDER', `${value} is not an existing folder`);
  return resolve(value);
}

async function realOrNull(path: string): Promise<string | null> {
  try {
    return await realpath(path);
  } catch {
    return null;
  }
}

/**
 * The file to write for `out`, with its folder's links resolved, or FORBIDDEN
 * (which the API audits) with a reason: UNC_PATH, PATH_TRAVERSAL,
 * OUTSIDE_DOCUMENTS, or SYMLINK_ESCAPE when a link inside an allowed folder
 * points out of it.
 */
export async function allowedTarget(
  databaseFile: string,
  configured: string,
  out: string,
): Promise<string> {
  if (isUncPath(out)) forbid('UNC_PATH', 'PDFs are not written to network shares');
  if (hasParentSegment(out)) forbid('PATH_TRAVERSAL', 'The file path must not contain ".."');
  const own = documentsDir(databaseFile);
  const roots = configured ? [own, configured] : [own];
  const target = resolve(out);
  if (!roots.some((root) => isInside(root, target))) {
    forbid('OUTSIDE_DOCUMENTS', `PDFs are written only under ${roots.join(' or ')}`, {
      allowed: roots,
    });
  }
  await mkdir(own, { recursive: true });
  const folder = await realOrNull(dirname(target));
  if (folder === null) {
    throw new DomainError('VALIDATION', `The folder ${dirname(target)} does not exist`, {
      reason: 'CANNOT_WRITE',
      path: ['out'],
      code: 'ENOENT',
    });
  }
  const realRoots = (await Promise.all(roots.map(realOrNull))).filter((r) => r !== null);
  if (!realRoots.some((root) => isInside(root, folder))) {
    forbid('SYMLINK_ESCAPE', `${dirname(target)} leads out of the documents folder`, {
      allowed: roots,
    });
  }
  return join(folder, basename(target));
}

/**
 * Writes beside the target and then renames (overwrite) or links (not), so
 * no one ever sees half a PDF and an existing file is never replaced unless
 * asked: link() fails on an existing name atomically, symlink or not.
 */
export async function writePdf(file: string, pdf: Uint8Array, overwrite: boolean): Promise<void> {
  const partial = `${file}.${randomUUID().slice(0, 8)}.partial`;
  const exists = (): never => {
    throw new DomainError(
      'CONFLICT',
      `${file} already exists; send overwrite: true to replace it`,
      {
        reason: 'FILE_EXISTS',
        path: ['out'],
        file,
      },
    );
  };
  try {
    // 'wx': never through a link someone left under the partial's name.
    await writeFile(partial, pdf, { flag: 'wx' });
    if (overwrite) {
      await rename(partial, file);
      return;
    }
    try {
      await link(partial, file);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') exists();
      // Some drives (FAT on a USB stick) have no hard links: check, then rename.
      if (
        await lstat(file).then(
          () => true,
          () => false,
        )
      )
        exists();
      await rename(partial, file);
    }
  } catch (error) {
    if (error instanceof DomainError) throw error;
    const code = (error as NodeJS.ErrnoException).code ?? 'UNKNOWN';
    throw new DomainError('VALIDATION', `Cannot write ${file} (${code})`, {
      reason: 'CANNOT_WRITE',
      path: ['out'],
      code,
    });
  } finally {
    await rm(partial, { force: true });
  }
}

/** The write, audited in its own transaction: who wrote which file. */
export function auditWrite(
  ctx: ServiceContext,
  channel: string,
  write: { file: string; bytes: number; overwrite: boolean },
): void {
  inTransaction(ctx, () =>
    writeAudit(ctx, { action: channel, entity: 'file', entityId: write.file, after: write }),
  );
}
