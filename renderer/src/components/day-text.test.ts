import { describe, expect, it } from 'vitest';
import { dayOrderOf, formatDayText, parseDayText } from './day-text';

describe('store days as typed', () => {
  it('writes day first in Spanish and month first in English', () => {
    expect(formatDayText('2026-11-05', dayOrderOf('es'))).toBe('05/11/2026');
    expect(formatDayText('2026-11-05', dayOrderOf('en'))).toBe('11/05/2026');
    expect(formatDayText('', 'dmy')).toBe('');
  });

  it('reads both orders, short years, other separators and ISO', () => {
    expect(parseDayText('5/11/2026', 'dmy')).toBe('2026-11-05');
    expect(parseDayText('11/5/26', 'mdy')).toBe('2026-11-05');
    expect(parseDayText('05-11-2026', 'dmy')).toBe('2026-11-05');
    expect(parseDayText('2026-11-05', 'mdy')).toBe('2026-11-05');
    expect(parseDayText('  ', 'dmy')).toBe('');
    expect(parseDayText('05112026', 'dmy')).toBe('2026-11-05');
    expect(parseDayText('11052026', 'mdy')).toBe('2026-11-05');
  });

  it('refuses what is not a calendar day', () => {
    expect(parseDayText('31/02/2026', 'dmy')).toBeNull();
    expect(parseDayText('13/01/2026', 'mdy')).toBeNull();
    expect(parseDayText('ayer', 'dmy')).toBeNull();
    expect(parseDayText('5/11', 'dmy')).toBeNull();
    expect(parseDayText('0511202', 'dmy')).toBeNull();
    expect(parseDayText('31022026', 'dmy')).toBeNull();
  });
});
