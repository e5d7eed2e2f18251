import { currentLocale } from '../../i18n';

const formats = new Map<string, Intl.DateTimeFormat>();

/**
 * A store day as a chart axis shows it ("16 nov", "Nov 16"): the locale's own
 * short form, read as a calendar date so no time zone moves it.
 */
export function shortDay(date: string): string {
  const locale = currentLocale();
  let format = formats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' });
    formats.set(locale, format);
  }
  return format.format(new Date(`${date}T00:00:00Z`));
}
