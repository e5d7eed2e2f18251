import { describe, expect, it } from 'vitest';
import { dayPoints, hourPoints } from './chart-data';
import { SUMMARY } from './summary-fixture';

describe('chart data', () => {
  it('shows every day of the period, zero where nothing was sold', () => {
    expect(dayPoints({ from: '2026-11-15', to: '2026-11-18' }, SUMMARY.perDay)).toEqual([
      { date: '2026-11-15', count: 0, total: 0 },
      { date: '2026-11-16', count: 2, total: 100000 },
      { date: '2026-11-17', count: 1, total: 23450 },
      { date: '2026-11-18', count: 0, total: 0 },
    ]);
  });

  it('shows the hours from the first to the last sale, the quiet ones between included', () => {
    expect(hourPoints(SUMMARY.perHour)).toEqual([
      { hour: 9, count: 2, total: 100000 },
      { hour: 10, count: 0, total: 0 },
      { hour: 11, count: 1, total: 23450 },
    ]);
    expect(hourPoints([{ hour: 5, count: 0, total: 0 }])).toEqual([]);
  });
});
