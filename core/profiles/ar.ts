import type { CountryProfile } from './types';
import { padded } from './series';

export const argentina: CountryProfile = {
  code: 'AR',
  name: 'Argentina',
  currency: 'ARS',
  timeZones: [
    'America/Argentina/Buenos_Aires',
    'America/Argentina/Cordoba',
    'America/Argentina/Mendoza',
  ],
  locale: 'es-AR',
  taxIdLabel: 'CUIT',
  taxIdPattern: '^(20|23|24|27|30|33|34)-?\\d{8}-?\\d$',
  taxIdHint: '11 dígitos, ej. 30-71234567-8',
  pricesIncludeTax: true,
  roundingMethod: 'line',
  roundingMode: 'HALF_UP',
  taxBasis: 'net',
  taxCategories: [
    { code: 'IVA21', name: 'IVA 21%', kind: 'TAXED', rate: 2100 },
    { code: 'IVA105', name: 'IVA 10,5%', kind: 'TAXED', rate: 1050 },
    { code: 'IVA27', name: 'IVA 27%', kind: 'TAXED', rate: 2700 },
    { code: 'IVA0', name: 'IVA 0%', kind: 'TAXED', rate: 0 },
    { code: 'EXENTO', name: 'Exento', kind: 'EXEMPT', rate: 0 },
    { code: 'NO_GRAVADO', name: 'No gravado', kind: 'UNAFFECTED', rate: 0 },
  ],
  defaultTaxCategory: 'IVA21',
  documentTypes: [
    {
      type: 'TICKET',
      label: 'Presupuesto',
      numbering: { kind: 'AR', typePrefix: 'PRES' },
      defaultSeries: padded('', 5),
    },
    {
      type: 'FACTURA',
      label: 'Factura B',
      numbering: { kind: 'AR', typePrefix: 'FB' },
      defaultSeries: padded('', 5),
    },
    {
      type: 'NOTA_CREDITO',
      label: 'Nota de crédito B',
      numbering: { kind: 'AR', typePrefix: 'NCB' },
      defaultSeries: padded('', 5),
    },
  ],
  defaultDocumentType: 'TICKET',
  // Weight in grams on prefix 20, the label's price on 21 (whole units: prices there run past 999.99).
  scaleLayouts: [
    { pattern: '20 PPPPP WWWWW C', priceDecimals: 0 },
    { pattern: '21 PPPPP $$$$$ C', priceDecimals: 0 },
  ],
  customerDocumentTypes: [
    { code: 'DNI', label: 'DNI', pattern: '^\\d{7,8}$', hint: '7 u 8 dígitos' },
    { code: 'CUIT', label: 'CUIT', pattern: '^\\d{2}-?\\d{8}-?\\d$', hint: '11 dígitos' },
    { code: 'CUIL', label: 'CUIL', pattern: '^\\d{2}-?\\d{8}-?\\d$', hint: '11 dígitos' },
    {
      code: 'PASAPORTE',
      label: 'Pasaporte',
      pattern: '^[A-Z0-9]{5,12}$',
      hint: '5 a 12 caracteres',
    },
  ],
  // No centavo coins in practice: the count goes down to 1 peso; Ley 22.802 art. 9 bis (Ley 25.954).
  cashRounding: { increment: 100, direction: 'down', onByDefault: true },
};
