/**
 * The store's signing certificate: loaded once in Settings, kept sealed in the
 * database (sealing.ts), opened when a document is signed. Only its public
 * description ever leaves this module; the key and the password never do.
 */
import { DomainError } from '../../../core/errors';
import type { CertificateInfo } from '../../../core/api/model';
import {
  certificateExpiry,
  loadPem,
  loadPfx,
  type SigningCertificate,
} from '../../../fiscal/pe/certificate';
import { einvoiceCertificate } from '../../../db/schema';
import { writeAudit } from '../audit';
import { inTransaction, type ServiceContext } from '../context';
import { selectRows } from '../sql';
import { fileKeySealer, keyFileOf, type Sealer } from './sealing';

/** What is sealed: the files as loaded and the password, to be read again the same way. */
interface SealedSecret {
  readonly file: string;
  readonly keyFile?: string;
  readonly password: string;
}

export interface CertificateUpload {
  /** base64 of a .pfx/.p12, or of a PEM certificate (with keyFile). */
  readonly file: string;
  /** base64 of the PEM private key, when the certificate is PEM. */
  readonly keyFile?: string | undefined;
  readonly password: string;
}

function sealerOf(ctx: ServiceContext): Sealer {
  return ctx.sealer ?? fileKeySealer(keyFileOf(ctx.db.file));
}

function isPem(bytes: Buffer): boolean {
  return bytes.subarray(0, 64).toString('latin1').includes('-----BEGIN');
}

/** Reads the uploaded files as fiscal/pe does; errors are its clear VALIDATION ones. */
function readCertificate(secret: SealedSecret): SigningCertificate {
  const file = Buffer.from(secret.file, 'base64');
  if (!isPem(file)) return loadPfx(file, secret.password);
  const text = file.toString('utf8');
  // One PEM file may hold both the certificate and its key.
  const key = secret.keyFile ? Buffer.from(secret.keyFile, 'base64').toString('utf8') : text;
  if (!/PRIVATE KEY-----/.test(key)) {
    throw new DomainError('VALIDATION', 'A PEM certificate needs its private key (keyFile)', {
      reason: 'PASSWORD_NEEDED',
      path: ['keyFile'],
    });
  }
  return loadPem(text, key, secret.password === '' ? undefined : secret.password);
}

/** A Peruvian RUC in the subject (certificates carry it in OU, serialNumber or CN). */
export function rucInSubject(subject: string): string {
  return /\b(?:10|15|16|17|20)\d{9}\b/.exec(subject)?.[0] ?? '';
}

/** fiscal/pe's makeTestCertificate names itself so; nothing SUNAT issues does. */
const TEST_MARK = 'NO VALIDO PARA SUNAT';

type Row = typeof einvoiceCertificate.$inferSelect;

function infoOf(row: Row, now: Date): CertificateInfo {
  const expiry = certificateExpiry(
    { notBefore: new Date(row.notBefore), notAfter: new Date(row.notAfter) },
    now,
  );
  return {
    subject: row.subject,
    ruc: row.ruc,
    notBefore: row.notBefore,
    notAfter: row.notAfter,
    expiry: { state: expiry.state, daysLeft: expiry.daysLeft },
    test: row.subject.includes(TEST_MARK),
    loadedAt: row.loadedAt,
  };
}

function storedRow(ctx: ServiceContext): Row | undefined {
  return selectRows(ctx, einvoiceCertificate, 'id = 1').get();
}

export function certificateInfo(ctx: ServiceContext): CertificateInfo | null {
  const row = storedRow(ctx);
  return row ? infoOf(row, ctx.now()) : null;
}

/** Checks the files and password, then seals and stores them, replacing any previous certificate. */
export function storeCertificate(ctx: ServiceContext, upload: CertificateUpload): CertificateInfo {
  const secret: SealedSecret = {
    file: upload.file,
    ...(upload.keyFile ? { keyFile: upload.keyFile } : {}),
    password: upload.password,
  };
  const certificate = readCertificate(secret);
  const sealer = sealerOf(ctx);
  const sealed = sealer.seal(Buffer.from(JSON.stringify(secret), 'utf8'));
  const values = {
    id: 1,
    sealing: sealer.kind,
    sealed,
    subject: certificate.subject,
    ruc: rucInSubject(certificate.subject),
    notBefore: certificate.notBefore.toISOString(),
    notAfter: certificate.notAfter.toISOString(),
    loadedAt: ctx.now().toISOString(),
    loadedBy: ctx.actor?.name ?? '',
  };
  return inTransaction(ctx, () => {
    const before = certificateInfo(ctx);
    ctx.db.orm
      .insert(einvoiceCertificate)
      .values(values)
      .onConflictDoUpdate({ target: einvoiceCertificate.id, set: values })
      .run();
    const after = certificateInfo(ctx)!;
    writeAudit(ctx, {
      action: 'einvoice.loadCertificate',
      entity: 'certificate',
      entityId: 1,
      ...(before ? { before: { subject: before.subject, notAfter: before.notAfter } } : {}),
      after: { subject: after.subject, ruc: after.ruc, notAfter: after.notAfter },
    });
    return after;
  });
}

/** Opened certificates per connection, until another one is loaded (opening a .pfx is slow). */
const opened = new WeakMap<object, { loadedAt: string; certificate: SigningCertificate }>();

/** The certificate to sign with, or null when none is loaded. */
export function signingCertificate(ctx: ServiceContext): SigningCertificate | null {
  const row = storedRow(ctx);
  if (!row) return null;
  const cached = opened.get(ctx.db.sqlite);
  if (cached && cached.loadedAt === row.loadedAt) return cached.certificate;
  const sealer = sealerOf(ctx);
  if (sealer.kind !== row.sealing) {
    throw new DomainError(
      'INVALID_STATE',
      `The certificate was sealed by ${row.sealing}, not ${sealer.kind}: load it again here`,
      { reason: 'SEALED_ELSEWHERE' },
    );
  }
  const secret = JSON.parse(sealer.open(row.sealed).toString('utf8')) as SealedSecret;
  const certificate = readCertificate(secret);
  opened.set(ctx.db.sqlite, { loadedAt: row.loadedAt, certificate });
  return certificate;
}
