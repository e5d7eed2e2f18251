import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, isValidTimeZone, localDateHour } from './time';

describe('localDateHour', () => {
  it("gives the shop's day and hour, not UTC's", () => {
    // 02:30 UTC on the 7th is still 21:30 on the 6th in Lima (UTC−5).
    expect(localDateHour(new Date('2026-03-07T02:30:00Z'), 'America/Lima')).toEqual({
      date: '2026-03-06',
      hour: 21,
    });
    expect(localDateHour(new Date('2026-03-07T02:30:00Z'), 'America/Caracas')).toEqual({
      date: '2026-03-06',
      hour: 22,
    });
    expect(localDateHour(new Date('2026-03-07T02:30:00Z'), 'UTC')).toEqual({
      date: '2026-03-07',
      hour: 2,
    });
  });

  it('follows a daylight-saving jump between two minutes', () => {
    // Chile springs forward on 6 Sep 2026: 23:59 (UTC−4) is followed by 01:00 (UTC−3).
    const zone = 'America/Santiago';
    expect(localDateHour(new Date('2026-09-06T03:59:00Z'), zone)).toEqual({
      date: '2026-09-05',
      hour: 23,
    });
    expect(localDateHour(new Date('2026-09-06T04:00:00Z'), zone)).toEqual({
      date: '2026-09-06',
      hour: 1,
    });
    // Asked again within the same minute, and back in the earlier one.
    expect(localDateHour(new Date('2026-09-06T04:00:59Z'), zone).hour).toBe(1);
    expect(localDateHour(new Date('2026-09-06T03:59:30Z'), zone).hour).toBe(23);
  });

  it('answers each zone on its own, even within the same minute', () => {
    const instant = new Date('2026-11-21T04:10:00Z');
    expect(localDateHour(instant, 'America/Bogota').hour).toBe(23);
    expect(localDateHour(instant, 'America/Argentina/Buenos_Aires').hour).toBe(1);
    expect(localDateHour(instant, 'America/Bogota')).toEqual({ date: '2026-11-20', hour: 23 });
  });

  it('formats instants before whole-minute offsets every time', () => {
    // Monrovia ran on −0:44:30 until 1972: 00:44:29 and 00:44:31 UTC fall on two local days.
    const zone = 'Africa/Monrovia';
    expect(localDateHour(new Date('1970-06-02T00:44:29Z'), zone).date).toBe('1970-06-01');
    expect(localDateHour(new Date('1970-06-02T00:44:31Z'), zone).date).toBe('1970-06-02');
  });
});

describe('calendar helpers', () => {
  it('recognises IANA zones only', () => {
    expect(isValidTimeZone('America/La_Paz')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
  });

  it('adds days across months, leap days and years', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('counts days inclusively', () => {
    expect(daysBetween('2026-01-01', '2026-01-01')).toBe(1);
    expect(daysBetween('2026-01-01', '2026-12-31')).toBe(365);
  });
});
