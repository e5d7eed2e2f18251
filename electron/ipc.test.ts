import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInvokeHandler, trustedUrlChecker } from './ipc';
import { setUpTill, type Till } from './testing/till';
import type { Session } from './api';

let till: Till;
const sessions = new Map<number, Session>();
let refusals: string[] = [];

beforeAll(async () => {
  till = await setUpTill('PE');
  sessions.set(1, till.session);
});
afterAll(() => till.close());

function handler() {
  refusals = [];
  return createInvokeHandler({
    api: till.api,
    isTrustedUrl: trustedUrlChecker(),
    sessionFor: (id) => sessions.get(id) ?? { actor: null },
    onRefused: (reason) => refusals.push(reason),
  });
}

const own = { senderFrame: { url: 'app://tendero/index.html#/till' }, sender: { id: 1 } };

describe('the IPC wrapper', () => {
  it('answers a call from the app with the service result', async () => {
    const result = await handler()(own, 'settings.get', {});
    expect(result).toMatchObject({
      ok: true,
      value: { businessName: 'Bodega Don Lucho', country: 'PE' },
    });
  });

  it('refuses a foreign sender frame', async () => {
    const invoke = handler();
    for (const url of [
      'https://evil.example/',
      'file:///etc/passwd',
      'app://other/index.html',
      'not a url',
    ]) {
      const result = await invoke({ senderFrame: { url }, sender: { id: 1 } }, 'settings.get', {});
      expect(result).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN', details: { reason: 'FOREIGN_SENDER' } },
      });
    }
    expect(refusals).toHaveLength(4);
  });

  it('refuses a null sender frame', async () => {
    const result = await handler()({ senderFrame: null, sender: { id: 1 } }, 'settings.get', {});
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', details: { reason: 'NO_SENDER_FRAME' } },
    });
  });

  it('refuses unknown channels before the API sees them', async () => {
    const invoke = handler();
    for (const channel of ['settings.drop', 'constructor', '__proto__', 42, null]) {
      const result = await invoke(own, channel, {});
      expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    }
  });

  it('acts as the window’s own logged-in user, never one named in the payload', async () => {
    const other = { senderFrame: { url: 'app://tendero/' }, sender: { id: 2 } };
    const result = await handler()(other, 'settings.get', { actor: { id: 1, role: 'admin' } });
    expect(result).toMatchObject({ ok: false });
    const anonymous = await handler()(other, 'settings.get', {});
    expect(anonymous).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('trusts the dev server only when one is configured', () => {
    expect(trustedUrlChecker()('http://localhost:5173/')).toBe(false);
    expect(trustedUrlChecker('http://localhost:5173')('http://localhost:5173/#/till')).toBe(true);
    expect(trustedUrlChecker('http://localhost:5173')('http://localhost:5174/')).toBe(false);
  });
});
