import { describe, expect, it } from 'vitest';
import { customPeriod, daysOf, periodOf } from './period';

const LIMA = 'America/Lima';

describe('report periods in the store time zone', () => {
  // 2026-03-02 03:30 UTC is Sunday 2026-03-01, 22:30 in Lima (UTC−5).
  const lateSunday = new Date('2026-03-02T03:30:00Z');

  it("counts today as the store's day, not UTC's", () => {
    expect(periodOf('today', lateSunday, LIMA)).toEqual({ from: '2026-03-01', to: '2026-03-01' });
    expect(periodOf('today', lateSunday, 'UTC')).toEqual({ from: '2026-03-02', to: '2026-03-02' });
  });

  it('yesterday crosses month ends (and leap days)', () => {
    expect(periodOf('yesterday', lateSunday, LIMA)).toEqual({
      from: '2026-02-28',
      to: '2026-02-28',
    });
    expect(periodOf('yesterday', new Date('2024-03-01T15:00:00Z'), LIMA)).toEqual({
      from: '2024-02-29',
      to: '2024-02-29',
    });
  });

  it('weeks start on Monday', () => {
    // Sunday in Lima: the week began the Monday before.
    expect(periodOf('week', lateSunday, LIMA)).toEqual({ from: '2026-02-23', to: '2026-03-01' });
    // Already Monday in UTC: a new week of one day.
    expect(periodOf('week', lateSunday, 'UTC')).toEqual({ from: '2026-03-02', to: '2026-03-02' });
    // A Wednesday.
    expect(periodOf('week', new Date('2026-11-18T12:00:00Z'), LIMA)).toEqual({
      from: '2026-11-16',
      to: '2026-11-18',
    });
  });

  it('this month runs from the 1st to today', () => {
    expect(periodOf('month', lateSunday, LIMA)).toEqual({ from: '2026-03-01', to: '2026-03-01' });
    expect(periodOf('month', lateSunday, 'Asia/Tokyo')).toEqual({
      from: '2026-03-01',
      to: '2026-03-02',
    });
    expect(periodOf('month', new Date('2026-01-01T04:00:00Z'), LIMA)).toEqual({
      from: '2025-12-01',
      to: '2025-12-31',
    });
  });

  it('a custom range must be two dates, forward', () => {
    expect(customPeriod('2026-01-05', '2026-01-10')).toEqual({
      from: '2026-01-05',
      to: '2026-01-10',
    });
    expect(customPeriod('2026-01-05', '2026-01-05')).not.toBeNull();
    expect(customPeriod('2026-01-10', '2026-01-05')).toBeNull();
    expect(customPeriod('', '2026-01-05')).toBeNull();
  });

  it('lists every day of a period', () => {
    expect(daysOf({ from: '2026-02-27', to: '2026-03-02' })).toEqual([
      '2026-02-27',
      '2026-02-28',
      '2026-03-01',
      '2026-03-02',
    ]);
    expect(daysOf({ from: '2020-01-01', to: '2030-01-01' }, 5)).toHaveLength(5);
  });
});
