import { prepared, selectRows } from './sql';
import { DomainError } from '../../core/errors';
import type { Language, ScaleLayoutSetting, Settings } from '../../core/api/model';
import { parseScaleLayout, type ScaleLayout } from '../../core/barcode';
import type { DocumentType } from '../../core/numbering';
import {
  cashRoundingByDefault,
  cashRoundingOf,
  profileOf,
  type CountryCode,
  type CountryProfile,
} from '../../core/profiles';
import type { CashRoundingRule } from '../../core/money/cash-rounding';
import { cashOutLimitOf } from '../../core/money/limits';
import type { RoundingMode } from '../../core/money/rounding';
import type {
  RoundingMethod,
  TaxBasis,
  TaxCategory,
  TaxKind,
  TaxRules,
} from '../../core/tax/types';
import { registers, settings, taxCategories } from '../../db/schema';
import type { ServiceContext } from './context';

const parsedLayouts = new Map<string, readonly ScaleLayout[]>();

/** Scale layouts are parsed once per distinct setting, not on every scan. */
function layoutsOf(json: string, layouts: readonly ScaleLayoutSetting[]): readonly ScaleLayout[] {
  let parsed = parsedLayouts.get(json);
  if (!parsed) {
    parsed = layouts.map((l) => parseScaleLayout(l.pattern, l.priceDecimals));
    parsedLayouts.set(json, parsed);
  }
  return parsed;
}

/** Settings plus what the services derive from them on every use. */
export interface Store {
  readonly settings: Settings;
  readonly profile: CountryProfile;
  readonly registerId: number;
  readonly layouts: readonly ScaleLayout[];
  /** How cash is rounded to the coin now, or null when it is not. */
  readonly cashRounding: CashRoundingRule | null;
}

export function isSetUp(ctx: ServiceContext): boolean {
  return (
    prepared(ctx, 'isSetUp', () =>
      ctx.db.orm.select({ id: settings.id }).from(settings).prepare(),
    ).get() !== undefined
  );
}

/** The store's locale ("es-PE"), or undefined before setup. */
export function storedLocale(ctx: Pick<ServiceContext, 'db'>): string | undefined {
  return selectRows(ctx, settings).get()?.locale;
}

/** The UI language the till was set to, or undefined before setup. */
export function storedLanguage(ctx: Pick<ServiceContext, 'db'>): Language | undefined {
  return selectRows(ctx, settings).get()?.language as Language | undefined;
}

export function loadStore(ctx: ServiceContext): Store {
  const s = selectRows(ctx, settings).get();
  const register = s && selectRows(ctx, registers, 'id = ?').get(s.currentRegisterId);
  if (!s || !register)
    throw new DomainError('NOT_SET_UP', 'This till has not been set up yet: run setup first');
  const scaleLayouts = JSON.parse(s.scaleLayouts) as ScaleLayoutSetting[];
  const profile = profileOf(s.country);
  const value: Settings = {
    country: s.country as CountryCode,
    businessName: s.businessName,
    taxId: s.taxId,
    address: s.address,
    phone: s.phone,
    currency: s.currency,
    secondaryCurrency: s.secondaryCurrency,
    exchangeRate: s.exchangeRate,
    igtfEnabled: s.igtfEnabled,
    locale: s.locale,
    language: s.language === 'en' ? 'en' : 'es',
    timeZone: s.timeZone,
    pricesIncludeTax: s.pricesIncludeTax,
    roundingMethod: s.roundingMethod as RoundingMethod,
    roundingMode: s.roundingMode as RoundingMode,
    taxBasis: s.taxBasis as TaxBasis,
    negativeStock: s.negativeStock as Settings['negativeStock'],
    scaleLayouts,
    defaultDocumentType: s.defaultDocumentType as DocumentType,
    cashierPriceOverride: s.cashierPriceOverride,
    discountLimit: s.discountLimit,
    cashOutLimit: cashOutLimitOf(s.currency, s.cashOutLimit),
    documentsFolder: s.documentsFolder,
    receiptFooter: s.receiptFooter,
    paymentMethodNames: JSON.parse(s.paymentMethodNames) as Settings['paymentMethodNames'],
    receiptFormat: s.receiptFormat as Settings['receiptFormat'],
    printerName: s.printerName,
    printerHost: s.printerHost,
    printerPort: s.printerPort,
    autoPrint: s.autoPrint,
    openDrawerOnCash: s.openDrawerOnCash,
    requireSixDigitPins: s.requireSixDigitPins,
    cashRounding: s.cashRounding ?? cashRoundingByDefault(profile),
    legalName: s.legalName,
    establishmentCode: s.establishmentCode,
    ubigeo: s.ubigeo,
    einvoicing: s.einvoicing,
    register: { id: register.id, code: register.code, name: register.name },
  };
  return {
    settings: value,
    profile,
    registerId: register.id,
    layouts: layoutsOf(s.scaleLayouts, scaleLayouts),
    cashRounding: cashRoundingOf(profile, value.currency, value.cashRounding),
  };
}

export function taxCategoriesOf(ctx: ServiceContext): TaxCategory[] {
  return selectRows(ctx, taxCategories)
    .all()
    .map((row) => ({
      code: row.code,
      name: row.name,
      kind: row.kind as TaxKind,
      rate: row.rate,
      fixedTaxes: JSON.parse(row.fixedTaxes) as TaxCategory['fixedTaxes'],
    }));
}

/** The rules the tax engine applies to a sale made now. */
export function taxRulesOf(ctx: ServiceContext, store: Store): TaxRules {
  const { settings: s } = store;
  return {
    pricesIncludeTax: s.pricesIncludeTax,
    roundingMethod: s.roundingMethod,
    roundingMode: s.roundingMode,
    taxBasis: s.taxBasis,
    categories: taxCategoriesOf(ctx),
  };
}
