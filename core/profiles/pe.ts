import type { CountryProfile } from './types';
import { padded } from './series';

export const peru: CountryProfile = {
  code: 'PE',
  name: 'Perú',
  currency: 'PEN',
  timeZones: ['America/Lima'],
  locale: 'es-PE',
  taxIdLabel: 'RUC',
  taxIdPattern: '^(10|15|16|17|20)\\d{9}$',
  taxIdHint: '11 dígitos, empieza con 10 o 20',
  pricesIncludeTax: true,
  roundingMethod: 'line',
  roundingMode: 'HALF_UP',
  taxBasis: 'net',
  taxCategories: [
    { code: 'IGV', name: 'Gravado IGV 18%', kind: 'TAXED', rate: 1800 },
    { code: 'EXONERADO', name: 'Exonerado', kind: 'EXEMPT', rate: 0 },
    { code: 'INAFECTO', name: 'Inafecto', kind: 'UNAFFECTED', rate: 0 },
    {
      code: 'BOLSA',
      name: 'Bolsa plástica (IGV 18% + ICBPER)',
      kind: 'TAXED',
      rate: 1800,
      fixedTaxes: [{ code: 'ICBPER', name: 'ICBPER', amountPerUnit: 50 }],
    },
  ],
  defaultTaxCategory: 'IGV',
  documentTypes: [
    {
      type: 'BOLETA',
      label: 'Boleta de venta',
      numbering: { kind: 'PE' },
      defaultSeries: padded('B', 3),
    },
    {
      type: 'FACTURA',
      label: 'Factura',
      numbering: { kind: 'PE' },
      defaultSeries: padded('F', 3),
      requiresCustomerDocument: ['RUC'],
    },
    {
      type: 'TICKET',
      label: 'Nota de venta',
      numbering: { kind: 'PE' },
      defaultSeries: padded('NV', 2),
    },
    {
      type: 'NOTA_CREDITO',
      label: 'Nota de crédito',
      numbering: { kind: 'PE' },
      defaultSeries: padded('BC', 2),
      seriesFor: { FACTURA: padded('FC', 2) },
    },
  ],
  defaultDocumentType: 'BOLETA',
  // Weight in grams on prefix 20, the label's price on 21.
  scaleLayouts: [
    { pattern: '20 PPPPP WWWWW C', priceDecimals: 2 },
    { pattern: '21 PPPPP $$$$$ C', priceDecimals: 2 },
  ],
  customerDocumentTypes: [
    { code: 'DNI', label: 'DNI', pattern: '^\\d{8}$', hint: '8 dígitos' },
    { code: 'RUC', label: 'RUC', pattern: '^(10|15|16|17|20)\\d{9}$', hint: '11 dígitos' },
    {
      code: 'CE',
      label: 'Carné de extranjería',
      pattern: '^[A-Z0-9]{6,12}$',
      hint: '6 a 12 caracteres',
    },
    {
      code: 'PASAPORTE',
      label: 'Pasaporte',
      pattern: '^[A-Z0-9]{5,12}$',
      hint: '5 a 12 caracteres',
    },
  ],
  // The 5-céntimo coin left circulation on 2019-01-01 (BCRP); Indecopi: always in the customer's favour.
  cashRounding: { increment: 10, direction: 'down', onByDefault: true },
};
