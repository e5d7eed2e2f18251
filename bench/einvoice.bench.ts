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
import { against, measure, measurePair, type Measurement } from './harness';

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
  ];
}
