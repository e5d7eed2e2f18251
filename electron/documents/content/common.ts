/** Pieces every fiscal paper shares: who issues it, who it is for, the footer. */
import type { Sale } from '../../../core/api/model';
import type { DocumentType } from '../../../core/numbering';
import { profileOf } from '../../../core/profiles';
import type { DocumentStore } from '../model';
import type { Row } from './types';

export function businessOf(store: DocumentStore): { name: string; lines: string[] } {
  return {
    name: store.businessName,
    lines: [
      `${store.taxIdLabel}: ${store.taxId}`,
      ...(store.address ? [store.address] : []),
      ...(store.phone ? [`Tel.: ${store.phone}`] : []),
    ],
  };
}

/** "BOLETA DE VENTA": the profile's own name for the document, as a heading. */
export function titleOf(store: DocumentStore, type: DocumentType): string {
  const spec = profileOf(store.country).documentTypes.find((d) => d.type === type);
  return (spec?.label ?? type).toLocaleUpperCase('es');
}

/**
 * A quick sale names no one: each country has its customary words for that;
 * elsewhere the paper says "Cliente varios", as the till does.
 */
const ANONYMOUS: Readonly<Record<string, string>> = {
  AR: 'Consumidor final',
  BO: 'Sin nombre',
  CO: 'Consumidor final',
};

export function customerRows(
  store: DocumentStore,
  customer: Sale['customer'],
  address = '',
): Row[] {
  const rows: Row[] = [
    { label: 'Cliente', value: customer.name || (ANONYMOUS[store.country] ?? 'Cliente varios') },
  ];
  if (customer.documentType && customer.documentNumber) {
    rows.push({ label: customer.documentType, value: customer.documentNumber });
  }
  if (address) rows.push({ label: 'Dirección', value: address });
  return rows;
}

/** settings.receiptFooter, one printed line per line typed. */
export function footerOf(store: DocumentStore): string[] {
  return store.receiptFooter
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}
