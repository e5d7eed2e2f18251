/** The stored electronic documents (cpe_documents): reading them back. */
import { createHash } from 'node:crypto';
import type { CpeInfo, CpeState, CpeXml } from '../../../core/api/model';
import { DomainError } from '../../../core/errors';
import { documentFileName } from '../../../fiscal/pe/zip';
import { loadStore } from '../store';
import { cpeDocuments } from '../../../db/schema';
import type { ServiceContext } from '../context';
import { selectRows } from '../sql';

export type CpeRow = typeof cpeDocuments.$inferSelect;

export function cpeInfoOf(row: CpeRow): CpeInfo {
  return {
    saleId: row.saleId,
    returnId: row.returnId,
    documentType: row.documentType,
    number: `${row.series}-${row.correlative}`,
    state: row.state as CpeState,
    digest: row.digest,
    qrText: row.qrText,
    failure: row.failure,
    attempts: row.attempts,
    cdrCode: row.cdrCode,
    cdrMessage: row.cdrMessage,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** A sale's documents (its own first, then its credit notes), or every one not yet accepted. */
export function cpeRows(ctx: ServiceContext, saleId?: string): CpeRow[] {
  return saleId
    ? selectRows(ctx, cpeDocuments, 'sale_id = ? ORDER BY id').all(saleId)
    : selectRows(ctx, cpeDocuments, "state NOT IN ('ACCEPTED', 'OBSERVED') ORDER BY id").all();
}

export function cpeStatus(
  ctx: ServiceContext,
  input: { saleId?: string | undefined; saleIds?: readonly string[] | undefined },
): CpeInfo[] {
  if (input.saleIds) {
    if (input.saleIds.length === 0) return [];
    return ctx.db.sqlite
      .prepare(
        `SELECT id FROM cpe_documents WHERE sale_id IN (${input.saleIds.map(() => '?').join(', ')}) ORDER BY id`,
      )
      .pluck()
      .all(...input.saleIds)
      .map((id) => cpeInfoOf(selectRows(ctx, cpeDocuments, 'id = ?').get(id)!));
  }
  return cpeRows(ctx, input.saleId).map(cpeInfoOf);
}

/** The sale's own document (not a credit note), if it has one. */
export function saleCpeRow(ctx: ServiceContext, saleId: string): CpeRow | undefined {
  return selectRows(ctx, cpeDocuments, 'sale_id = ? AND return_id IS NULL').get(saleId);
}

/** The signed bytes of a sale's CPE, or of one of its credit notes. */
export function cpeXml(ctx: ServiceContext, saleId: string, returnId?: string): CpeXml {
  const row = returnId
    ? selectRows(ctx, cpeDocuments, 'sale_id = ? AND return_id = ?').get(saleId, returnId)
    : saleCpeRow(ctx, saleId);
  if (!row?.xml) {
    throw new DomainError('NOT_FOUND', `No signed document for ${returnId ?? saleId}`, {
      entity: 'cpe',
      id: returnId ?? saleId,
      ...(row ? { state: row.state } : {}),
    });
  }
  const base = documentFileName(
    loadStore(ctx).settings.taxId,
    row.documentType as 'BOLETA' | 'FACTURA' | 'NOTA_CREDITO',
    row.series,
    row.correlative,
  );
  return {
    fileName: `${base}.xml`,
    xml: row.xml.toString('base64'),
    sha256: createHash('sha256').update(row.xml).digest('hex'),
  };
}
