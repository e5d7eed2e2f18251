import { asc, eq } from 'drizzle-orm';
import { DomainError } from '../../core/errors';
import type { Register, TaxCategoryInfo } from '../../core/api/model';
import { parseScaleLayout } from '../../core/barcode';
import { validateRate } from '../../core/money/exchange';
import { defaultSeriesOf, documentTypeOf } from '../../core/profiles';
import { validateSeries, type DocumentType } from '../../core/numbering';
import { isValidTimeZone } from '../../core/time';
import type { TaxKind } from '../../core/tax/types';
import { documentSeries, registers, sales, settings, taxCategories } from '../../db/schema';
import { checkDocumentsFolder } from '../documents/out-path';
import type { AreaHandlers } from '../handler';
import { writeAudit } from './audit';
import { backupsInfo } from './backups-info';
import { inTransaction, type ServiceContext } from './context';
import { loadStore } from './store';
import { validateTaxId } from './tax-id';

/** Only the names the store gave: a blank one means "keep the default". */
function withoutBlanks(names: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(names).filter((entry): entry is [string, string] => Boolean(entry[1])),
  );
}

function invalid(path: string, reason: string, message: string): never {
  throw new DomainError('VALIDATION', message, { reason, path: [path] });
}

/**
 * E-invoicing is Peru's (fiscal/pe), and a CPE names its issuer: it is turned on
 * only once the razón social and ubigeo are set, and they cannot be emptied while on.
 */
function checkEinvoicing(
  before: ReturnType<typeof loadStore>,
  changes: {
    legalName?: string;
    ubigeo?: string;
    einvoicing?: boolean;
    establishmentCode?: string;
  },
): void {
  const touched =
    changes.einvoicing ||
    (changes.legalName ?? changes.ubigeo ?? changes.establishmentCode) !== undefined;
  if (touched && before.settings.country !== 'PE') {
    invalid('einvoicing', 'NOT_APPLICABLE', `${before.profile.name} has no e-invoicing yet`);
  }
  const on = changes.einvoicing ?? before.settings.einvoicing;
  if (!on) return;
  if ((changes.legalName ?? before.settings.legalName).trim() === '') {
    invalid('legalName', 'REQUIRED', 'E-invoicing needs the razón social');
  }
  if ((changes.ubigeo ?? before.settings.ubigeo) === '') {
    invalid('ubigeo', 'REQUIRED', 'E-invoicing needs the ubigeo');
  }
}

export const settingsHandlers: AreaHandlers<'settings'> = {
  'settings.get': { access: 'user', run: (_input, ctx) => loadStore(ctx).settings },
  'settings.backups': { access: 'admin', run: (_input, ctx) => backupsInfo(ctx) },
  'settings.update': {
    access: 'admin',
    run: (input, ctx) => {
      const before = loadStore(ctx);
      const { profile } = before;
      const changes = { ...input };
      if (changes.taxId !== undefined) changes.taxId = validateTaxId(profile, changes.taxId);
      if (changes.exchangeRate !== undefined && changes.exchangeRate !== null) {
        if (!profile.secondaryCurrency)
          invalid('exchangeRate', 'NOT_APPLICABLE', `${profile.name} uses no exchange rate`);
        validateRate(changes.exchangeRate);
      }
      if (changes.igtfEnabled && !profile.igtf)
        invalid('igtfEnabled', 'NOT_APPLICABLE', `${profile.name} has no IGTF`);
      if (changes.cashRounding && !profile.cashRounding)
        invalid('cashRounding', 'NOT_APPLICABLE', `${profile.name} has no cash rounding rule`);
      checkEinvoicing(before, changes);
      if (changes.timeZone !== undefined && !isValidTimeZone(changes.timeZone)) {
        invalid('timeZone', 'INVALID_TIME_ZONE', `Unknown time zone "${changes.timeZone}"`);
      }
      if (changes.defaultDocumentType !== undefined) {
        documentTypeOf(profile, changes.defaultDocumentType);
        // Credit notes come from returns; as the default, every sale would be refused.
        if (changes.defaultDocumentType === 'NOTA_CREDITO') {
          invalid(
            'defaultDocumentType',
            'INVALID_DOCUMENT_TYPE',
            'Credit notes are issued by returns, not sold',
          );
        }
      }
      if (changes.documentsFolder !== undefined)
        changes.documentsFolder = checkDocumentsFolder(changes.documentsFolder);
      for (const layout of changes.scaleLayouts ?? [])
        parseScaleLayout(layout.pattern, layout.priceDecimals);
      const { scaleLayouts, paymentMethodNames, ...columns } = changes;
      return inTransaction(ctx, () => {
        ctx.db.orm
          .update(settings)
          .set({
            ...columns,
            ...(scaleLayouts === undefined ? {} : { scaleLayouts: JSON.stringify(scaleLayouts) }),
            ...(paymentMethodNames === undefined
              ? {}
              : { paymentMethodNames: JSON.stringify(withoutBlanks(paymentMethodNames)) }),
            updatedAt: ctx.now().toISOString(),
          })
          .where(eq(settings.id, 1))
          .run();
        const after = loadStore(ctx).settings;
        writeAudit(ctx, {
          action: 'settings.update',
          entity: 'settings',
          entityId: 1,
          before: before.settings,
          after,
        });
        return after;
      });
    },
  },
};

export function listRegisters(ctx: ServiceContext): Register[] {
  const rows = ctx.db.orm.select().from(registers).orderBy(asc(registers.number)).all();
  const series = ctx.db.orm.select().from(documentSeries).all();
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    name: r.name,
    number: r.number,
    series: series
      .filter((s) => s.registerId === r.id)
      .map((s) => ({
        documentType: s.documentType as DocumentType,
        ...(s.appliesTo === '' ? {} : { appliesTo: s.appliesTo as DocumentType }),
        series: s.series,
        last: s.last,
      })),
  }));
}

function registerById(ctx: ServiceContext, id: number): Register {
  const register = listRegisters(ctx).find((r) => r.id === id);
  if (!register) throw new DomainError('NOT_FOUND', `Register ${id} does not exist`);
  return register;
}

export const registersHandlers: AreaHandlers<'registers'> = {
  'registers.list': { access: 'user', run: (_input, ctx) => listRegisters(ctx) },
  'registers.create': {
    access: 'admin',
    run: (input, ctx) => {
      const { profile } = loadStore(ctx);
      return inTransaction(ctx, () => {
        if (ctx.db.orm.select().from(registers).where(eq(registers.code, input.code)).get()) {
          throw new DomainError('CONFLICT', `Register ${input.code} already exists`, {
            reason: 'DUPLICATE_CODE',
          });
        }
        const last = ctx.db.sqlite
          .prepare('SELECT COALESCE(MAX(number), 0) AS n FROM registers')
          .get() as { n: number };
        const register = ctx.db.orm
          .insert(registers)
          .values({
            code: input.code,
            name: input.name,
            number: last.n + 1,
            createdAt: ctx.now().toISOString(),
          })
          .returning()
          .get();
        const taken = new Set(
          ctx.db.orm
            .select()
            .from(documentSeries)
            .all()
            .map((s) => `${s.documentType}|${s.series}`),
        );
        for (const { documentType, appliesTo, series } of defaultSeriesOf(
          profile,
          register.number,
        )) {
          if (taken.has(`${documentType}|${series}`)) {
            throw new DomainError(
              'CONFLICT',
              `Series ${series} is already used by another register`,
              {
                reason: 'SERIES_TAKEN',
                series,
              },
            );
          }
          ctx.db.orm
            .insert(documentSeries)
            .values({ registerId: register.id, documentType, appliesTo, series })
            .run();
        }
        writeAudit(ctx, {
          action: 'registers.create',
          entity: 'register',
          entityId: register.id,
          after: register,
        });
        return registerById(ctx, register.id);
      });
    },
  },
  'registers.updateSeries': {
    access: 'admin',
    run: (input, ctx) => {
      const { profile } = loadStore(ctx);
      const spec = documentTypeOf(profile, input.documentType);
      validateSeries(spec.numbering, input.series);
      return inTransaction(ctx, () => {
        const row = ctx.db.orm
          .select()
          .from(documentSeries)
          .where(eq(documentSeries.registerId, input.registerId))
          .all()
          .find(
            (s) => s.documentType === input.documentType && s.appliesTo === (input.appliesTo ?? ''),
          );
        if (!row)
          throw new DomainError(
            'NOT_FOUND',
            `Register ${input.registerId} has no ${input.documentType} series`,
          );
        const used =
          row.last > 0 ||
          ctx.db.orm.select({ id: sales.id }).from(sales).where(eq(sales.series, row.series)).get();
        if (used) {
          throw new DomainError(
            'INVALID_STATE',
            `Series ${row.series} is in use; numbers are never reused or renamed`,
            {
              reason: 'SERIES_IN_USE',
            },
          );
        }
        try {
          ctx.db.orm
            .update(documentSeries)
            .set({ series: input.series })
            .where(eq(documentSeries.id, row.id))
            .run();
        } catch (error) {
          if (String((error as { code?: string }).code).startsWith('SQLITE_CONSTRAINT')) {
            throw new DomainError('CONFLICT', `Series ${input.series} is already used`, {
              reason: 'SERIES_TAKEN',
            });
          }
          throw error;
        }
        writeAudit(ctx, {
          action: 'registers.updateSeries',
          entity: 'register',
          entityId: input.registerId,
          before: { series: row.series },
          after: { series: input.series },
        });
        return registerById(ctx, input.registerId);
      });
    },
  },
};

function toTaxCategoryInfo(row: typeof taxCategories.$inferSelect): TaxCategoryInfo {
  return {
    code: row.code,
    name: row.name,
    kind: row.kind as TaxKind,
    rate: row.rate,
    fixedTaxes: JSON.parse(row.fixedTaxes) as TaxCategoryInfo['fixedTaxes'],
    active: row.active,
  };
}

export const taxCategoriesHandlers: AreaHandlers<'taxCategories'> = {
  'taxCategories.list': {
    access: 'user',
    run: (_input, ctx) => ctx.db.orm.select().from(taxCategories).all().map(toTaxCategoryInfo),
  },
  'taxCategories.update': {
    access: 'admin',
    run: (input, ctx) =>
      inTransaction(ctx, () => {
        const before = ctx.db.orm
          .select()
          .from(taxCategories)
          .where(eq(taxCategories.code, input.code))
          .get();
        if (!before)
          throw new DomainError('NOT_FOUND', `Tax category ${input.code} does not exist`);
        if (input.rate !== undefined && before.kind !== 'TAXED' && input.rate !== 0) {
          invalid('rate', 'NOT_APPLICABLE', `${before.name} is not taxed; its rate stays 0`);
        }
        const { code, ...changes } = input;
        ctx.db.orm.update(taxCategories).set(changes).where(eq(taxCategories.code, code)).run();
        const after = ctx.db.orm
          .select()
          .from(taxCategories)
          .where(eq(taxCategories.code, code))
          .get()!;
        writeAudit(ctx, {
          action: 'taxCategories.update',
          entity: 'taxCategory',
          entityId: code,
          before,
          after,
        });
        return toTaxCategoryInfo(after);
      }),
  },
};
