import { afterEach, describe, expect, it } from 'vitest';
import { countRows } from '../testing/fixtures';
import { ADMIN, openTill, setUpTill, type Till } from '../testing/till';

let till: Till;
afterEach(() => till.close());

const INIT = {
  country: 'PE',
  businessName: 'Bodega Don Lucho',
  taxId: '20123456789',
  admin: ADMIN,
  registerCode: 'CAJA1',
  timeZone: 'America/Lima',
};

describe('setup', () => {
  it('refuses every non-public channel before setup with NOT_SET_UP', async () => {
    till = await openTill();
    expect(await till.call('setup.status', {})).toEqual({
      initialized: false,
      language: 'es',
      businessName: null,
      timeZone: null,
      locale: null,
    });
    for (const channel of [
      'settings.get',
      'sales.list',
      'cash.current',
      'reports.summary',
    ] as const) {
      const error = await till.fail(channel, {});
      expect(error.code).toBe('NOT_SET_UP');
    }
    expect(await till.call('users.names', {})).toEqual([]);
    expect((await till.fail('auth.login', ADMIN)).code).toBe('UNAUTHENTICATED');
  });

  it('sets up once: the profile, series, taxes and first admin; a second init is a CONFLICT', async () => {
    till = await openTill();
    const result = await till.call('setup.init', INIT as never);
    expect(result).toEqual({ adminId: 1, registerId: 1 });
    expect(await till.call('setup.status', {})).toEqual({
      initialized: true,
      language: 'es',
      businessName: 'Bodega Don Lucho',
      timeZone: 'America/Lima',
      locale: 'es-PE',
    });
    const again = await till.fail('setup.init', { ...INIT, businessName: 'Otra' });
    expect(again).toMatchObject({ code: 'CONFLICT', details: { reason: 'ALREADY_SET_UP' } });
    expect(countRows(till, 'users')).toBe(1);
    await till.call('auth.login', ADMIN);
    const settings = await till.call('settings.get', {});
    expect(settings).toMatchObject({
      country: 'PE',
      businessName: 'Bodega Don Lucho',
      currency: 'PEN',
      pricesIncludeTax: true,
      roundingMethod: 'line',
      defaultDocumentType: 'BOLETA',
      timeZone: 'America/Lima',
      register: { code: 'CAJA1' },
    });
    const [register] = await till.call('registers.list', {});
    expect(register!.series.map((s) => [s.documentType, s.series, s.last])).toEqual([
      ['BOLETA', 'B001', 0],
      ['FACTURA', 'F001', 0],
      ['TICKET', 'NV01', 0],
      ['NOTA_CREDITO', 'BC01', 0],
    ]);
    const taxes = await till.call('taxCategories.list', {});
    expect(taxes.map((t) => [t.code, t.rate])).toEqual([
      ['IGV', 1800],
      ['EXONERADO', 0],
      ['INAFECTO', 0],
      ['BOLSA', 1800],
    ]);
  });

  it('gives a store with no zone chosen its country’s zone, not the computer’s', async () => {
    till = await openTill();
    const { timeZone: _chosen, ...withoutZone } = INIT;
    await till.call('setup.init', { ...withoutZone, country: 'PE' as const });
    await till.as(INIT.admin.name, INIT.admin.pin);
    expect((await till.call('settings.get', {})).timeZone).toBe('America/Lima');
  });

  it('refuses a bad tax id or time zone and stays not set up', async () => {
    till = await openTill();
    const badRuc = await till.fail('setup.init', { ...INIT, taxId: '12345' });
    expect(badRuc).toMatchObject({ code: 'VALIDATION', details: { reason: 'INVALID_TAX_ID' } });
    const badZone = await till.fail('setup.init', { ...INIT, timeZone: 'Mars/Olympus' });
    expect(badZone).toMatchObject({ code: 'VALIDATION', details: { reason: 'INVALID_TIME_ZONE' } });
    const badPin = await till.fail('setup.init', { ...INIT, admin: { name: 'Ana', pin: '12' } });
    expect(badPin.code).toBe('VALIDATION');
    expect((await till.call('setup.status', {})).initialized).toBe(false);
    expect(countRows(till, 'users')).toBe(0);
    expect(countRows(till, 'registers')).toBe(0);
  });

  it('keeps VE prices in USD with the bolívar as second currency', async () => {
    till = await setUpTill('VE', { currency: 'USD' });
    const settings = await till.call('settings.get', {});
    expect(settings).toMatchObject({
      currency: 'USD',
      secondaryCurrency: 'VES',
      exchangeRate: null,
      igtfEnabled: false,
      pricesIncludeTax: false,
    });
  });
});

describe('sessions', () => {
  it('needs a login for user channels', async () => {
    till = await setUpTill('PE');
    await till.call('auth.logout', {});
    expect(await till.call('auth.current', {})).toBeNull();
    for (const channel of ['settings.get', 'sales.list', 'cash.current'] as const) {
      expect((await till.fail(channel, {})).code).toBe('UNAUTHENTICATED');
    }
    expect((await till.call('users.names', {})).map((u) => u.name)).toEqual(['Ana']);
    const actor = await till.call('auth.login', { name: 'ana', pin: '1234' });
    expect(actor).toEqual({ id: 1, name: 'Ana', role: 'admin' });
    expect(await till.call('auth.current', {})).toEqual(actor);
  });
});
