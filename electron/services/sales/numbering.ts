import { DomainError } from '../../../core/errors';
import { formatDocumentNumber, type DocumentType } from '../../../core/numbering';
import { documentTypeOf, seriesKeyOf, type CountryProfile } from '../../../core/profiles';
import { statement, type ServiceContext } from '../context';

export interface AssignedNumber {
  readonly series: string;
  readonly correlative: number;
  readonly number: string;
}

/**
 * Takes the next number of this register's series, inside the caller's
 * transaction: a rolled-back sale gives its number back, a committed one
 * keeps it forever. A document that corrects another (a credit note) passes
 * the corrected type: where the profile gives it its own series (Peru's FC01
 * for a factura) that series numbers it.
 */
export function takeNumber(
  ctx: ServiceContext,
  profile: CountryProfile,
  registerId: number,
  documentType: DocumentType,
  corrected?: DocumentType,
): AssignedNumber {
  const spec = documentTypeOf(profile, documentType);
  const appliesTo = seriesKeyOf(profile, documentType, corrected);
  const take = () =>
    statement(
      ctx,
      'UPDATE document_series SET last = last + 1 WHERE register_id = ? AND document_type = ? AND applies_to = ? RETURNING series, last',
    ).get(registerId, documentType, appliesTo) as { series: string; last: number } | undefined;
  let row = take();
  if (!row && appliesTo !== '') {
    // A till set up before notes had their own series gets it on its first use.
    addDefaultSeries(ctx, profile, registerId, documentType, appliesTo);
    row = take();
  }
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

function addDefaultSeries(
  ctx: ServiceContext,
  profile: CountryProfile,
  registerId: number,
  documentType: DocumentType,
  appliesTo: DocumentType,
): void {
  const register = statement(ctx, 'SELECT number FROM registers WHERE id = ?').get(registerId) as
    { number: number } | undefined;
  const make = documentTypeOf(profile, documentType).seriesFor?.[appliesTo];
  if (!register || !make) return;
  const series = make(register.number);
  const taken = statement(
    ctx,
    'SELECT 1 FROM document_series WHERE document_type = ? AND series = ?',
  ).get(documentType, series);
  if (taken) {
    throw new DomainError('CONFLICT', `Series ${series} is already used by another register`, {
      reason: 'SERIES_TAKEN',
      series,
    });
  }
  statement(
    ctx,
    'INSERT INTO document_series (register_id, document_type, series, applies_to) VALUES (?, ?, ?, ?)',
  ).run(registerId, documentType, series, appliesTo);
}
