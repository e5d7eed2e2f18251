import type { CountryProfile } from './types';
import { lettered } from './series';

export const colombia: CountryProfile = {
  code: 'CO',
  name: 'Colombia',
  currency: 'COP',
  timeZones: ['America/Bogota'],
  locale: 'es-CO',
  taxIdLabel: 'NIT',
  taxIdPattern: '^\\d{6,10}(-\\d)?$',
  taxIdHint: '6 a 10 dígitos y dígito de verificación, ej. 900123456-7',
  // Prices include IVA by law; a store selling "without IVA" switches to
  // pricesIncludeTax = false with the `unit` method (reference 002).
  pricesIncludeTax: true,
  roundingMethod: 'line',
  roundingMode: 'HALF_UP',
  taxBasis: 'net',
  taxCategories: [
    { code: 'IVA19', name: 'IVA 19%', kind: 'TAXED', rate: 1900 },
    { code: 'IVA5', name: 'IVA 5%', kind: 'TAXED', rate: 500 },
    { code: 'EXENTO', name: 'Exento (0%)', kind: 'EXEMPT', rate: 0 },
    { code: 'EXCLUIDO', name: 'Excluido', kind: 'UNAFFECTED', rate: 0 },
  ],
  defaultTaxCategory: 'IVA19',
  documentTypes: [
    {
      type: 'TICKET',
      label: 'Documento equivalente POS',
      numbering: { kind: 'CO' },
      defaultSeries: lettered('POS'),
    },
    {
      type: 'FACTURA',
      label: 'Factura de venta',
      numbering: { kind: 'CO' },
      defaultSeries: lettered('FE'),
    },
    {
      type: 'NOTA_CREDITO',
      label: 'Nota crédito',
      numbering: { kind: 'CO' },
      defaultSeries: lettered('NC'),
    },
  ],
  defaultDocumentType: 'TICKET',
  // Weight in grams on prefix 20, the label's price on 21 (whole units: prices there run past 999.99).
  scaleLayouts: [
    { pattern: '20 PPPPP WWWWW C', priceDecimals: 0 },
    { pattern: '21 PPPPP $$$$$ C', priceDecimals: 0 },
  ],
  customerDocumentTypes: [
    { code: 'CC', label: 'Cédula de ciudadanía', pattern: '^\\d{6,10}$', hint: '6 a 10 dígitos' },
    { code: 'NIT', label: 'NIT', pattern: '^\\d{6,10}(-\\d)?$', hint: 'ej. 900123456-7' },
    {
      code: 'CE',
      label: 'Cédula de extranjería',
      pattern: '^[A-Z0-9]{6,10}$',
      hint: '6 a 10 caracteres',
    },
    {
      code: 'PASAPORTE',
      label: 'Pasaporte',
      pattern: '^[A-Z0-9]{5,12}$',
      hint: '5 a 12 caracteres',
    },
  ],
  // The 50-peso coin is the smallest in circulation; the SIC forbids charging above the price.
  cashRounding: { increment: 5000, direction: 'down', onByDefault: true },
};
