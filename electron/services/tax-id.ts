import { DomainError } from '../../core/errors';
import type { CountryProfile, IdentityDocumentType } from '../../core/profiles';

/** Normalizes (trim, upper case) and checks a business tax id against the profile. */
export function validateTaxId(profile: CountryProfile, taxId: string): string {
  const value = taxId.trim().toUpperCase();
  if (!new RegExp(profile.taxIdPattern).test(value)) {
    throw new DomainError(
      'VALIDATION',
      `${profile.taxIdLabel} "${taxId}" is not valid: ${profile.taxIdHint}`,
      {
        reason: 'INVALID_TAX_ID',
        path: ['taxId'],
        hint: profile.taxIdHint,
      },
    );
  }
  return value;
}

/** Checks a customer's identity document against the profile's types. */
export function validateCustomerDocument(
  profile: CountryProfile,
  givenType: string | null,
  number: string | null,
): { type: string; number: string } | null {
  if (givenType === null && number === null) return null;
  let type = givenType;
  if (type === null || number === null) {
    throw new DomainError('VALIDATION', 'A document needs both its type and its number', {
      reason: 'INCOMPLETE_DOCUMENT',
      path: [type === null ? 'documentType' : 'documentNumber'],
    });
  }
  type = type.trim().toUpperCase();
  const code = type;
  const spec: IdentityDocumentType | undefined = profile.customerDocumentTypes.find(
    (d) => d.code === code,
  );
  if (!spec) {
    throw new DomainError('VALIDATION', `Unknown document type "${type}" for ${profile.name}`, {
      reason: 'UNKNOWN_DOCUMENT_TYPE',
      path: ['documentType'],
      allowed: profile.customerDocumentTypes.map((d) => d.code),
    });
  }
  const value = number.trim().toUpperCase();
  if (!new RegExp(spec.pattern).test(value)) {
    throw new DomainError('VALIDATION', `${spec.label} "${number}" is not valid: ${spec.hint}`, {
      reason: 'INVALID_DOCUMENT_NUMBER',
      path: ['documentNumber'],
      hint: spec.hint,
    });
  }
  return { type, number: value };
}
