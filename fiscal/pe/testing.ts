/**
 * Builders for the fiscal tests (STYLE.md: builders with overrides): documents
 * computed by the real tax engine under Peru's rules, as a sale stores them.
 */
import { DOMParser } from '@xmldom/xmldom';
import { C14nCanonicalization } from 'xml-crypto';
import { computeTaxes } from '../../core/tax/document';
import { rulesFor } from '../../core/tax/testing';
import type { TaxRules } from '../../core/tax/types';
import { peLineOf, peTotalsOf, type LineDescription } from './from-tax';
import type { PeCreditNote, PeInvoice, PeIssuer } from './model';

export interface Item extends Partial<LineDescription> {
  readonly quantity: number;
  readonly unitPrice: number;
  readonly taxCategory: 'IGV' | 'EXONERADO' | 'INAFECTO' | 'BOLSA';
  readonly discount?: number;
}

export const ISSUER: PeIssuer = {
  ruc: '20100070970',
  legalName: 'BODEGA DEMO S.A.C.',
  tradeName: 'Bodega Demo',
  addressCode: '0000',
  ubigeo: '150101',
  address: 'Av. Abancay 123, Lima',
};

function computed(items: readonly Item[], orderDiscount: number, rules: TaxRules) {
  const result = computeTaxes({ lines: items, orderDiscount }, rules);
  const lines = result.lines.map((line, i) => {
    const item = items[i]!;
    return peLineOf(line, {
      code: item.code ?? `P${i + 1}`,
      name: item.name ?? `Producto ${i + 1}`,
      unitCode: item.unitCode ?? 'NIU',
    });
  });
  return { lines, totals: peTotalsOf(result) };
}

export function makeInvoice(
  items: readonly Item[],
  overrides: Partial<PeInvoice> & { orderDiscount?: number; rules?: TaxRules } = {},
): PeInvoice {
  const { orderDiscount = 0, rules = rulesFor('PE'), ...rest } = overrides;
  const factura = rest.documentType === 'FACTURA';
  return {
    documentType: 'BOLETA',
    series: factura ? 'F001' : 'B001',
    correlative: 1,
    issueDate: '2026-12-06',
    issueTime: '10:30:00',
    currency: 'PEN',
    pricesIncludeTax: rules.pricesIncludeTax,
    issuer: ISSUER,
    customer: factura
      ? { documentType: 'RUC', documentNumber: '20512345678', name: 'CLIENTE EMPRESA S.A.' }
      : { documentType: 'DNI', documentNumber: '45678912', name: 'Rosa Flores' },
    paymentTerms: { kind: 'CONTADO' },
    ...computed(items, orderDiscount, rules),
    ...rest,
  };
}

export function makeCreditNote(
  items: readonly Item[],
  overrides: Partial<PeCreditNote> = {},
): PeCreditNote {
  const reference = overrides.reference ?? { documentType: 'FACTURA', number: 'F001-00000001' };
  const factura = reference.documentType === 'FACTURA';
  return {
    documentType: 'NOTA_CREDITO',
    series: factura ? 'FC01' : 'BC01',
    correlative: 1,
    issueDate: '2026-12-06',
    issueTime: '11:00:00',
    currency: 'PEN',
    pricesIncludeTax: true,
    issuer: ISSUER,
    customer: factura
      ? { documentType: 'RUC', documentNumber: '20512345678', name: 'CLIENTE EMPRESA S.A.' }
      : { documentType: null, documentNumber: null, name: '' },
    reference,
    reasonCode: '07',
    reason: 'Devolución por ítem',
    ...computed(items, 0, rulesFor('PE')),
    ...overrides,
  };
}

/**
 * Inclusive C14N 1.0 of a whole document by an independent implementation
 * (xmldom parses, xml-crypto canonicalises): what the fast path's text must equal.
 */
export function canonicalize(xml: string): string {
  const doc = new DOMParser().parseFromString(xml, 'text/xml');
  return new C14nCanonicalization().process(doc.documentElement!, {});
}
