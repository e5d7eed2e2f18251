/**
 * The store's signing certificate: read from a .pfx (PKCS#12, what a Peruvian
 * certification authority hands out) or from PEM files, its expiry checked,
 * and a self-signed one made for tests and the demo (never for SUNAT).
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import forge from 'node-forge';
import { DomainError } from '../../core/errors';

export interface SigningCertificate {
  /** PKCS#8 PEM of the RSA private key. */
  readonly privateKeyPem: string;
  /** PEM of the signing certificate. */
  readonly certificatePem: string;
  readonly subject: string;
  readonly notBefore: Date;
  readonly notAfter: Date;
}

function bad(reason: string, message: string): never {
  throw new DomainError('VALIDATION', message, { reason });
}

function describe(cert: forge.pki.Certificate): string {
  return cert.subject.attributes
    .map((a) => `${a.shortName ?? a.name}=${String(a.value)}`)
    .join(', ');
}

function fromForge(key: forge.pki.PrivateKey, cert: forge.pki.Certificate): SigningCertificate {
  const rsaKey = key as forge.pki.rsa.PrivateKey;
  const certKey = cert.publicKey as forge.pki.rsa.PublicKey;
  if (!rsaKey.n || rsaKey.n.compareTo(certKey.n) !== 0) {
    bad('KEY_MISMATCH', 'The private key does not belong to the certificate');
  }
  const privateKeyPem = forge.pki.privateKeyInfoToPem(
    forge.pki.wrapRsaPrivateKey(forge.pki.privateKeyToAsn1(rsaKey)),
  );
  return {
    privateKeyPem,
    certificatePem: forge.pki.certificateToPem(cert),
    subject: describe(cert),
    notBefore: cert.validity.notBefore,
    notAfter: cert.validity.notAfter,
  };
}

/** Reads a .pfx / .p12 with its password. A wrong password is a clear VALIDATION error. */
export function loadPfx(pfx: Uint8Array, password: string): SigningCertificate {
  let p12: forge.pkcs12.Pkcs12Pfx;
  try {
    const der = forge.util.binary.raw.encode(pfx);
    p12 = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(der), password);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/password|MAC/i.test(message)) {
      bad('WRONG_PASSWORD', 'The certificate password is not right');
    }
    bad('NOT_A_PFX', `The file is not a readable .pfx certificate (${message})`);
  }
  const keyBags = [
    ...(p12.getBags({ bagType: forge.pki.oids.pkcs8ShroudedKeyBag! })[
      forge.pki.oids.pkcs8ShroudedKeyBag!
    ] ?? []),
    ...(p12.getBags({ bagType: forge.pki.oids.keyBag! })[forge.pki.oids.keyBag!] ?? []),
  ];
  const certBags = p12.getBags({ bagType: forge.pki.oids.certBag! })[forge.pki.oids.certBag!] ?? [];
  const key = keyBags.find((b) => b.key)?.key;
  if (!key) bad('NO_PRIVATE_KEY', 'The .pfx holds no private key');
  const rsaKey = key as forge.pki.rsa.PrivateKey;
  // A .pfx may carry the CA chain too: the signing certificate is the one of the key.
  const cert = certBags
    .map((b) => b.cert)
    .find((c) => c && (c.publicKey as forge.pki.rsa.PublicKey).n.compareTo(rsaKey.n) === 0);
  if (!cert) bad('NO_CERTIFICATE', 'The .pfx holds no certificate for its key');
  return fromForge(key, cert);
}

/** Reads a PEM certificate and its (optionally encrypted) PEM private key. */
export function loadPem(
  certificatePem: string,
  privateKeyPem: string,
  password?: string,
): SigningCertificate {
  let cert: forge.pki.Certificate;
  try {
    cert = forge.pki.certificateFromPem(certificatePem);
  } catch {
    bad('NOT_A_CERTIFICATE', 'The certificate is not a readable PEM certificate');
  }
  let key: forge.pki.PrivateKey | null;
  if (privateKeyPem.includes('ENCRYPTED')) {
    if (password === undefined) bad('PASSWORD_NEEDED', 'The private key needs its password');
    key = forge.pki.decryptRsaPrivateKey(privateKeyPem, password);
    if (!key) bad('WRONG_PASSWORD', 'The private key password is not right');
  } else {
    try {
      key = forge.pki.privateKeyFromPem(privateKeyPem);
    } catch {
      bad('NOT_A_KEY', 'The private key is not a readable RSA PEM key');
    }
  }
  return fromForge(key, cert);
}

export type ExpiryState = 'VALID' | 'EXPIRING' | 'EXPIRED' | 'NOT_YET_VALID';

/** SUNAT rejects a document signed with an expired certificate: warn this many days ahead. */
export const EXPIRY_WARNING_DAYS = 30;

export interface CertificateExpiry {
  readonly state: ExpiryState;
  readonly notAfter: Date;
  /** Whole days left until it expires (0 on its last day, negative once expired). */
  readonly daysLeft: number;
}

const DAY = 86_400_000;

export function certificateExpiry(
  cert: Pick<SigningCertificate, 'notBefore' | 'notAfter'>,
  now: Date,
): CertificateExpiry {
  const left = cert.notAfter.getTime() - now.getTime();
  const daysLeft = Math.floor(left / DAY);
  const state: ExpiryState =
    now < cert.notBefore
      ? 'NOT_YET_VALID'
      : left <= 0
        ? 'EXPIRED'
        : left <= EXPIRY_WARNING_DAYS * DAY
          ? 'EXPIRING'
          : 'VALID';
  return { state, notAfter: cert.notAfter, daysLeft };
}

export interface TestCertificate extends SigningCertificate {
  /** The same key and certificate as a .pfx under `password`. */
  readonly pfx: Uint8Array;
  readonly password: string;
}

/**
 * A self-signed certificate for tests and the demo store. SUNAT never accepts
 * it; it lets a fresh install sign documents without a real certificate.
 * The key pair comes from Node (native, fast); forge writes the certificate.
 */
export function makeTestCertificate(
  options: {
    readonly ruc?: string;
    readonly name?: string;
    readonly notBefore?: Date;
    readonly days?: number;
    readonly bits?: number;
    readonly password?: string;
  } = {},
): TestCertificate {
  const { ruc = '20100070970', name = 'TENDERO DEMO (NO VALIDO PARA SUNAT)' } = options;
  const password = options.password ?? 'tendero';
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: options.bits ?? 2048 });
  const key = forge.pki.privateKeyFromPem(
    privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  ) as forge.pki.rsa.PrivateKey;
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.setRsaPublicKey(key.n, key.e);
  // A positive serial: the first byte's high bit clear.
  const serial = randomBytes(16);
  serial[0] = serial[0]! & 0x7f;
  cert.serialNumber = serial.toString('hex');
  const notBefore = options.notBefore ?? new Date();
  cert.validity.notBefore = notBefore;
  cert.validity.notAfter = new Date(notBefore.getTime() + (options.days ?? 365) * DAY);
  const subject = [
    { name: 'commonName', value: name },
    { name: 'organizationName', value: name },
    { shortName: 'OU', value: ruc },
    { name: 'countryName', value: 'PE' },
  ];
  cert.setSubject(subject);
  cert.setIssuer(subject);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, nonRepudiation: true },
  ]);
  cert.sign(key, forge.md.sha256.create());
  const asn1 = forge.pkcs12.toPkcs12Asn1(key, [cert], password, { algorithm: '3des' });
  const pfx = forge.util.binary.raw.decode(forge.asn1.toDer(asn1).getBytes());
  return { ...fromForge(key, cert), pfx, password };
}
