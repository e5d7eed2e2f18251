import { afterEach, describe, expect, it } from 'vitest';
import { setUpTill, type Till } from '../../testing/till';

let till: Till;
afterEach(() => till.close());

describe('the store settings a CPE needs (Peru)', () => {
  it('starts with establishment 0000, e-invoicing off, and stores what it is given', async () => {
    till = await setUpTill('PE');
    expect(await till.call('settings.get', {})).toMatchObject({
      legalName: '',
      establishmentCode: '0000',
      ubigeo: '',
      einvoicing: false,
    });
    const after = await till.call('settings.update', {
      legalName: 'BODEGA DON LUCHO S.A.C.',
      establishmentCode: '0001',
      ubigeo: '150101',
      einvoicing: true,
    });
    expect(after).toMatchObject({
      legalName: 'BODEGA DON LUCHO S.A.C.',
      establishmentCode: '0001',
      ubigeo: '150101',
      einvoicing: true,
    });
    expect(await till.call('settings.get', {})).toEqual(after);
  });

  it('refuses a bad ubigeo or code, and e-invoicing without razón social or ubigeo, changing nothing', async () => {
    till = await setUpTill('PE');
    const before = await till.call('settings.get', {});
    const cases: [object, string][] = [
      [{ ubigeo: '15010' }, 'ubigeo'],
      [{ ubigeo: '15010A' }, 'ubigeo'],
      [{ establishmentCode: '1' }, 'establishmentCode'],
      [{ einvoicing: true }, 'legalName'],
      [{ einvoicing: true, legalName: 'BODEGA S.A.C.' }, 'ubigeo'],
    ];
    for (const [input, path] of cases) {
      const error = await till.fail('settings.update', input);
      expect(error.code, JSON.stringify(input)).toBe('VALIDATION');
      expect(JSON.stringify(error.details), JSON.stringify(input)).toContain(path);
    }
    await till.call('settings.update', {
      legalName: 'B S.A.C.',
      ubigeo: '150101',
      einvoicing: true,
    });
    expect((await till.fail('settings.update', { legalName: ' ' })).code).toBe('VALIDATION');
    expect((await till.fail('settings.update', { ubigeo: '' })).code).toBe('VALIDATION');
    expect(await till.call('settings.get', {})).toEqual({
      ...before,
      legalName: 'B S.A.C.',
      ubigeo: '150101',
      einvoicing: true,
    });
  });

  it('is Peru only', async () => {
    till = await setUpTill('CO');
    const error = await till.fail('settings.update', { einvoicing: true });
    expect(error).toMatchObject({ code: 'VALIDATION', details: { reason: 'NOT_APPLICABLE' } });
  });
});
