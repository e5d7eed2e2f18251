/**
 * Sessions are numbered per register ("Turno 3"), the same on every screen
 * and paper, and the Z report carries the observations typed at close, in
 * cash.report and in its PDF (roll and A4), read back with pdftotext.
 */
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeRenderPool } from '../../documents/handlers';
import { hasRow, pdfBytes, pdfText, snapshot } from '../../documents/testing';
import { openSession } from '../../testing/fixtures';
import { setUpTill, type Till } from '../../testing/till';

let till: Till;
beforeEach(async () => {
  till = await setUpTill('PE');
});
afterEach(() => till.close());
afterAll(() => closeRenderPool());

const HOUR = 3_600_000;

async function shift(counted: number, notes?: string) {
  await openSession(till, 10000);
  till.clock.advance(HOUR);
  const z = await till.call('cash.close', { countedCash: counted, ...(notes ? { notes } : {}) });
  till.clock.advance(HOUR);
  return z;
}

describe('session numbers', () => {
  it('numbers sessions 1, 2, 3 on their register, everywhere they are read', async () => {
    const z1 = await shift(10000);
    const z2 = await shift(10000);
    const open = await openSession(till);
    expect([z1.session.number, z2.session.number, open.number]).toEqual([1, 2, 3]);
    expect((await till.call('cash.current', {}))?.number).toBe(3);
    expect((await till.call('cash.list', {})).map((s) => s.number)).toEqual([3, 2, 1]);
    expect((await till.call('cash.report', {})).session.number).toBe(3);
    expect((await till.call('cash.report', { sessionId: z1.session.id })).session.number).toBe(1);

    // Another register's sessions keep their own count, even when opened in between.
    till.db.sqlite
      .prepare(
        "INSERT INTO registers (code, name, number, created_at) VALUES ('CAJA2', 'Caja 2', 2, '2026-03-06T00:00:00.000Z')",
      )
      .run();
    till.db.sqlite
      .prepare(
        "INSERT INTO cash_sessions (id, register_id, status, opening_float, opened_by, opened_at) VALUES (?, 2, 'CERRADA', 0, 1, ?)",
      )
      .run(till.uuid(), new Date(Date.parse(z1.session.openedAt) + 60_000).toISOString());
    expect((await till.call('cash.list', {})).map((s) => s.number)).toEqual([3, 2, 1]);
  });

  it('numbers a Z stored before sessions had numbers', async () => {
    const z = await shift(10000);
    // A Z report as it was stored before: its session without a number.
    const stored = JSON.parse(
      (
        till.db.sqlite
          .prepare('SELECT z_report AS z FROM cash_sessions WHERE id = ?')
          .get(z.session.id) as { z: string }
      ).z,
    ) as { session: Record<string, unknown> };
    delete stored.session.number;
    till.db.sqlite
      .prepare('UPDATE cash_sessions SET z_report = ? WHERE id = ?')
      .run(JSON.stringify(stored), z.session.id);
    expect((await till.call('cash.report', { sessionId: z.session.id })).session.number).toBe(1);
  });
});

describe('the Z report paper', () => {
  it('says "Turno 2" and prints the observations typed at close, on the roll and on A4', async () => {
    await shift(10000);
    const z = await shift(9950, 'Faltó una moneda de 50 céntimos; se avisó al supervisor.');
    expect(z.session.notes).toBe('Faltó una moneda de 50 céntimos; se avisó al supervisor.');
    for (const format of ['80mm', 'A4'] as const) {
      const doc = await till.call('documents.cashReport', { sessionId: z.session.id, format });
      const pdf = pdfBytes(doc);
      snapshot(`pe-z-turno-${format}`, pdf);
      const text = pdfText(pdf);
      expect(text).toContain('CIERRE DE CAJA (Z)');
      expect(hasRow(text, 'Turno', '2')).toBe(true);
      expect(text).not.toContain(z.session.id.slice(0, 8));
      expect(text).toContain('Observaciones');
      expect(text.replace(/\s+/g, ' ')).toContain(
        'Faltó una moneda de 50 céntimos; se avisó al supervisor.',
      );
    }
  });

  it('prints no observations block when none were typed', async () => {
    const z = await shift(10000);
    const doc = await till.call('documents.cashReport', { sessionId: z.session.id, format: 'A4' });
    const text = pdfText(pdfBytes(doc));
    expect(hasRow(text, 'Turno', '1')).toBe(true);
    expect(text).not.toContain('Observaciones');
  });
});
