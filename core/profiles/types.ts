import type { CurrencyCode } from '../money/currency';
import type { CashRoundingRule } from '../money/cash-rounding';
import type { Locale } from '../money/locale';
import type { RoundingMode } from '../money/rounding';
import type { DocumentType, NumberingFormat } from '../numbering';
import type { RoundingMethod, TaxBasis, TaxCategory } from '../tax/types';

export const COUNTRY_CODES = ['PE', 'CO', 'AR', 'BO', 'VE', 'GENERIC'] as const;
export type CountryCode = (typeof COUNTRY_CODES)[number];

export interface IdentityDocumentType {
  readonly code: string;
  readonly label: string;
  /** A whole-string pattern the number must match, e.g. 8 digits for a DNI. */
  readonly pattern: string;
  readonly hint: string;
}

export interface DocumentTypeSpec {
  readonly type: DocumentType;
  /** The document's name on paper, in Spanish ("Boleta de venta"). */
  readonly label: string;
  readonly numbering: NumberingFormat;
  /** The default series for register number `registerNumber` (1-based). */
  readonly defaultSeries: (registerNumber: number) => string;
  /**
   * Own series for this type when it corrects another type, by register number
   * (Peru: a credit note on a factura is FC01, apart from the boleta's BC01).
   */
  readonly seriesFor?: { readonly [T in DocumentType]?: (registerNumber: number) => string };
  /** When set, the document needs a customer identified by one of these (Peru's factura: RUC). */
  readonly requiresCustomerDocument?: readonly string[];
}

/**
 * A country's defaults. A store starts from one of these at setup; its
 * settings may then override the tax options (GENERIC expects it).
 */
export interface CountryProfile {
  readonly code: CountryCode;
  readonly name: string;
  readonly currency: CurrencyCode;
  /**
   * IANA zones a store in this country may be in; the first is the default a
   * new store gets (Peru saved the computer's UTC and receipts showed 08:30
   * for a 03:30 sale).
   */
  readonly timeZones: readonly [string, ...string[]];
  /** A second currency shown beside the first at a locked rate (Venezuela). */
  readonly secondaryCurrency?: CurrencyCode;
  readonly locale: Locale;
  readonly taxIdLabel: string;
  readonly taxIdPattern: string;
  readonly taxIdHint: string;
  readonly pricesIncludeTax: boolean;
  readonly roundingMethod: RoundingMethod;
  readonly roundingMode: RoundingMode;
  readonly taxBasis: TaxBasis;
  readonly taxCategories: readonly TaxCategory[];
  readonly defaultTaxCategory: string;
  readonly documentTypes: readonly DocumentTypeSpec[];
  readonly defaultDocumentType: DocumentType;
  /**
   * The scale-label layouts a new store starts with (settings.scaleLayouts),
   * as the scales sold there usually ship; the store may change them.
   */
  readonly scaleLayouts: readonly { readonly pattern: string; readonly priceDecimals: number }[];
  readonly customerDocumentTypes: readonly IdentityDocumentType[];
  /** Venezuela's IGTF on payments in foreign currency, when the store is designated. */
  readonly igtf?: { readonly rate: number };
  /**
   * How cash in the profile's currency is rounded to its smallest coin, and
   * whether a new store starts with it on (DOMAIN.md, "Cash rounding"). Absent
   * where every cent can be paid in coins.
   */
  readonly cashRounding?: CashRoundingRule & { readonly onByDefault: boolean };
}
