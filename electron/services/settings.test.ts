import { afterEach, describe, expect, it } from 'vitest';
import { actingAs, auditRows, openSession, product, sell, user } from '../testing/fixtures';
import { openTill, setUpTill, type Till } from '../testing/till';
import { storedLanguage } from './store';

let till: Till;
afterEach(() => till.close());

describe('settings.update', () => {
  it('changes what it is given, audited with before and after', async () => {
    till = await setUpTill('PE');
    const before = await till.call('settings.get', {});
    const after = await till.call('settings.update', {
      businessName: 'Bodega Lucho SAC',
      taxId: ' 20512345678 ',
      timeZone: 'America/Bogota',
      negativeStock: 'per_product',
      scaleLayouts: [{ pattern: '2 PPPPP WWWWW C', priceDecimals: 2 }],
      defaultDocumentType: 'TICKET',
    });
    expect(after).toEqual({
      ...before,
      businessName: 'Bodega Lucho SAC',
      taxId: '20512345678',
      timeZone: 'America/Bogota',
      negativeStock: 'per_product',
      scaleLayouts: [{ pattern: '2 PPPPP WWWWW C', priceDecimals: 2 }],
      defaultDocumentType: 'TICKET',
    });
    expect(await till.call('settings.get', {})).toEqual(after);
    const [row] = auditRows(till, 'settings.update');
    expect(row!.before).toEqual(JSON.parse(JSON.stringify(before)));
    expect(row!.after).toEqual(JSON.parse(JSON.stringify(after)));
    await openSession(till);
    const p = await product(till, { code: 'P', price: 100, stock: 5 });
    expect((await sell(till, [{ productId: p.id }])).number).toBe('NV01-00000001');
  });

  it("keeps the store's own names for payment methods, a blank one meaning the default", async () => {
    till = await setUpTill('PE');
    expect((await till.call('settings.get', {})).paymentMethodNames).toEqual({});
    const after = await till.call('settings.update', {
      paymentMethodNames: { QR: ' Yape ', TARJETA: '', TRANSFERENCIA: 'Transferencia BCP' },
    });
    expect(after.paymentMethodNames).toEqual({ QR: 'Yape', TRANSFERENCIA: 'Transferencia BCP' });
    expect((await till.call('settings.get', {})).paymentMethodNames).toEqual(
      after.paymentMethodNames,
    );
    const error = await till.fail('settings.update', {
      paymentMethodNames: { BITCOIN: 'Bitcoin' },
    });
    expect(error.code).toBe('VALIDATION');
    expect(
      (await till.fail('settings.update', { paymentMethodNames: { QR: 'x'.repeat(31) } })).code,
    ).toBe('VALIDATION');
    expect((await till.call('settings.get', {})).paymentMethodNames).toEqual(
      after.paymentMethodNames,
    );
  });

  it('refuses bad values and changes nothing', async () => {
    till = await setUpTill('PE');
    const before = await till.call('settings.get', {});
    const cases: [Record<string, unknown>, string, string | undefined][] = [
      [{ timeZone: 'America/Atlantis' }, 'VALIDATION', 'INVALID_TIME_ZONE'],
      [{ exchangeRate: '3.75' }, 'VALIDATION', 'NOT_APPLICABLE'],
      [{ igtfEnabled: true }, 'VALIDATION', 'NOT_APPLICABLE'],
      [{ scaleLayouts: [{ pattern: '2 PPPPP QQQQQ C' }] }, 'VALIDATION', 'INVALID_LAYOUT'],
      [{ scaleLayouts: [{ pattern: '1 PPPPP WWWWW C' }] }, 'VALIDATION', 'INVALID_LAYOUT'],
      [{ scaleLayouts: [{ pattern: '2PPPPP$$WWWC' }] }, 'VALIDATION', 'INVALID_LAYOUT'],
      [{ taxId: '12345' }, 'VALIDATION', 'INVALID_TAX_ID'],
      [{ defaultDocumentType: 'NOTA_CREDITO' }, 'VALIDATION', 'INVALID_DOCUMENT_TYPE'],
      [{ roundingMethod: 'banana' }, 'VALIDATION', undefined],
      [{ printerPort: 0 }, 'VALIDATION', undefined],
      [{ businessName: '' }, 'VALIDATION', undefined],
      [{ unknown: true }, 'VALIDATION', undefined],
      [
        { timeZone: 'America/Lima', negativeStock: 'allow', exchangeRate: '1.00' },
        'VALIDATION',
        'NOT_APPLICABLE',
      ],
    ];
    for (const [input, code, reason] of cases) {
      const error = await till.fail('settings.update', input);
      expect(error.code, JSON.stringify(input)).toBe(code);
      if (reason) expect(error.details, JSON.stringify(input)).toMatchObject({ reason });
    }
    expect(await till.call('settings.get', {})).toEqual(before);
    expect(auditRows(till, 'settings.update')).toEqual([]);
  });

  it('takes a valid exchange rate in Venezuela only, and refuses a zero rate', async () => {
    till = await setUpTill('VE', { currency: 'USD' });
    expect((await till.fail('settings.update', { exchangeRate: '0.00' })).details).toMatchObject({
      reason: 'INVALID_EXCHANGE_RATE',
    });
    expect((await till.fail('settings.update', { exchangeRate: '36,50' })).code).toBe('VALIDATION');
    expect(
      (await till.fail('settings.update', { defaultDocumentType: 'BOLETA' })).details,
    ).toMatchObject({
      reason: 'UNKNOWN_DOCUMENT_TYPE',
    });
    const after = await till.call('settings.update', { exchangeRate: '36.50', igtfEnabled: true });
    expect(after).toMatchObject({ exchangeRate: '36.50', igtfEnabled: true });
  });

  it('is for admins; anyone logged in may read', async () => {
    till = await setUpTill('PE');
    await user(till, 'Sergio', 'supervisor', '2222');
    await actingAs(till, 'Sergio', '2222', async () => {
      expect((await till.fail('settings.update', { cashierPriceOverride: true })).code).toBe(
        'FORBIDDEN',
      );
      expect((await till.call('settings.get', {})).cashierPriceOverride).toBe(false);
    });
    expect(auditRows(till, 'settings.update').map((r) => r.outcome)).toEqual(['denied']);
  });
});

describe('storedLanguage (the desktop menu follows it)', () => {
  it('is undefined before setup, then the language settings.update keeps', async () => {
    till = await openTill();
    expect(storedLanguage({ db: till.db })).toBeUndefined();
    till.close();
    till = await setUpTill('PE');
    expect(storedLanguage({ db: till.db })).toBe('es');
    await till.call('settings.update', { language: 'en' });
    expect(storedLanguage({ db: till.db })).toBe('en');
  });
});
