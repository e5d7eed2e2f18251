import type { CountryProfile } from './types';
import { padded } from './series';

/** For any other country: one configurable tax rate, everything else a setting. */
export const generic: CountryProfile = {
  code: 'GENERIC',
  name: 'Genérico',
  currency: 'USD',
  timeZones: ['UTC'],
  locale: 'es-PE',
  taxIdLabel: 'ID fiscal',
  taxIdPattern: '^[A-Z0-9-]{3,20}$',
  taxIdHint: '3 a 20 letras, dígitos o guiones',
  pricesIncludeTax: true,
  roundingMethod: 'line',
  roundingMode: 'HALF_UP',
  taxBasis: 'net',
  taxCategories: [
    { code: 'GENERAL', name: 'Impuesto general', kind: 'TAXED', rate: 0 },
    { code: 'EXENTO', name: 'Exento', kind: 'EXEMPT', rate: 0 },
  ],
  defaultTaxCategory: 'GENERAL',
  documentTypes: [
    {
      type: 'TICKET',
      label: 'Ticket',
      numbering: { kind: 'GENERIC', width: 8 },
      defaultSeries: padded('T', 3),
    },
    {
      type: 'FACTURA',
      label: 'Factura',
      numbering: { kind: 'GENERIC', width: 8 },
      defaultSeries: padded('F', 3),
    },
    {
      type: 'NOTA_CREDITO',
      label: 'Nota de crédito',
      numbering: { kind: 'GENERIC', width: 8 },
      defaultSeries: padded('NC', 2),
    },
  ],
  defaultDocumentType: 'TICKET',
  // Weight in grams on prefix 20, the label's price on 21.
  scaleLayouts: [
    { pattern: '20 PPPPP WWWWW C', priceDecimals: 2 },
    { pattern: '21 PPPPP $$$$$ C', priceDecimals: 2 },
  ],
  customerDocumentTypes: [
    {
      code: 'ID',
      label: 'Documento de identidad',
      pattern: '^[A-Z0-9-]{3,20}$',
      hint: '3 a 20 caracteres',
    },
    { code: 'TAX_ID', label: 'ID fiscal', pattern: '^[A-Z0-9-]{3,20}$', hint: '3 a 20 caracteres' },
  ],
};
