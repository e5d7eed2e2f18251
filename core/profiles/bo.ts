import type { CountryProfile } from './types';
import { padded } from './series';

export const bolivia: CountryProfile = {
  code: 'BO',
  name: 'Bolivia',
  currency: 'BOB',
  timeZones: ['America/La_Paz'],
  locale: 'es-BO',
  taxIdLabel: 'NIT',
  taxIdPattern: '^\\d{5,13}$',
  taxIdHint: '5 a 13 dígitos',
  pricesIncludeTax: true,
  // Bolivia's 13 % is charged on the invoice total ("débito fiscal").
  roundingMethod: 'document',
  roundingMode: 'HALF_UP',
  taxBasis: 'gross',
  taxCategories: [
    { code: 'IVA13', name: 'IVA 13%', kind: 'TAXED', rate: 1300 },
    { code: 'EXENTO', name: 'Exento', kind: 'EXEMPT', rate: 0 },
  ],
  defaultTaxCategory: 'IVA13',
  documentTypes: [
    {
      type: 'FACTURA',
      label: 'Factura',
      numbering: { kind: 'GENERIC', width: 8 },
      defaultSeries: padded('F', 3),
    },
    {
      type: 'TICKET',
      label: 'Nota de venta',
      numbering: { kind: 'GENERIC', width: 8 },
      defaultSeries: padded('NV', 2),
    },
    {
      type: 'NOTA_CREDITO',
      label: 'Nota de crédito-débito',
      numbering: { kind: 'GENERIC', width: 8 },
      defaultSeries: padded('NC', 2),
    },
  ],
  defaultDocumentType: 'FACTURA',
  // Weight in grams on prefix 20, the label's price on 21.
  scaleLayouts: [
    { pattern: '20 PPPPP WWWWW C', priceDecimals: 2 },
    { pattern: '21 PPPPP $$$$$ C', priceDecimals: 2 },
  ],
  customerDocumentTypes: [
    {
      code: 'CI',
      label: 'Cédula de identidad',
      pattern: '^\\d{5,10}(-[0-9A-Z]{1,2})?$',
      hint: 'ej. 4567891 o 4567891-1B',
    },
    { code: 'NIT', label: 'NIT', pattern: '^\\d{5,13}$', hint: '5 a 13 dígitos' },
    {
      code: 'CEX',
      label: 'Cédula de extranjero',
      pattern: '^[A-Z0-9]{5,12}$',
      hint: '5 a 12 caracteres',
    },
    {
      code: 'PASAPORTE',
      label: 'Pasaporte',
      pattern: '^[A-Z0-9]{5,12}$',
      hint: '5 a 12 caracteres',
    },
  ],
  // The 10-centavo coin is the smallest in circulation (2 and 5 centavos are gone).
  cashRounding: { increment: 10, direction: 'down', onByDefault: true },
};
