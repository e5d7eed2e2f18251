import { addDays, localDateHour } from '../../../../core/time';

export const PRESETS = ['today', 'yesterday', 'week', 'month', 'custom'] as const;
export type Preset = (typeof PRESETS)[number];

/** Store days, inclusive, as reports.summary takes them. */
export interface Period {
  readonly from: string;
  readonly to: string;
}

/** 0 for Monday … 6 for Sunday, from a calendar date (no time zone involved). */
function weekdayFromMonday(date: string): number {
  return (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
}

/**
 * The days a preset covers, counted in the store's time zone: at 22:00 in
 * Lima on the 1st it is already the 2nd in UTC, but the store's "today" is
 * still the 1st. Weeks start on Monday, as shop calendars in the region do.
 */
export function periodOf(preset: Exclude<Preset, 'custom'>, now: Date, timeZone: string): Period {
  const today = localDateHour(now, timeZone).date;
  switch (preset) {
    case 'today':
      return { from: today, to: today };
    case 'yesterday': {
      const yesterday = addDays(today, -1);
      return { from: yesterday, to: yesterday };
    }
    case 'week':
      return { from: addDays(today, -weekdayFromMonday(today)), to: today };
    case 'month':
      return { from: `${today.slice(0, 8)}01`, to: today };
  }
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A custom range as typed in two date inputs; null until both make a forward range. */
export function customPeriod(from: string, to: string): Period | null {
  if (!DAY.test(from) || !DAY.test(to) || from > to) return null;
  return { from, to };
}

/** Every day of a period, for a chart that must show the days without sales too. */
export function daysOf(period: Period, max = 400): string[] {
  const days: string[] = [];
  for (let day = period.from; day <= period.to && days.length < max; day = addDays(day, 1)) {
    days.push(day);
  }
  return days;
}
