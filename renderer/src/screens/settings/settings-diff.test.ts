import { describe, expect, it } from 'vitest';
import type { Settings } from '../../../../core/api/model';
import { changedSettings, pickSettings } from './settings-diff';

const settings = {
  businessName: 'Bodega',
  phone: '01 247 5555',
  negativeStock: 'block',
  scaleLayouts: [{ pattern: '20 PPPPP WWWWW C', priceDecimals: 2 }],
} as unknown as Settings;

describe('settings sections send only what changed', () => {
  it('picks a section and finds no change at first', () => {
    const keys = ['businessName', 'phone'] as const;
    const draft = pickSettings(settings, keys);
    expect(draft).toEqual({ businessName: 'Bodega', phone: '01 247 5555' });
    expect(changedSettings(draft, settings, keys)).toEqual({});
  });

  it('reports changed fields only, lists compared by value', () => {
    const keys = ['negativeStock', 'scaleLayouts'] as const;
    const draft = pickSettings(settings, keys);
    expect(
      changedSettings(
        { ...draft, scaleLayouts: [{ pattern: '20 PPPPP WWWWW C', priceDecimals: 2 }] },
        settings,
        keys,
      ),
    ).toEqual({});
    expect(changedSettings({ ...draft, negativeStock: 'allow' }, settings, keys)).toEqual({
      negativeStock: 'allow',
    });
    expect(changedSettings({ ...draft, scaleLayouts: [] }, settings, keys)).toEqual({
      scaleLayouts: [],
    });
  });
});
