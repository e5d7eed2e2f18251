import { DomainError } from '../errors';
import type { CashRoundingRule } from '../money/cash-rounding';
import type { TaxRules } from '../tax/types';
import { argentina } from './ar';
import { bolivia } from './bo';
import { colombia } from './co';
import { generic } from './generic';
import { peru } from './pe';
import type { CountryCode, CountryProfile, DocumentTypeSpec } from './types';
import { venezuela } from './ve';
import type { DocumentType } from '../numbering';

export * from './types';

export const PROFILES: Readonly<Record<CountryCode, CountryProfile>> = {
  PE: peru,
  CO: colombia,
  AR: argentina,
  BO: bolivia,
  VE: venezuela,
  GENERIC: generic,
};

export function profileOf(code: string): CountryProfile {
  const profile = (PROFILES as Record<string, CountryProfile | undefined>)[code];
  if (!profile) {
    throw new DomainError('VALIDATION', `Unknown country profile "${code}"`, {
      reason: 'UNKNOWN_PROFILE',
      profile: code,
    });
  }
  return profile;
}

/** The profile's tax rules, with a store's overrides laid on top. */
export function taxRulesOf(profile: CountryProfile, overrides: Partial<TaxRules> = {}): TaxRules {
  return {
    pricesIncludeTax: overrides.pricesIncludeTax ?? profile.pricesIncludeTax,
    roundingMethod: overrides.roundingMethod ?? profile.roundingMethod,
    roundingMode: overrides.roundingMode ?? profile.roundingMode,
    taxBasis: overrides.taxBasis ?? profile.taxBasis,
    categories: overrides.categories ?? profile.taxCategories,
  };
}

export function documentTypeOf(profile: CountryProfile, type: DocumentType): DocumentTypeSpec {
  const spec = profile.documentTypes.find((d) => d.type === type);
  if (!spec) {
    throw new DomainError('VALIDATION', `${profile.name} has no document type ${type}`, {
      reason: 'UNKNOWN_DOCUMENT_TYPE',
      documentType: type,
    });
  }
  return spec;
}

/** Whether a store of this profile rounds cash unless it says otherwise. */
export function cashRoundingByDefault(profile: CountryProfile): boolean {
  return profile.cashRounding?.onByDefault ?? false;
}

/**
 * The rule a store's cash follows: the profile's, when the store has it on and
 * sells in the profile's own currency (the rule is about that currency's coins).
 */
export function cashRoundingOf(
  profile: CountryProfile,
  currency: string,
  enabled: boolean,
): CashRoundingRule | null {
  const rule = profile.cashRounding;
  if (!enabled || !rule || currency !== profile.currency) return null;
  return { increment: rule.increment, direction: rule.direction };
}

/** One series a new register starts with. */
export interface DefaultSeries {
  readonly documentType: DocumentType;
  /** '' for the register's series of that type, or the type a credit note corrects. */
  readonly appliesTo: DocumentType | '';
  readonly series: string;
}

/** The series register number `registerNumber` starts with, own note series included. */
export function defaultSeriesOf(profile: CountryProfile, registerNumber: number): DefaultSeries[] {
  return profile.documentTypes.flatMap((spec) => [
    { documentType: spec.type, appliesTo: '' as const, series: spec.defaultSeries(registerNumber) },
    ...Object.entries(spec.seriesFor ?? {}).map(([corrected, series]) => ({
      documentType: spec.type,
      appliesTo: corrected as DocumentType,
      series: series(registerNumber),
    })),
  ]);
}

/**
 * Which of a register's series of `type` numbers a document correcting
 * `corrected`: its own when the profile has one, else the register's series.
 */
export function seriesKeyOf(
  profile: CountryProfile,
  type: DocumentType,
  corrected?: DocumentType,
): DocumentType | '' {
  const spec = documentTypeOf(profile, type);
  return corrected !== undefined && spec.seriesFor?.[corrected] ? corrected : '';
}
