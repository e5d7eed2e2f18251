import type { DayTotal, HourTotal } from '../../../../core/api/model';
import { daysOf, type Period } from './period';

export interface DayPoint {
  readonly date: string;
  readonly count: number;
  readonly total: number;
}

export interface HourPoint {
  readonly hour: number;
  readonly count: number;
  readonly total: number;
}

/** Every day of the period, with zero where nothing was sold, so gaps show as gaps. */
export function dayPoints(period: Period, perDay: readonly DayTotal[]): DayPoint[] {
  const byDate = new Map(perDay.map((d) => [d.date, d]));
  return daysOf(period).map((date) => ({
    date,
    count: byDate.get(date)?.count ?? 0,
    total: byDate.get(date)?.total ?? 0,
  }));
}

/** The opening hours seen in the period: first to last hour with sales, every hour between. */
export function hourPoints(perHour: readonly HourTotal[]): HourPoint[] {
  const hours = perHour.filter((h) => h.count > 0).map((h) => h.hour);
  if (hours.length === 0) return [];
  const first = Math.min(...hours);
  const last = Math.max(...hours);
  const byHour = new Map(perHour.map((h) => [h.hour, h]));
  const points: HourPoint[] = [];
  for (let hour = first; hour <= last; hour++) {
    points.push({ hour, count: byHour.get(hour)?.count ?? 0, total: byHour.get(hour)?.total ?? 0 });
  }
  return points;
}
