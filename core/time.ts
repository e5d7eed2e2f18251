/**
 * The store's local calendar day and hour of an instant. Sales keep them as
 * written so daily reports group by the shop's day, not UTC's, and never
 * change if the machine's time zone does.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

export interface LocalDateHour {
  /** YYYY-MM-DD in the store's time zone. */
  readonly date: string;
  /** 0–23. */
  readonly hour: number;
}

/**
 * The last answer per time zone, keyed by the minute: formatting costs ~25 µs,
 * a sale asks once, and no zone changes its offset in the middle of a minute
 * since 1972 (Liberia's −0:44:30 was the last odd one); earlier instants are
 * always formatted.
 */
const WHOLE_MINUTE_OFFSETS_SINCE = Date.UTC(1972, 4, 1);
const lastAnswer = new Map<string, { minute: number; value: LocalDateHour }>();

export function localDateHour(instant: Date, timeZone: string): LocalDateHour {
  const minute = Math.floor(instant.getTime() / 60_000);
  const cached = lastAnswer.get(timeZone);
  if (cached && cached.minute === minute && instant.getTime() >= WHOLE_MINUTE_OFFSETS_SINCE)
    return cached.value;
  const parts = formatterFor(timeZone).formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const value = { date: `${get('year')}-${get('month')}-${get('day')}`, hour: Number(get('hour')) };
  lastAnswer.set(timeZone, { minute, value });
  return value;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** YYYY-MM-DD plus n days, in calendar arithmetic (no time zone involved). */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const utc = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, (d ?? 1) + days));
  return utc.toISOString().slice(0, 10);
}

/** Inclusive count of calendar days from `from` to `to`. */
export function daysBetween(from: string, to: string): number {
  return (
    Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1
  );
}
