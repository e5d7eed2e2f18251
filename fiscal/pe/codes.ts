/** SUNAT catalogue codes the documents use, in one place. */
import type { TaxKind } from '../../core/tax/types';
import type { PeDocument, PeIdentityType } from './model';

/** Catálogo 01: tipo de documento. */
export const DOCUMENT_TYPE_CODES = {
  FACTURA: '01',
  BOLETA: '03',
  NOTA_CREDITO: '07',
} as const satisfies Record<PeDocument['documentType'], string>;

export type DocumentTypeCode = (typeof DOCUMENT_TYPE_CODES)[keyof typeof DOCUMENT_TYPE_CODES];

/** Catálogo 06: tipo de documento de identidad; "-" is "varios" (an anonymous boleta). */
export const IDENTITY_TYPE_CODES = {
  DNI: '1',
  CE: '4',
  RUC: '6',
  PASAPORTE: '7',
} as const satisfies Record<PeIdentityType, string>;

export const ANONYMOUS_IDENTITY_CODE = '-';

/** Catálogo 05 (tax scheme) and 07 (afectación del IGV, onerosa) per kind of line. */
export interface TaxScheme {
  readonly id: string;
  readonly name: string;
  readonly typeCode: string;
}

export const IGV_SCHEME: TaxScheme = { id: '1000', name: 'IGV', typeCode: 'VAT' };
export const EXONERADO_SCHEME: TaxScheme = { id: '9997', name: 'EXO', typeCode: 'VAT' };
export const INAFECTO_SCHEME: TaxScheme = { id: '9998', name: 'INA', typeCode: 'FRE' };
export const ICBPER_SCHEME: TaxScheme = { id: '7152', name: 'ICBPER', typeCode: 'OTH' };

export const SCHEME_OF_KIND: Readonly<Record<TaxKind, TaxScheme>> = {
  TAXED: IGV_SCHEME,
  EXEMPT: EXONERADO_SCHEME,
  UNAFFECTED: INAFECTO_SCHEME,
};

export const AFFECTATION_OF_KIND: Readonly<Record<TaxKind, string>> = {
  TAXED: '10',
  EXEMPT: '20',
  UNAFFECTED: '30',
};

/** Catálogo 51: tipo de operación, venta interna. */
export const SALE_OPERATION_TYPE = '0101';

/** Catálogo 53: descuentos que afectan la base imponible, por ítem. */
export const LINE_DISCOUNT_CODE = '00';

/** Catálogo 16: precio unitario (incluye el IGV). */
export const UNIT_PRICE_TYPE_CODE = '01';

/** Catálogo 52: monto en letras. */
export const AMOUNT_IN_WORDS_NOTE = '1000';

/** The fixed-tax code Tendero's Peru profile uses for ICBPER. */
export const ICBPER_CODE = 'ICBPER';
