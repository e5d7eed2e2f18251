/**
 * The admin endpoint's token. Made on the first start (or when the data
 * folder's copy is missing), printed once, stored in the database only as a
 * hash, and kept in plain in <data>/admin-token (mode 0600) so the admin CLI
 * on this machine can reach the running server: PGlite admits one process at
 * a time, so while the server runs the CLI must go through it.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { and, eq, isNull } from 'drizzle-orm';
import type { Orm } from './db/open';
import { adminTokens } from './db/schema';
import { SyncFailure } from './errors';
import { sha256 } from './secrets';

export const TOKEN_FILE = 'admin-token';
/** Where a running server says it listens (removed when it stops). */
export const SERVER_FILE = 'server.json';

const hashToken = (token: string) => sha256(`admin:${token}`);

export function readTokenFile(dataDir: string): string | null {
  const file = join(dataDir, TOKEN_FILE);
  return existsSync(file) ? readFileSync(file, 'utf8').trim() || null : null;
}

async function isValid(orm: Orm, token: string): Promise<boolean> {
  const [row] = await orm
    .select()
    .from(adminTokens)
    .where(and(eq(adminTokens.tokenHash, hashToken(token)), isNull(adminTokens.revokedAt)));
  return Boolean(row);
}

/** The token kept in the data folder, or a new one (then `created` says to print it). */
export async function ensureAdminToken(orm: Orm, dataDir: string) {
  const kept = readTokenFile(dataDir);
  if (kept && (await isValid(orm, kept))) return { token: kept, created: false };
  const token = randomBytes(32).toString('base64url');
  await orm.insert(adminTokens).values({ tokenHash: hashToken(token) });
  writeFileSync(join(dataDir, TOKEN_FILE), `${token}\n`, { mode: 0o600 });
  return { token, created: true };
}

export async function authenticateAdmin(orm: Orm, header: string | undefined): Promise<void> {
  const match = /^Admin\s+(\S+)$/i.exec(header ?? '');
  if (!match || !(await isValid(orm, match[1]!))) {
    throw new SyncFailure(
      'UNAUTHENTICATED',
      'The admin endpoint needs `Authorization: Admin <token>`',
    );
  }
}

export function writeServerFile(dataDir: string, url: string): void {
  writeFileSync(join(dataDir, SERVER_FILE), JSON.stringify({ url, pid: process.pid }), {
    mode: 0o600,
  });
}

export function removeServerFile(dataDir: string): void {
  rmSync(join(dataDir, SERVER_FILE), { force: true });
}

export function readServerFile(dataDir: string): { url: string; pid: number } | null {
  const file = join(dataDir, SERVER_FILE);
  if (!existsSync(file)) return null;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as { url: string; pid: number };
  } catch {
    return null;
  }
}
