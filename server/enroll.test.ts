import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { buildApp } from './app';
import { devices, documentSeries, enrolmentCodes } from './db/schema';
import { describeEachDatabase } from './testing/databases';
import { enrollTill, storeWithRegister } from './testing/fixtures';
import { addRegister, issueEnrolmentCode } from './stores';

describeEachDatabase('enrolment and device credentials', (t) => {
  let app: FastifyInstance;
  beforeEach(async () => {
    app = await buildApp({ db: t.db() });
  });
  afterEach(async () => {
    await app.close();
  });

  const enrollWith = (payload: unknown) =>
    app.inject({ method: 'POST', url: '/v1/enroll', payload: payload as object });

  it('enrols a till with a one-time code: device, store, register, series; only hashes are kept', async () => {
    const { store, register, code } = await storeWithRegister(t.db());
    const reply = await enrollWith({
      code: code.toLowerCase().replaceAll('-', ' '),
      series: [{ documentType: 'BOLETA', series: 'B001' }],
    });
    expect(reply.statusCode).toBe(200);
    const body = reply.json();
    expect(body).toMatchObject({
      storeId: store.storeId,
      registerId: register.registerId,
      registerCode: 'CAJA1',
      series: [{ documentType: 'BOLETA', series: 'B001' }],
      nextSeq: 1,
    });
    const secret = body.credential.split('.')[2];
    const [device] = await t.db().orm.select().from(devices);
    expect(device!.deviceId).toBe(body.deviceId);
    expect(device!.secretHash).not.toContain(secret);
    const [stored] = await t.db().orm.select().from(enrolmentCodes);
    expect(stored!.codeHash).not.toContain(code.replaceAll('-', ''));
    expect(stored!.usedBy).toBe(body.deviceId);
  });

  it('refuses a wrong code and a used code, and writes nothing', async () => {
    const { code } = await storeWithRegister(t.db());
    const wrong = await enrollWith({ code: 'AAAA-BBBB-CCCC' });
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json().error.code).toBe('ENROLMENT_CODE_INVALID');
    expect(await t.db().orm.select().from(devices)).toHaveLength(0);

    expect((await enrollWith({ code })).statusCode).toBe(200);
    const again = await enrollWith({ code });
    expect(again.statusCode).toBe(403);
    expect(again.json().error.code).toBe('ENROLMENT_CODE_INVALID');
    expect(await t.db().orm.select().from(devices)).toHaveLength(1);
  });

  it('refuses an expired code', async () => {
    const { store, register } = await storeWithRegister(t.db());
    const old = await issueEnrolmentCode(
      t.db().orm,
      store.storeId,
      register.registerId,
      new Date(Date.now() - 8 * 86_400_000),
    );
    const reply = await enrollWith({ code: old.code });
    expect(reply.json().error.code).toBe('ENROLMENT_CODE_INVALID');
  });

  it('refuses loudly a series another register owns, and the code stays usable', async () => {
    const { store, code } = await storeWithRegister(t.db());
    await addRegister(t.db().orm, store.storeId, 'CAJA2', [
      { documentType: 'BOLETA', series: 'B002' },
    ]);
    const reply = await enrollWith({ code, series: [{ documentType: 'BOLETA', series: 'B002' }] });
    expect(reply.statusCode).toBe(409);
    expect(reply.json().error).toMatchObject({
      code: 'SERIES_TAKEN',
      details: { series: 'B002', register: 'CAJA2' },
    });
    expect(await t.db().orm.select().from(devices)).toHaveLength(0);
    expect((await enrollWith({ code })).statusCode).toBe(200);
  });

  it('a series belongs to exactly one register: the database refuses a second owner', async () => {
    const { store, register } = await storeWithRegister(t.db());
    const other = await addRegister(t.db().orm, store.storeId, 'CAJA2');
    const row = { storeId: store.storeId, documentType: 'BOLETA', series: 'B009' };
    await t
      .db()
      .orm.insert(documentSeries)
      .values({ ...row, registerId: register.registerId });
    await expect(
      t
        .db()
        .orm.insert(documentSeries)
        .values({ ...row, registerId: other.registerId }),
    ).rejects.toThrow();
  });

  it('authenticates every request with the credential; a wrong or revoked one is refused', async () => {
    const { code } = await storeWithRegister(t.db());
    const till = await enrollTill(app, code);
    const ok = await app.inject({ method: 'GET', url: '/v1/whoami', headers: till.headers });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ deviceId: till.deviceId, storeId: till.storeId });

    const none = await app.inject({ method: 'GET', url: '/v1/whoami' });
    expect(none.statusCode).toBe(401);
    expect(none.json().error.code).toBe('UNAUTHENTICATED');
    const forged = `${till.credential.slice(0, -4)}AAAA`;
    const wrong = await app.inject({
      method: 'GET',
      url: '/v1/whoami',
      headers: { authorization: `Bearer ${forged}` },
    });
    expect(wrong.statusCode).toBe(401);

    await t
      .db()
      .orm.update(devices)
      .set({ revokedAt: new Date() })
      .where(and(eq(devices.storeId, till.storeId), eq(devices.deviceId, till.deviceId)));
    const revoked = await app.inject({ method: 'GET', url: '/v1/whoami', headers: till.headers });
    expect(revoked.statusCode).toBe(401);
    expect(revoked.json().error.code).toBe('REVOKED');
  });

  it('answers unknown routes and malformed bodies with structured errors', async () => {
    const missing = await app.inject({ method: 'GET', url: '/v1/nothing' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
    const bad = await app.inject({
      method: 'POST',
      url: '/v1/enroll',
      headers: { 'content-type': 'application/json' },
      payload: '{"code": ',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('VALIDATION');
    expect(typeof bad.json().serverTime).toBe('string');
  });
});
