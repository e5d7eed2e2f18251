import { describe, expect, it } from 'vitest';
import { getOrMake } from './memo';

describe('getOrMake', () => {
  it('makes a value once per key and returns the cached one after', () => {
    const cache = new Map<string, { n: number }>();
    let made = 0;
    const make = () => ({ n: ++made });
    const first = getOrMake(cache, 'a', make);
    expect(getOrMake(cache, 'a', make)).toBe(first);
    expect(getOrMake(cache, 'b', make)).toEqual({ n: 2 });
    expect(made).toBe(2);
  });

  it('works with a WeakMap keyed on objects', () => {
    const cache = new WeakMap<object, string[]>();
    const key = {};
    getOrMake(cache, key, () => []).push('x');
    expect(getOrMake(cache, key, () => [])).toEqual(['x']);
  });
});
