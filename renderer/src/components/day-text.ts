/**
 * A store day (YYYY-MM-DD) as people type it: day first in Spanish
 * (20/11/2026), month first in English (11/20/2026). The browser's own date
 * control follows the machine's language instead of the app's, so the sales
 * filters use these.
 */
export type DayOrder = 'dmy' | 'mdy';

export function dayOrderOf(language: string): DayOrder {
  return language === 'en' ? 'mdy' : 'dmy';
}

export function formatDayText(day: string, order: DayOrder): string {
  const [y, m, d] = day.split('-');
  if (!y || !m || !d) return '';
  return order === 'dmy' ? `${d}/${m}/${y}` : `${m}/${d}/${y}`;
}

function valid(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** '' for an empty field, the day for a real date, null for anything else. */
export function parseDayText(text: string, order: DayOrder): string | null {
  const trimmed = text.trim();
  if (trimmed === '') return '';
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(trimmed);
  // Eight digits without separators (05122026) are the same day typed on the numeric pad.
  const local =
    /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(trimmed) ??
    /^(\d{2})(\d{2})(\d{4})$/.exec(trimmed);
  let y: number, m: number, d: number;
  if (iso) {
    [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  } else if (local) {
    const [a, b] = [Number(local[1]), Number(local[2])];
    [d, m] = order === 'dmy' ? [a, b] : [b, a];
    y = Number(local[3]);
    if (local[3]!.length === 2) y += 2000;
  } else {
    return null;
  }
  return valid(y, m, d) ? `${pad(y, 4)}-${pad(m)}-${pad(d)}` : null;
}
