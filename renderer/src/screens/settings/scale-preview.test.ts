import { describe, expect, it } from 'vitest';
import { gtinCheckDigit, parseScaleLayout } from '../../../../core/barcode';
import { previewLayout, sampleLabel, testLabel } from './scale-preview';

describe('scale layout preview', () => {
  it('explains a weight layout with a sample label that core decodes back', () => {
    const preview = previewLayout('20 PPPPP WWWWW C', 2);
    expect(preview).toMatchObject({
      ok: true,
      sample: '2012345012509',
      reading: { kind: 'weight', productCode: '12345', grams: 1250 },
    });
  });

  it('samples a price layout with its decimals (UPC-A and EAN-13)', () => {
    expect(previewLayout('2 PPPPP $$$$$ C', 2)).toMatchObject({
      ok: true,
      sample: '212345012901',
      reading: { kind: 'price', price: 1290, priceDecimals: 2 },
    });
    expect(previewLayout('21 PPPP $$$$$$ C', 0)).toMatchObject({
      ok: true,
      reading: { kind: 'price', productCode: '1234', price: 13, priceDecimals: 0 },
    });
    expect(previewLayout('22 PPPPP XWWWW C', 2)).toMatchObject({
      ok: true,
      reading: { kind: 'weight', grams: 1250 },
    });
  });

  it("maps each of core's refusals to a problem the UI can say in its language", () => {
    const problem = (pattern: string, decimals = 2) => {
      const preview = previewLayout(pattern, decimals);
      return preview.ok ? null : preview.problem;
    };
    expect(problem('2 PPP')).toEqual({ kind: 'length', count: 4 });
    expect(problem('2A PPPP WWWWW C')).toEqual({ kind: 'letters' });
    expect(problem('20 PPPPP WWWWW X')).toEqual({ kind: 'check' });
    expect(problem('30 PPPPP WWWWW C')).toEqual({ kind: 'prefix' });
    expect(problem('2P0PPPPWWWWWC')).toEqual({ kind: 'digitsInside' });
    expect(problem('20 PP WW PPP WWW C')).toEqual({ kind: 'together', letter: 'P' });
    expect(problem('20 WWWWW XXXXX C')).toEqual({ kind: 'product' });
    expect(problem('20 PPPPP XXXXX C')).toEqual({ kind: 'value' });
    expect(problem('20 PPPPP WW$$$ C')).toEqual({ kind: 'value' });
    expect(problem('20 PPPPP WWWWW C', 5)).toEqual({ kind: 'decimals' });
  });

  it('every sample label carries a valid check digit', () => {
    for (const pattern of ['20 PPPPP WWWWW C', '2 PPPPP $$$$$ C', '29 PPPPPP WWWW C']) {
      const label = sampleLabel(parseScaleLayout(pattern));
      expect(testLabel(label, [parseScaleLayout(pattern)]).ok).toBe(true);
    }
  });

  it('tries a typed label against the layouts, as the till would', () => {
    const layouts = [parseScaleLayout('20 PPPPP WWWWW C')];
    expect(testLabel('2000123004501', layouts)).toEqual({
      ok: true,
      reading: { kind: 'weight', productCode: '00123', grams: 450 },
    });
    expect(testLabel('2000123004500', layouts)).toEqual({
      ok: false,
      code: 'BAD_CHECK_DIGIT',
      expected: 1,
    });
    const otherPrefix = '210012300450';
    expect(testLabel(`${otherPrefix}${gtinCheckDigit(otherPrefix)}`, layouts)).toMatchObject({
      ok: false,
      code: 'UNKNOWN_LAYOUT',
    });
    expect(testLabel('7750885012348', layouts)).toMatchObject({ ok: false, code: 'BAD_BARCODE' });
  });
});
