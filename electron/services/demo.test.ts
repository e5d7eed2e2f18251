import { afterEach, describe, expect, it } from 'vitest';
import { createClient } from '../../core/api/client';
import { assetReader } from '../assets';
import { createApi, type Session } from '../api';
import { openTill, type Till } from '../testing/till';

let till: Till;
afterEach(() => till.close());

describe('setup.demo', () => {
  it.each([3, 14])(
    'fills a consistent demo store over %i days: users, catalog, closed days and an open one',
    async (days) => {
      till = await openTill();
      const api = createApi({
        db: till.db,
        now: () => till.clock.now,
        newId: till.uuid,
        readAsset: assetReader(),
      });
      const session: Session = { actor: null };
      const client = createClient((channel, input) => api.call(channel, input, session));
      const result = await client.call('setup.demo', { days });
      if (!result.ok) throw new Error(result.error.message);
      expect(result.value).toMatchObject({ products: 63, days: days + 1 });
      expect(result.value.users.map((u) => u.role)).toEqual(['admin', 'supervisor', 'cashier']);

      expect((await client.call('auth.login', { name: 'Lucía', pin: '3333' })).ok).toBe(true);
      const sessions = await client.call('cash.list', {});
      if (!sessions.ok) throw new Error(sessions.error.message);
      expect(sessions.value.filter((s) => s.status === 'CERRADA')).toHaveLength(days);
      expect(sessions.value[0]?.status).toBe('ABIERTA');

      const sql = till.db.sqlite;
      const sales = sql
        .prepare("SELECT COUNT(*) AS n FROM sales WHERE status != 'ANULADA'")
        .get() as {
        n: number;
      };
      expect(sales.n).toBeGreaterThan(50);
      const drift = sql
        .prepare(
          'SELECT COUNT(*) AS n FROM products p WHERE p.stock != (SELECT COALESCE(SUM(quantity), 0) FROM stock_movements m WHERE m.product_id = p.id)',
        )
        .get() as { n: number };
      expect(drift.n).toBe(0);
      // A self-signed test certificate made at demo time, sealed like a real one.
      const certificate = sql
        .prepare('SELECT subject, ruc, sealing FROM einvoice_certificate')
        .get() as { subject: string; ruc: string; sealing: string };
      expect(certificate).toMatchObject({ ruc: '20601234567', sealing: 'aes-256-gcm-file' });
      expect(certificate.subject).toContain('NO VALIDO PARA SUNAT');
      // Today's boletas and facturas are signed and waiting to be sent.
      const cpes = sql
        .prepare(
          'SELECT c.state, COUNT(*) AS n FROM cpe_documents c JOIN sales s ON s.id = c.sale_id WHERE s.local_date = (SELECT MAX(local_date) FROM sales) GROUP BY c.state',
        )
        .all() as { state: string; n: number }[];
      expect(cpes).toHaveLength(1);
      expect(cpes[0]).toMatchObject({ state: 'PENDING' });
      expect(cpes[0]!.n).toBeGreaterThan(0);
      const again = await api.call('setup.demo', {}, { actor: null });
      expect(again.ok).toBe(false);
    },
  );

  it('opens today’s session in the past when the demo is made before 8:00 in Lima', async () => {
    till = await openTill();
    // 03:30 in Lima (UTC−5).
    till.clock.now = new Date('2026-03-10T08:30:00.000Z');
    const api = createApi({
      db: till.db,
      now: () => till.clock.now,
      newId: till.uuid,
      readAsset: assetReader(),
    });
    const session: Session = { actor: null };
    const client = createClient((channel, input) => api.call(channel, input, session));
    const result = await client.call('setup.demo', { days: 2 });
    if (!result.ok) throw new Error(result.error.message);
    const open = till.db.sqlite
      .prepare("SELECT opened_at AS openedAt FROM cash_sessions WHERE status = 'ABIERTA'")
      .get() as { openedAt: string };
    expect(Date.parse(open.openedAt)).toBeLessThanOrEqual(till.clock.now.getTime());
    expect(Date.parse(open.openedAt)).toBeGreaterThanOrEqual(
      Date.parse('2026-03-10T05:00:00.000Z'),
    );
  });
});
