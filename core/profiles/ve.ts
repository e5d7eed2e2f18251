import type { CountryProfile } from './types';
import { padded } from './series';

export const venezuela: CountryProfile = {
  code: 'VE',
  name: 'Venezuela',
  currency: 'VES',
  timeZones: ['America/Caracas'],
  // Prices are often kept in USD; each sale locks the Bs/USD rate and shows both.
  secondaryCurrency: 'USD',
  locale: 'es-VE',
  taxIdLabel: 'RIF',
  taxIdPattern: '^[VEJGP]-?\\d{8}-?\\d$',
  taxIdHint: 'ej. J-12345678-9',
  pricesIncludeTax: false,
  roundingMethod: 'line',
  roundingMode: 'HALF_UP',
  taxBasis: 'net',
  taxCategories: [
    { code: 'IVA16', name: 'IVA 16%', kind: 'TAXED', rate: 1600 },
    { code: 'IVA8', name: 'IVA reducido 8%', kind: 'TAXED', rate: 800 },
    { code: 'EXENTO', name: 'Exento', kind: 'EXEMPT', rate: 0 },
  ],
  defaultTaxCategory: 'IVA16',
  documentTypes: [
    {
      type: 'FACTURA',
      label: 'Factura',
      numbering: { kind: 'GENERIC', width: 8 },
      defaultSeries: padded('A', 3),
    },
    {
      type: 'TICKET',
      label: 'Nota de entrega',
      numbering: { kind: 'GENERIC', width: 8 },
      defaultSeries: padded('NE', 2),
    },
    {
      type: 'NOTA_CREDITO',
      label: 'Nota de crédito',
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
    { code: 'V', label: 'Cédula venezolana', pattern: '^\\d{6,9}$', hint: '6 a 9 dígitos' },
    { code: 'E', label: 'Cédula de extranjero', pattern: '^\\d{6,9}$', hint: '6 a 9 dígitos' },
    { code: 'RIF', label: 'RIF', pattern: '^[VEJGP]-?\\d{8}-?\\d$', hint: 'ej. J-12345678-9' },
    {
      code: 'PASAPORTE',
      label: 'Pasaporte',
      pattern: '^[A-Z0-9]{5,12}$',
      hint: '5 a 12 caracteres',
    },
  ],
  igtf: { rate: 300 },
  // The 50-céntimo coin is the smallest bolívar piece; off by default, as cash is mostly dollars.
  cashRounding: { increment: 50, direction: 'down', onByDefault: false },
};
