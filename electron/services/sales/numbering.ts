import { DomainError } from '../../../core/errors';
import { formatDocumentNumber, type DocumentType } from '../../../core/numbering';
import { documentTypeOf, type CountryProfile } from '../../../core/profiles';
import { statement, type ServiceContext } from '../context';

export interface AssignedNumber {
  readonly series: string;
  readonly correlative: number;
  readonly number: string;
}

/**
 * Takes the next number of this register's series, inside the caller's
 * transaction: a rolled-back sale gives its number back, a committed one
 * keeps it forever.
 */
export function takeNumber(
  ctx: ServiceContext,
  profile: CountryProfile,
  registerId: number,
  documentType: DocumentType,
): AssignedNumber {
  const spec = documentTypeOf(profile, documentType);
  const row = statement(
    ctx,
    'UPDATE document_series SET last = last + 1 WHERE register_id = ? AND document_type = ? RETURNING series, last',
  ).get(registerId, documentType) as { series: string; last: number } | undefined;
  if (!row) {
    throw new DomainError('INVALID_STATE', `This register has no ${spec.label} series`, {
      reason: 'NO_SERIES',
      documentType,
    });
  }
  return {
    series: row.series,
    correlative: row.last,
    number: formatDocumentNumber(spec.numbering, row.series, row.last),
  };
}
