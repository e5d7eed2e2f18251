import { DomainError } from '../../core/errors';
import type { Actor } from '../../core/api/model';
import { addDays } from '../../core/time';
import { settings } from '../../db/schema';
import { computeCashReport } from './cash/report';
import { openSessionOf } from './cash/sessions';
import { importProductsCsv } from './catalog/csv';
import { inTransaction, statement, type ServiceContext } from './context';
import { storeCertificate } from './einvoice/certificate-store';
import { makeTestCertificate } from '../../fiscal/pe/certificate';
import { voidSale } from './sales/void-delete';
import { createSale } from './sales/create';
import { initStore } from './setup';
import { moveStock } from './stock-ledger';
import { cashHandlers } from './cash/handlers';
import { customersHandlers } from './catalog/customers';
import { usersHandlers } from './users';
import { eq } from 'drizzle-orm';
import type { AreaHandlers } from '../handler';

/**
 * A realistic demo store to try the app with: a Lima bodega with its catalog
 * (assets/demo/catalog-pe.csv), three users, customers, and two weeks of
 * sales, cash sessions, voids and movements. Seeded, so every run is the same.
 */

export interface DemoUser {
  readonly name: string;
  readonly role: string;
  readonly pin: string;
}

export interface DemoResult {
  readonly users: readonly DemoUser[];
  readonly products: number;
  readonly sales: number;
  readonly days: number;
}

export const DEMO_USERS: readonly DemoUser[] = [
  { name: 'Rosa', role: 'admin', pin: '1234' },
  { name: 'Carlos', role: 'supervisor', pin: '2222' },
  { name: 'Lucía', role: 'cashier', pin: '3333' },
];

/** mulberry32: small, fast, seeded. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface CatalogItem {
  id: number;
  price: number;
  soldBy: string;
  trackStock: number;
  stock: number;
  minStock: number;
}

/** The instant of a store-local day and time, for a store in a fixed-offset zone such as Lima (UTC−5). */
function at(date: string, hour: number, minute: number, offsetHours: number): Date {
  return new Date(Date.parse(`${date}T00:00:00Z`) + ((hour - offsetHours) * 60 + minute) * 60_000);
}

export function fillDemoStore(
  base: ServiceContext,
  options: { days?: number; language?: 'es' | 'en' } = {},
): DemoResult {
  if (!base.readAsset)
    throw new DomainError('INVALID_STATE', 'The demo catalog is not available in this host');
  const days = options.days ?? 14;
  const rand = random(20260306);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
  const today = base.now();
  const offset = -5; // America/Lima
  const todayLocal = new Date(today.getTime() + offset * 3_600_000).toISOString().slice(0, 10);
  const firstDay = addDays(todayLocal, -days);

  const admin = DEMO_USERS[0]!;
  const { adminId } = initStore(base, {
    country: 'PE',
    businessName: 'Bodega Doña Rosa',
    taxId: '20601234567',
    address: 'Av. Grau 1234, Barranco, Lima',
    admin: { name: admin.name, pin: admin.pin },
    registerCode: 'CAJA1',
    timeZone: 'America/Lima',
    language: options.language ?? 'es',
  });
  // The shop was set up the morning of the first demo day, before its sales.
  const setUpAt = at(firstDay, 7, 30, offset);
  const asAdmin: ServiceContext = {
    ...base,
    actor: { id: adminId, name: admin.name, role: 'admin' },
    now: () => setUpAt,
  };
  inTransaction(asAdmin, () => {
    asAdmin.db.orm
      .update(settings)
      .set({
        phone: '01 247 5555',
        scaleLayouts: JSON.stringify([{ pattern: '20 PPPPP WWWWW C', priceDecimals: 2 }]),
        receiptFooter: '¡Gracias por su compra! Vuelva pronto.',
        legalName: 'BODEGA DOÑA ROSA E.I.R.L.',
        ubigeo: '150104',
      })
      .where(eq(settings.id, 1))
      .run();
  });
  // A self-signed test certificate, made now and never a real one, so the demo signs CPEs.
  const certificate = makeTestCertificate({ ruc: '20601234567', notBefore: setUpAt });
  storeCertificate(asAdmin, {
    file: Buffer.from(certificate.pfx).toString('base64'),
    password: certificate.password,
  });
  const actors: Actor[] = [{ id: adminId, name: admin.name, role: 'admin' }];
  for (const user of DEMO_USERS.slice(1)) {
    const created = usersHandlers['users.create'].run(
      { name: user.name, role: user.role as Actor['role'], pin: user.pin },
      asAdmin,
    );
    actors.push({
      id: (created as { id: number }).id,
      name: user.name,
      role: user.role as Actor['role'],
    });
  }
  const report = importProductsCsv(asAdmin, {
    bytes: Buffer.from(base.readAsset('demo/catalog-pe.csv'), 'utf8'),
    skipInvalid: false,
    dryRun: false,
    setStock: false,
  });
  const customers = [
    {
      documentType: 'DNI',
      documentNumber: '45871236',
      name: 'María Quispe Huamán',
      phone: '987 654 321',
    },
    {
      documentType: 'DNI',
      documentNumber: '70123458',
      name: 'José Ramírez Torres',
      phone: '912 345 678',
    },
    {
      documentType: 'RUC',
      documentNumber: '20512345678',
      name: 'Restaurante El Sabor SAC',
      phone: '01 445 1122',
    },
    { documentType: 'DNI', documentNumber: '41236987', name: 'Carmen Flores Díaz', phone: '' },
  ].map(
    (c) =>
      customersHandlers['customers.create'].run({ ...c, email: '', address: '' }, asAdmin) as {
        id: number;
        documentType: string | null;
      },
  );

  const catalog = () =>
    statement(
      base,
      'SELECT id, price, sold_by AS soldBy, track_stock AS trackStock, stock, min_stock AS minStock FROM products WHERE active = 1',
    ).all() as CatalogItem[];
  const popular = catalog().filter((p) => p.price < 1500);
  let salesMade = 0;

  for (let d = 0; d <= days; d++) {
    const date = addDays(firstDay, d);
    const isToday = d === days;
    const cashier = actors[1 + (d % 2)]!;
    // Today's session opens at 8:00, or a minute ago when the demo is made
    // earlier than that (at 03:30 in Lima it opened in the future), but never
    // before today's midnight.
    const opening = isToday
      ? new Date(
          Math.max(
            at(date, 0, 0, offset).getTime(),
            Math.min(at(date, 8, 0, offset).getTime(), today.getTime() - 60_000),
          ),
        )
      : at(date, 8, 0, offset);
    const dayCtx = (when: Date, actor: Actor = cashier): ServiceContext => ({
      ...base,
      actor,
      now: () => when,
    });

    // Today's boletas and facturas are signed (the earlier days' history is not: signing
    // hundreds of past sales would only slow the demo down), so a fresh install shows CPEs.
    if (isToday) {
      inTransaction(base, () => {
        base.db.orm.update(settings).set({ einvoicing: true }).where(eq(settings.id, 1)).run();
      });
    }
    // Morning restock of whatever ran low.
    inTransaction(base, () => {
      for (const item of catalog()) {
        // Both stock and minimum stock are thousandths; a busy day sells up to ~20 units.
        const target = Math.max(item.minStock * 3, 40_000);
        if (item.trackStock === 1 && item.stock < Math.max(item.minStock, 20_000)) {
          moveStock(dayCtx(opening, actors[0]!), {
            productId: item.id,
            quantity: target - item.stock,
            kind: 'ADJUST',
            reason: 'Reposición de mercadería',
          });
        }
      }
    });
    cashHandlers['cash.open'].run({ float: 10000 }, dayCtx(opening));

    const count = isToday ? 8 : 25 + Math.floor(rand() * 25);
    for (let s = 0; s < count; s++) {
      const minute = Math.floor(((s + rand()) / count) * 13 * 60);
      const when = at(date, 8 + Math.floor(minute / 60), minute % 60, offset);
      if (isToday && when > today) break;
      const lineCount = 1 + Math.floor(rand() * rand() * 6);
      const items = catalog();
      const lines = Array.from({ length: lineCount }, () => {
        const item = rand() < 0.7 ? pick(popular) : pick(items);
        const weighed = item.soldBy === 'weight';
        return {
          productId: item.id,
          quantity: weighed
            ? 250 + Math.floor(rand() * 1500)
            : 1000 * (1 + Math.floor(rand() * rand() * 4)),
        };
      });
      // A shop does not sell what it does not have: skip lines the shelf cannot cover.
      const onShelf = new Map(items.map((i) => [i.id, i]));
      const unique = [...new Map(lines.map((l) => [l.productId, l])).values()].filter((l) => {
        const item = onShelf.get(l.productId);
        return item !== undefined && (item.trackStock === 0 || item.stock >= l.quantity);
      });
      if (unique.length === 0) continue;
      const customer = rand() < 0.15 ? pick(customers) : null;
      const method = rand();
      const id = base.newId();
      const ctx = dayCtx(when);
      const preview = (() => {
        try {
          return createSale(ctx, {
            id,
            lines: unique,
            payments: [],
            ...(customer ? { customerId: customer.id } : {}),
          });
        } catch (error) {
          if (error instanceof DomainError && error.details?.reason === 'UNDERPAID')
            return (error.details as { due: number }).due;
          throw error;
        }
      })();
      if (typeof preview !== 'number') continue;
      const due = preview;
      const payments =
        method < 0.65
          ? [{ method: 'EFECTIVO' as const, amount: Math.ceil(due / 1000) * 1000 }]
          : method < 0.8
            ? [{ method: 'QR' as const, amount: due, reference: 'Yape' }]
            : method < 0.95
              ? [{ method: 'TARJETA' as const, amount: due }]
              : [
                  { method: 'EFECTIVO' as const, amount: Math.floor(due / 2) },
                  { method: 'QR' as const, amount: due - Math.floor(due / 2), reference: 'Plin' },
                ];
      const sale = createSale(ctx, {
        id,
        lines: unique,
        payments,
        ...(customer ? { customerId: customer.id } : {}),
        documentType: customer?.documentType === 'RUC' ? 'FACTURA' : 'BOLETA',
      });
      salesMade++;
      if (rand() < 0.02) {
        voidSale(dayCtx(new Date(when.getTime() + 120_000), actors[1]!), {
          id: sale.id,
          reason: 'Cliente desistió de la compra',
        });
      }
    }
    if (rand() < 0.4) {
      cashHandlers['cash.movement'].run(
        {
          id: base.newId(),
          direction: 'IN',
          type: 'domicilio',
          amount: 500,
          description: 'Delivery a domicilio',
        },
        dayCtx(at(date, 13, 10, offset)),
      );
    }
    if (!isToday) {
      cashHandlers['cash.movement'].run(
        {
          id: base.newId(),
          direction: 'OUT',
          type: 'gasto',
          amount: 1500,
          description: 'Compra de bolsas y útiles',
        },
        dayCtx(at(date, 17, 45, offset)),
      );
      const closing = at(date, 21, 30, offset);
      const session = openSessionOf(base, 1)!;
      const expected = computeCashReport(dayCtx(closing), session, 'PEN', null).cash.expected;
      const counted = expected + (rand() < 0.2 ? (rand() < 0.5 ? -100 : 50) : 0);
      cashHandlers['cash.close'].run({ countedCash: counted }, dayCtx(closing));
    }
  }
  return { users: DEMO_USERS, products: report.created, sales: salesMade, days: days + 1 };
}

export const demoHandlers: Pick<AreaHandlers<'setup'>, 'setup.demo'> = {
  'setup.demo': {
    access: 'public',
    beforeSetup: true,
    run: (input, ctx) => fillDemoStore(ctx, input),
  },
};
