/**
 * Peru's electronic documents: building the UBL 2.1 XML and signing it with a
 * 2048-bit key, as the till does at the moment of sale (issue 15's targets).
 * The fast path (canonical writer + node:crypto) is what ships; the reference
 * (xmlbuilder2 + xml-crypto, kept for the tests) is measured in the same run,
 * call for call, for the ratio.
 */
import { makeTestCertificate } from '../fiscal/pe/certificate';
import { buildInvoiceXml } from '../fiscal/pe/invoice';
import { referenceInvoiceXml, referenceSignDocument } from '../fiscal/pe/reference';
import { signDocument } from '../fiscal/pe/sign';
import { makeInvoice, type Item } from '../fiscal/pe/testing';
import { documentFileName, zipDocument } from '../fiscal/pe/zip';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../db/open';
import { createApi, type Session } from '../electron/api';
import { against, measure, measurePair, type Measurement } from './harness';

/** A Peruvian till on a fresh file, with 10 products and an open session; signing on or off. */
async function till(dir: string, einvoicing: boolean) {
  const db = openDatabase(join(dir, `${einvoicing ? 'on' : 'off'}.sqlite`));
  const api = createApi({ db });
  const session: Session = { actor: null };
  const call = async (channel: string, input: unknown) => {
    const result = await api.call(channel, input, session);
    if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
    return result.value;
  };
  await call('setup.init', {
    country: 'PE',
    businessName: 'Bodega Bench',
    taxId: '20123456789',
    admin: { name: 'Ana', pin: '1234' },
    registerCode: 'CAJA1',
    timeZone: 'America/Lima',
  });
  await call('auth.login', { name: 'Ana', pin: '1234' });
  const cert = makeTestCertificate({ bits: 2048 });
  await call('einvoice.loadCertificate', {
    file: Buffer.from(cert.pfx).toString('base64'),
    password: cert.password,
  });
  await call('settings.update', { legalName: 'BODEGA BENCH S.A.C.', ubigeo: '150101', einvoicing });
  for (let i = 1; i <= 10; i++) {
    await call('products.create', {
      code: `P${i}`,
      name: `Producto ${i}`,
      price: 150 * i,
      trackStock: false,
    });
  }
  await call('cash.open', { float: 10_000 });
  const sale = () =>
    call('sales.create', {
      id: randomUUID(),
      documentType: 'BOLETA',
      lines: Array.from({ length: 10 }, (_, i) => ({ productId: i + 1, quantity: 1 })),
      payments: [{ method: 'EFECTIVO', amount: 100_000 }],
    });
  return { db, sale };
}

/** sales.create of a 10-line boleta with e-invoicing on against off, interleaved in one run. */
async function salesCreateOnOff(): Promise<Measurement[]> {
  const dir = mkdtempSync(join(tmpdir(), 'tendero-bench-einvoice-'));
  try {
    const on = await till(dir, true);
    const off = await till(dir, false);
    const [signed, plain] = await measurePair(
      ['sales.create, 10-line boleta, e-invoicing on', 'sales.create, same, e-invoicing off'],
      [on.sale, off.sale],
      200,
      30,
    );
    on.db.close();
    off.db.close();
    const ratio = signed.medianMs / plain.medianMs;
    return [
      signed,
      {
        ...plain,
        note: `on/off ratio ${ratio.toFixed(2)} at the median, target ≤ 2`,
        pass: ratio <= 2,
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function items(count: number): Item[] {
  const kinds: Item['taxCategory'][] = ['IGV', 'IGV', 'IGV', 'EXONERADO', 'INAFECTO', 'BOLSA'];
  return Array.from({ length: count }, (_, i) => ({
    quantity: i % 4 === 0 ? 1250 : 1000 + (i % 3) * 1000,
    unitPrice: 590 + (i % 50) * 137,
    taxCategory: kinds[i % kinds.length]!,
    unitCode: i % 4 === 0 ? 'KGM' : 'NIU',
    discount: i % 5 === 0 ? 10 : 0,
    code: `P${i}`,
    name: `Producto de prueba ${i}`,
  }));
}

/** Fast and reference, one call each per round; the fast one marked against its target. */
async function fastAgainstReference(
  label: string,
  run: { fast: () => unknown; reference: () => unknown },
  iterations: number,
  warmup: number,
  targetMs: number,
): Promise<Measurement[]> {
  const [fast, reference] = await measurePair(
    [`build + sign, ${label} (RSA 2048)`, `  reference: xmlbuilder2 + xml-crypto, ${label}`],
    [run.fast, run.reference],
    iterations,
    warmup,
  );
  return [
    {
      ...against(fast, 'medianMs', targetMs),
      note: `fast/reference ${(fast.medianMs / reference.medianMs).toFixed(3)} at the median`,
    },
    reference,
  ];
}

export async function benchEinvoice(): Promise<Measurement[]> {
  const cert = makeTestCertificate({ bits: 2048 });
  const boleta = makeInvoice(items(10), { orderDiscount: 150 });
  const factura = makeInvoice(items(300), { documentType: 'FACTURA', orderDiscount: 150 });
  const boletaXml = buildInvoiceXml(boleta);
  const signed = signDocument(boletaXml, cert).xml;
  const base = documentFileName(boleta.issuer.ruc, 'BOLETA', boleta.series, boleta.correlative);
  return [
    ...(await fastAgainstReference(
      '10-line boleta',
      {
        fast: () => signDocument(buildInvoiceXml(boleta), cert),
        reference: () => referenceSignDocument(referenceInvoiceXml(boleta), cert),
      },
      200,
      20,
      10,
    )),
    ...(await fastAgainstReference(
      '300-line factura',
      {
        fast: () => signDocument(buildInvoiceXml(factura), cert),
        reference: () => referenceSignDocument(referenceInvoiceXml(factura), cert),
      },
      30,
      3,
      60,
    )),
    await measure('build only, 10-line boleta', 300, () => buildInvoiceXml(boleta)),
    await measure('sign only, 10-line boleta', 300, () => signDocument(boletaXml, cert)),
    await measure('build only, 300-line factura', 100, () => buildInvoiceXml(factura)),
    await measure('zip, 10-line boleta', 300, () => zipDocument(base, signed)),
    ...(await salesCreateOnOff()),
  ];
}
