/** Builders for the e-invoicing tests: a Peruvian till that signs, over the real API. */
import { makeTestCertificate, type TestCertificate } from '../../../fiscal/pe/certificate';
import { openSession, product } from '../../testing/fixtures';
import { setUpTill, type Till } from '../../testing/till';

/** The tests' clock starts 2026-03-06: a certificate valid from before it. */
export function testCertificate(): TestCertificate {
  return makeTestCertificate({ notBefore: new Date('2026-03-01T00:00:00Z'), bits: 2048 });
}

export async function einvoicingTill(
  options: { certificate?: TestCertificate | null; einvoicing?: boolean } = {},
): Promise<{ till: Till; certificate: TestCertificate | null }> {
  const till = await setUpTill('PE');
  const certificate = options.certificate === undefined ? testCertificate() : options.certificate;
  if (certificate) {
    await till.call('einvoice.loadCertificate', {
      file: Buffer.from(certificate.pfx).toString('base64'),
      password: certificate.password,
    });
  }
  await till.call('settings.update', {
    legalName: 'BODEGA DON LUCHO S.A.C.',
    ubigeo: '150101',
    einvoicing: options.einvoicing ?? true,
  });
  await product(till, { code: 'INCA', name: 'Inca Kola 500 ml', price: 250, stock: 100 });
  await product(till, { code: 'ARROZ', name: 'Arroz Costeño 1 kg', price: 480, stock: 100 });
  await openSession(till);
  return { till, certificate };
}

export interface StoredCpe {
  saleId: string;
  returnId: string | null;
  documentType: string;
  series: string;
  correlative: number;
  state: string;
  xml: Buffer | null;
  digest: string | null;
  qrText: string | null;
  failure: string | null;
}

export function storedCpes(till: Till): StoredCpe[] {
  return till.db.sqlite
    .prepare(
      'SELECT sale_id AS saleId, return_id AS returnId, document_type AS documentType, series, correlative, state, xml, digest, qr_text AS qrText, failure FROM cpe_documents ORDER BY id',
    )
    .all() as StoredCpe[];
}
