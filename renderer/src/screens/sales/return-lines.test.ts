import { describe, expect, it } from 'vitest';
import { pickProblem, returnLines, returnable } from './return-lines';
import { makeLine } from './testing';

describe('return picks', () => {
  it('allows what was sold minus what already went back, in exact thousandths', () => {
    expect(returnable(makeLine({ quantity: 3, returnedQuantity: 0 }))).toBe(3000);
    expect(returnable(makeLine({ quantity: 1.25, returnedQuantity: 0.5 }))).toBe(750);
    // 0.3 − 0.1 is 0.19999999999999998 in floating point; in thousandths it is 200.
    expect(returnable(makeLine({ quantity: 0.3, returnedQuantity: 0.1 }))).toBe(200);
    expect(returnable(makeLine({ quantity: 2, returnedQuantity: 2 }))).toBe(0);
  });

  it('refuses more than is left and fractions of a unit', () => {
    const line = makeLine({ quantity: 3, returnedQuantity: 1 });
    expect(pickProblem(line, 2000)).toBeNull();
    expect(pickProblem(line, 2001)).toBe('tooMany');
    expect(pickProblem(line, 1500)).toBe('wholeUnits');
    expect(pickProblem(makeLine({ soldBy: 'weight', quantity: 1.25 }), 250)).toBeNull();
  });

  it('becomes the request lines, leaving out zeros', () => {
    expect(returnLines({ 1: 3000, 2: 0, 7: 250 })).toEqual([
      { saleLineId: 1, quantity: 3 },
      { saleLineId: 7, quantity: 0.25 },
    ]);
  });
});
