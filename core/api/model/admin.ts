/** Users, settings, registers and tax categories as the API returns them. */
import type { DocumentType } from '../../numbering';
import type { CountryCode } from '../../profiles/types';
import type { RoundingMethod, TaxBasis, TaxKind } from '../../tax/types';
import type { RoundingMode } from '../../money/rounding';
import type { PaymentMethodNames } from '../../payment-names';

export const ROLES = ['admin', 'supervisor', 'cashier'] as const;
export type Role = (typeof ROLES)[number];

export interface Actor {
  readonly id: number;
  readonly name: string;
  readonly role: Role;
}

export interface User extends Actor {
  readonly active: boolean;
  readonly createdAt: string;
}

/** A user locked out by wrong PINs, shown to an admin until dismissed. */
export interface LockAlert {
  readonly id: number;
  readonly userId: number;
  readonly userName: string;
  readonly firstLockedAt: string;
  readonly lastLockedAt: string;
  readonly lockedUntil: string;
  /** Lockouts since the user's last good PIN. */
  readonly lockouts: number;
  /** Refused PINs: those that locked and every try after. */
  readonly misses: number;
}

export interface ScaleLayoutSetting {
  readonly pattern: string;
  readonly priceDecimals: number;
}

/**
 * Selling what the shelf count says is not there: refuse ('block'), always
 * allow, decide per product, or let a supervisor allow it on the spot.
 */
export const NEGATIVE_STOCK_POLICIES = ['block', 'allow', 'per_product', 'supervisor'] as const;
export type NegativeStockPolicy = (typeof NEGATIVE_STOCK_POLICIES)[number];
export const RECEIPT_FORMATS = ['80mm', '58mm', 'A4'] as const;
export type ReceiptFormat = (typeof RECEIPT_FORMATS)[number];
export const LANGUAGES = ['es', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export interface Settings {
  readonly country: CountryCode;
  readonly businessName: string;
  readonly taxId: string;
  readonly address: string;
  readonly phone: string;
  readonly currency: string;
  readonly secondaryCurrency: string | null;
  readonly exchangeRate: string | null;
  readonly igtfEnabled: boolean;
  readonly locale: string;
  readonly language: Language;
  readonly timeZone: string;
  readonly pricesIncludeTax: boolean;
  readonly roundingMethod: RoundingMethod;
  readonly roundingMode: RoundingMode;
  readonly taxBasis: TaxBasis;
  readonly negativeStock: NegativeStockPolicy;
  readonly scaleLayouts: readonly ScaleLayoutSetting[];
  readonly defaultDocumentType: DocumentType;
  readonly cashierPriceOverride: boolean;
  /** A cashier's line or order discount above this share (whole percent) needs a supervisor. */
  readonly discountLimit: number;
  /** A cashier's cash-out above this (minor units) needs a supervisor. */
  readonly cashOutLimit: number;
  /** An absolute folder documents.* may also write to; '' for only <data dir>/documents. */
  readonly documentsFolder: string;
  readonly receiptFooter: string;
  /** The store's own name per payment method; a method left out keeps its default. */
  readonly paymentMethodNames: PaymentMethodNames;
  readonly receiptFormat: ReceiptFormat;
  readonly printerName: string;
  readonly printerHost: string;
  readonly printerPort: number;
  readonly autoPrint: boolean;
  readonly openDrawerOnCash: boolean;
  /** New PINs need 6 digits; shorter ones must be changed at the next login. */
  readonly requireSixDigitPins: boolean;
  /**
   * Cash is rounded to the smallest coin, in the customer's favour (DOMAIN.md,
   * "Cash rounding"); the profile's default until the store says otherwise.
   */
  readonly cashRounding: boolean;
  /** Peru e-invoicing: the razón social as registered with SUNAT ('' until set). */
  readonly legalName: string;
  /** Código de establecimiento anexo ("0000": the fiscal address). */
  readonly establishmentCode: string;
  /** Ubigeo of the establishment, 6 digits ('' until set). */
  readonly ubigeo: string;
  /** Every boleta, factura and credit note is signed as a CPE (Peru only). */
  readonly einvoicing: boolean;
  readonly register: { readonly id: number; readonly code: string; readonly name: string };
}

export interface SeriesInfo {
  readonly documentType: DocumentType;
  /** Set on a credit note's own series for the type it corrects (Peru: FC01 for facturas). */
  readonly appliesTo?: DocumentType;
  readonly series: string;
  /** The last number used; 0 when unused. */
  readonly last: number;
}

export interface Register {
  readonly id: number;
  readonly code: string;
  readonly name: string;
  readonly number: number;
  readonly series: readonly SeriesInfo[];
}

export interface TaxCategoryInfo {
  readonly code: string;
  readonly name: string;
  readonly kind: TaxKind;
  readonly rate: number;
  readonly fixedTaxes: readonly { code: string; name: string; amountPerUnit: number }[];
  readonly active: boolean;
}

/** Where this database's automatic backups are, for the Backups screen (read only). */
export interface BackupsInfo {
  /** The absolute folder of the copies: `backups` beside the database file. */
  readonly folder: string;
  /** The database file they copy. */
  readonly database: string;
  /** How many automatic copies of this database the folder holds. */
  readonly count: number;
  /** The newest one, with when it was written (ISO instant); null when there is none yet. */
  readonly latest: { readonly file: string; readonly at: string } | null;
}
