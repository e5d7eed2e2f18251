/**
 * A real till behind a real webhost for each test: a fresh SQLite file, the
 * real API, the built renderer. Optionally filled with the demo shop.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import { openDatabase, type TenderoDb } from '../db/open';
import { createApi, type Api, type Session } from '../electron/api';
import { assetReader } from '../electron/assets';
import { startWebHost, type WebHost, type WebHostOptions } from '../electron/webhost';

export interface TillHost {
  readonly url: string;
  readonly dir: string;
  readonly file: string;
  readonly db: TenderoDb;
  readonly api: Api;
  /** Calls the API as the given user, bypassing the UI (for checks and setup). */
  call<T = unknown>(
    channel: string,
    input: unknown,
    as?: { name: string; pin: string },
  ): Promise<T>;
}

export async function startTill(
  options: { demo?: boolean; webhost?: Partial<WebHostOptions> } = {},
): Promise<TillHost & { close(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'tendero-e2e-'));
  const file = join(dir, 'tendero.sqlite');
  const db = openDatabase(file);
  const api = createApi({ db, readAsset: assetReader() });
  if (options.demo) {
    const result = await api.call('setup.demo', { days: 7 }, { actor: null });
    if (!result.ok) throw new Error(result.error.message);
  }
  const host: WebHost = await startWebHost({
    api,
    staticDir: join(process.cwd(), 'dist', 'renderer'),
    ...options.webhost,
  });
  const sessions = new Map<string, Session>();
  return {
    url: host.url,
    dir,
    file,
    db,
    api,
    async call<T>(channel: string, input: unknown, as?: { name: string; pin: string }): Promise<T> {
      const key = as?.name ?? '';
      let session = sessions.get(key);
      if (!session) {
        session = { actor: null };
        if (as) {
          const login = await api.call('auth.login', as, session);
          if (!login.ok) throw new Error(login.error.message);
        }
        sessions.set(key, session);
      }
      const result = await api.call(channel, input, session);
      if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
      return result.value as T;
    },
    async close() {
      await host.close();
      if (db.sqlite.open) db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Logs in through the login screen: picks the user, types the PIN. */
export async function loginAs(page: Page, name: string, pin: string): Promise<void> {
  await page.getByRole('radio', { name: new RegExp(name) }).click();
  await page.locator('.pin-input').fill(pin);
  await page.keyboard.press('Enter');
}

export const test = base.extend<{ till: TillHost }>({
  // Playwright reads a fixture's dependencies from this pattern; this one has none.
  // eslint-disable-next-line no-empty-pattern
  till: async ({}, use) => {
    const till = await startTill();
    await use(till);
    await till.close();
  },
});

export { expect };
