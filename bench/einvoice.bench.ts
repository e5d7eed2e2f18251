/**
 * Peru's electronic documents: building the UBL 2.1 XML and signing it with a
 * 2048-bit key, as the till does at the moment of sale (issue 15's targets).
 */
import { makeTestCertificate } from '../fiscal/pe/certificate';
import { buildInvoiceXml } from '../fiscal/pe/invoice';
import { signDocument } from '../fiscal/pe/sign';
import { makeInvoice, type Item } from '../fiscal/pe/testing';
import { documentFileName, zipDocument } from '../fiscal/pe/zip';
import { against, measure, type Measurement } from './harness';

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

export async function benchEinvoice(): Promise<Measurement[]> {
  const cert = makeTestCertificate({ bits: 2048 });
  const boleta = makeInvoice(items(10), { orderDiscount: 150 });
  const factura = makeInvoice(items(300), { documentType: 'FACTURA', orderDiscount: 150 });
  const boletaXml = buildInvoiceXml(boleta);
  const signed = signDocument(boletaXml, cert).xml;
  const base = documentFileName(boleta.issuer.ruc, 'BOLETA', boleta.series, boleta.correlative);
  return [
    against(
      await measure('build + sign, 10-line boleta (RSA 2048)', 300, () =>
        signDocument(buildInvoiceXml(boleta), cert),
      ),
      'medianMs',
      10,
    ),
    against(
      await measure(
        'build + sign, 300-line factura (RSA 2048)',
        40,
        () => signDocument(buildInvoiceXml(factura), cert),
        5,
      ),
      'medianMs',
      60,
    ),
    await measure('build only, 10-line boleta', 300, () => buildInvoiceXml(boleta)),
    await measure('sign only, 10-line boleta', 300, () => signDocument(boletaXml, cert)),
    await measure('zip, 10-line boleta', 300, () => zipDocument(base, signed)),
  ];
}
