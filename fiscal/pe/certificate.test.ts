import forge from 'node-forge';
import { describe, expect, it } from 'vitest';
import {
  certificateExpiry,
  loadPem,
  loadPfx,
  makeTestCertificate,
  type SigningCertificate,
} from './certificate';

const reasonOf = (load: () => unknown) => {
  try {
    load();
  } catch (error) {
    return (error as { details?: { reason?: string } }).details?.reason;
  }
  return 'loaded';
};

describe('the signing certificate', () => {
  const made = makeTestCertificate({ password: 'clave-123', notBefore: new Date('2026-01-01') });

  it('reads a .pfx with its password: the same key and certificate', () => {
    const loaded = loadPfx(made.pfx, 'clave-123');
    expect(loaded.certificatePem).toBe(made.certificatePem);
    expect(loaded.privateKeyPem).toBe(made.privateKeyPem);
    expect(loaded.subject).toContain('OU=20100070970');
    expect(loaded.notAfter.toISOString()).toBe('2027-01-01T00:00:00.000Z');
  });

  it('refuses a wrong password and a file that is not a .pfx, clearly', () => {
    expect(reasonOf(() => loadPfx(made.pfx, 'otra'))).toBe('WRONG_PASSWORD');
    expect(reasonOf(() => loadPfx(new TextEncoder().encode('hola'), 'x'))).toBe('NOT_A_PFX');
  });

  it('reads PEM files, the key plain or encrypted with a password', () => {
    expect(loadPem(made.certificatePem, made.privateKeyPem).certificatePem).toBe(
      made.certificatePem,
    );
    const encrypted = forge.pki.encryptRsaPrivateKey(
      forge.pki.privateKeyFromPem(made.privateKeyPem),
      's3creta',
    );
    expect(loadPem(made.certificatePem, encrypted, 's3creta').privateKeyPem).toBe(
      made.privateKeyPem,
    );
    expect(reasonOf(() => loadPem(made.certificatePem, encrypted, 'mal'))).toBe('WRONG_PASSWORD');
    expect(reasonOf(() => loadPem(made.certificatePem, encrypted))).toBe('PASSWORD_NEEDED');
    expect(reasonOf(() => loadPem('no', made.privateKeyPem))).toBe('NOT_A_CERTIFICATE');
  });

  it("refuses a key that is not the certificate's", () => {
    const other = makeTestCertificate({ bits: 1024 });
    expect(reasonOf(() => loadPem(made.certificatePem, other.privateKeyPem))).toBe('KEY_MISMATCH');
  });
});

describe('certificateExpiry: warn 30 days before', () => {
  const cert: Pick<SigningCertificate, 'notBefore' | 'notAfter'> = {
    notBefore: new Date('2026-01-01T00:00:00Z'),
    notAfter: new Date('2027-01-01T00:00:00Z'),
  };
  it.each([
    ['2025-12-31T23:59:59Z', 'NOT_YET_VALID', 365],
    ['2026-06-01T00:00:00Z', 'VALID', 214],
    ['2026-12-01T23:59:59Z', 'VALID', 30],
    ['2026-12-02T00:00:00Z', 'EXPIRING', 30],
    ['2026-12-31T12:00:00Z', 'EXPIRING', 0],
    ['2027-01-01T00:00:00Z', 'EXPIRED', 0],
    ['2027-01-03T00:00:00Z', 'EXPIRED', -2],
  ])('at %s it is %s with %i days left', (now, state, daysLeft) => {
    expect(certificateExpiry(cert, new Date(now))).toMatchObject({ state, daysLeft });
  });
});
