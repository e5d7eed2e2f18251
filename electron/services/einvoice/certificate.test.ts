import { readFileSync, rmSync, statSync } from 'node:fs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { makeTestCertificate, type TestCertificate } from '../../../fiscal/pe/certificate';
import { user } from '../../testing/fixtures';
import { setUpTill, type Till } from '../../testing/till';
import { openDatabase } from '../../../db/open';
import { signingCertificate } from './certificate-store';
import { keyFileOf } from './sealing';

let till: Till;
afterEach(() => till.close());

let cert: TestCertificate;
const PASSWORD = 'Clave-Secreta-2026';
beforeAll(() => {
  cert = makeTestCertificate({
    ruc: '20100070970',
    password: PASSWORD,
    notBefore: new Date('2026-03-01T00:00:00Z'),
  });
});

const contextOf = (t: Till) => ({ db: t.db, actor: null, now: () => t.clock.now, newId: t.uuid });
const b64 = (bytes: Uint8Array | string) => Buffer.from(bytes).toString('base64');
const keyBody = () => cert.privateKeyPem.split('\n')[1]!;

describe('Settings → Facturación electrónica: the certificate', () => {
  it('loads a .pfx with its password and shows subject, RUC and expiry, never the key or password', async () => {
    till = await setUpTill('PE');
    expect(await till.call('einvoice.certificate', {})).toBeNull();
    const info = await till.call('einvoice.loadCertificate', {
      file: b64(cert.pfx),
      password: PASSWORD,
    });
    expect(info).toMatchObject({
      ruc: '20100070970',
      notAfter: cert.notAfter.toISOString(),
      expiry: { state: 'VALID' },
      test: true,
    });
    expect(info.subject).toContain('NO VALIDO PARA SUNAT');
    expect(await till.call('einvoice.certificate', {})).toEqual(info);
    const answer = JSON.stringify(info);
    expect(answer).not.toContain(PASSWORD);
    expect(answer).not.toContain(keyBody());
    // The key opens again for signing: the same key the .pfx holds.
    expect(signingCertificate(contextOf(till))!.privateKeyPem).toBe(cert.privateKeyPem);
  });

  it('keeps the file and password sealed: not in the database file, the audit or the WAL', async () => {
    till = await setUpTill('PE');
    await till.call('einvoice.loadCertificate', { file: b64(cert.pfx), password: PASSWORD });
    till.db.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    const bytes = readFileSync(till.file);
    expect(bytes.includes(Buffer.from(PASSWORD))).toBe(false);
    expect(bytes.includes(Buffer.from(b64(cert.pfx).slice(0, 40)))).toBe(false);
    expect(bytes.includes(Buffer.from(cert.pfx.subarray(0, 64)))).toBe(false);
    const key = statSync(keyFileOf(till.file));
    expect(key.mode & 0o777).toBe(0o600);
    expect(key.size).toBe(32);
  });

  it('refuses a wrong password or a file that is not a certificate, and keeps the one it had', async () => {
    till = await setUpTill('PE');
    const first = await till.call('einvoice.loadCertificate', {
      file: b64(cert.pfx),
      password: PASSWORD,
    });
    const wrong = await till.fail('einvoice.loadCertificate', {
      file: b64(cert.pfx),
      password: 'x',
    });
    expect(wrong).toMatchObject({ code: 'VALIDATION', details: { reason: 'WRONG_PASSWORD' } });
    expect(wrong.message).not.toContain(PASSWORD);
    const junk = await till.fail('einvoice.loadCertificate', { file: b64('hola'), password: '' });
    expect(junk.code).toBe('VALIDATION');
    expect(await till.call('einvoice.certificate', {})).toEqual(first);
  });

  it('loads a PEM certificate with its PEM key', async () => {
    till = await setUpTill('PE');
    const info = await till.call('einvoice.loadCertificate', {
      file: b64(cert.certificatePem),
      keyFile: b64(cert.privateKeyPem),
      password: '',
    });
    expect(info.ruc).toBe('20100070970');
  });

  it('warns 30 days before it expires', async () => {
    till = await setUpTill('PE');
    const soon = makeTestCertificate({
      notBefore: new Date(till.clock.now.getTime() - 300 * 86_400_000),
      days: 320,
    });
    const info = await till.call('einvoice.loadCertificate', {
      file: b64(soon.pfx),
      password: soon.password,
    });
    expect(info.expiry).toEqual({ state: 'EXPIRING', daysLeft: 20 });
  });

  it('is for admins only', async () => {
    till = await setUpTill('PE');
    await user(till, 'Caja', 'cashier', '5555');
    await till.as('Caja', '5555');
    expect(
      (await till.fail('einvoice.loadCertificate', { file: b64(cert.pfx), password: PASSWORD }))
        .code,
    ).toBe('FORBIDDEN');
    expect((await till.fail('einvoice.certificate', {})).code).toBe('FORBIDDEN');
  });

  it('says clearly when the key file is gone', async () => {
    till = await setUpTill('PE');
    await till.call('einvoice.loadCertificate', { file: b64(cert.pfx), password: PASSWORD });
    rmSync(keyFileOf(till.file));
    // A second connection: nothing opened is cached on it.
    const db = openDatabase(till.file);
    try {
      expect(() => signingCertificate({ ...contextOf(till), db })).toThrow(/key file is missing/);
    } finally {
      db.close();
    }
  });
});
