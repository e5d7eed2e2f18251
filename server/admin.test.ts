import { expect, it } from 'vitest';
import { ADMIN_COMMANDS } from './admin';
import { devices, documentSeries } from './db/schema';
import { enroll } from './enroll';
import { describeEachDatabase } from './testing/databases';

describeEachDatabase('admin commands', (t) => {
  it('adds a store and a register with its series, issues a code, lists and revokes devices', async () => {
    const orm = t.db().orm;
    const store = await ADMIN_COMMANDS['store-add'](orm, { name: 'Sucursal Centro' });
    expect(await ADMIN_COMMANDS.stores(orm)).toMatchObject([{ name: 'Sucursal Centro' }]);
    await ADMIN_COMMANDS['register-add'](orm, {
      store: store.storeId,
      code: 'CAJA1',
      series: 'B001:BOLETA,F001:FACTURA',
    });
    expect(await orm.select().from(documentSeries)).toHaveLength(2);
    await expect(
      ADMIN_COMMANDS['register-add'](orm, {
        store: store.storeId,
        code: 'CAJA2',
        series: 'B001:BOLETA',
      }),
    ).rejects.toMatchObject({ code: 'SERIES_TAKEN' });
    const code = await ADMIN_COMMANDS['enrolment-code'](orm, {
      store: store.storeId,
      register: 'CAJA1',
    });
    const device = await enroll(orm, { code: code.code });
    expect(device.series).toHaveLength(2);
    expect(await ADMIN_COMMANDS.devices(orm, { store: store.storeId })).toMatchObject([
      { deviceId: device.deviceId, revokedAt: null },
    ]);
    await ADMIN_COMMANDS.revoke(orm, { device: device.deviceId });
    const [row] = await orm.select().from(devices);
    expect(row!.revokedAt).not.toBeNull();
    await expect(ADMIN_COMMANDS.revoke(orm, { device: 'nope' })).rejects.toMatchObject({
      code: 'VALIDATION',
    });
    await expect(
      ADMIN_COMMANDS['enrolment-code'](orm, { store: store.storeId, register: 'CAJA9' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
