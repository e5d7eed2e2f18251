import { DomainError } from '../../core/errors';
import type { SetupResult } from '../../core/api/areas/setup';
import { defaultSeriesOf, profileOf } from '../../core/profiles';
import { isValidTimeZone } from '../../core/time';
import { documentSeries, registers, settings, taxCategories, users } from '../../db/schema';
import type { AreaHandlers } from '../handler';
import { writeAudit } from './audit';
import { inTransaction, type ServiceContext } from './context';
import { hashPin } from './pin';
import { isSetUp } from './store';
import { validateTaxId } from './tax-id';
import type { z } from 'zod';
import type { SetupInitInput } from '../../core/api/areas/setup';

/** First run: settings from the country profile, its taxes and series, the first admin and register. */
export function initStore(
  ctx: ServiceContext,
  input: z.output<typeof SetupInitInput>,
): SetupResult {
  const profile = profileOf(input.country);
  const taxId = validateTaxId(profile, input.taxId);
  // The country's zone, not the computer's: a till set up on a machine left
  // on UTC printed Lima sales five hours late.
  const timeZone = input.timeZone ?? profile.timeZones[0];
  if (!isValidTimeZone(timeZone)) {
    throw new DomainError('VALIDATION', `Unknown time zone "${timeZone}"`, {
      reason: 'INVALID_TIME_ZONE',
      path: ['timeZone'],
    });
  }
  const currency = input.currency ?? profile.currency;
  const now = ctx.now().toISOString();
  return inTransaction(ctx, () => {
    if (isSetUp(ctx))
      throw new DomainError('CONFLICT', 'This till is already set up', {
        reason: 'ALREADY_SET_UP',
      });
    const register = ctx.db.orm
      .insert(registers)
      .values({
        code: input.registerCode,
        name: `Caja ${input.registerCode}`,
        number: 1,
        createdAt: now,
      })
      .returning()
      .get();
    ctx.db.orm
      .insert(documentSeries)
      .values(
        defaultSeriesOf(profile, register.number).map((s) => ({ registerId: register.id, ...s })),
      )
      .run();
    ctx.db.orm
      .insert(taxCategories)
      .values(
        profile.taxCategories.map((c) => ({
          code: c.code,
          name: c.name,
          kind: c.kind,
          rate: c.rate,
          fixedTaxes: JSON.stringify(c.fixedTaxes ?? []),
        })),
      )
      .run();
    const admin = ctx.db.orm
      .insert(users)
      .values({
        name: input.admin.name,
        role: 'admin',
        pinHash: hashPin(input.admin.pin),
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: users.id })
      .get();
    ctx.db.orm
      .insert(settings)
      .values({
        id: 1,
        country: profile.code,
        businessName: input.businessName,
        taxId,
        address: input.address ?? '',
        currency,
        // Venezuela: with prices kept in USD, the bolívar becomes the second currency.
        secondaryCurrency: profile.secondaryCurrency
          ? currency === profile.secondaryCurrency
            ? profile.currency
            : profile.secondaryCurrency
          : null,
        locale: profile.locale,
        language: input.language ?? 'es',
        timeZone,
        pricesIncludeTax: profile.pricesIncludeTax,
        roundingMethod: profile.roundingMethod,
        roundingMode: profile.roundingMode,
        taxBasis: profile.taxBasis,
        defaultDocumentType: profile.defaultDocumentType,
        // The country's usual scale labels, so a weighed product scans from day one.
        scaleLayouts: JSON.stringify(profile.scaleLayouts),
        currentRegisterId: register.id,
        createdAt: now,
        updatedAt: now,
      })
      .run();
    writeAudit(
      { ...ctx, actor: { id: admin.id, name: input.admin.name, role: 'admin' } },
      {
        action: 'setup.init',
        entity: 'settings',
        entityId: 1,
        after: { country: profile.code, businessName: input.businessName },
      },
    );
    return { adminId: admin.id, registerId: register.id };
  });
}

export const setupHandlers: Omit<AreaHandlers<'setup'>, 'setup.demo'> = {
  'setup.status': {
    access: 'public',
    run: (_input, ctx) => {
      const row = ctx.db.orm
        .select({
          language: settings.language,
          name: settings.businessName,
          timeZone: settings.timeZone,
          locale: settings.locale,
        })
        .from(settings)
        .get();
      return {
        initialized: row !== undefined,
        language: row?.language === 'en' ? 'en' : 'es',
        businessName: row?.name ?? null,
        timeZone: row?.timeZone ?? null,
        locale: row?.locale ?? null,
      };
    },
  },
  'setup.init': { access: 'public', beforeSetup: true, run: (input, ctx) => initStore(ctx, input) },
};
