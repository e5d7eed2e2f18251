/**
 * The UI's words and formats. Spanish by default, English available; money,
 * quantities and dates follow the store's locale (en-US in English) through
 * core's formatters, so the till and the receipts agree.
 */
import { create } from 'zustand';
import {
  formatLineQuantity,
  formatMoney,
  formatQuantity,
  formatRate,
} from '../../../core/money/format';
import { en } from './en';
import { es } from './es';
import type { MessageKey, Messages, PluralKey } from './messages';

export type Language = 'es' | 'en';

interface I18nState {
  readonly language: Language;
  /** The store's number locale (es-PE, es-CO…), used when the language is Spanish. */
  readonly storeLocale: string;
  readonly currency: string;
  readonly timeZone: string;
  setLanguage(language: Language): void;
  /** What is known of the store: all of it from settings, zone and locale before login. */
  setStore(options: { locale: string; currency?: string; timeZone: string }): void;
}

const saved = typeof localStorage === 'undefined' ? null : localStorage.getItem('tendero.language');

export const useI18n = create<I18nState>((set) => ({
  language: saved === 'en' ? 'en' : 'es',
  storeLocale: 'es-PE',
  currency: 'PEN',
  timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
  setLanguage(language) {
    localStorage.setItem('tendero.language', language);
    document.documentElement.lang = language;
    set({ language });
  },
  setStore({ locale, currency, timeZone }) {
    set({ storeLocale: locale, timeZone, ...(currency ? { currency } : {}) });
  },
}));

const dictionaries: Readonly<Record<Language, Messages>> = { es, en };

function lookup(messages: Messages, key: string): string | undefined {
  let node: unknown = messages;
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' ? node : undefined;
}

export type Params = Readonly<Record<string, string | number>>;

function interpolate(text: string, params?: Params): string {
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** Translates in the current language (for use outside React, e.g. in stores). */
export function t(key: MessageKey, params?: Params): string {
  const { language } = useI18n.getState();
  return interpolate(lookup(dictionaries[language], key) ?? lookup(es, key) ?? key, params);
}

const pluralRules = new Map<string, Intl.PluralRules>();

/**
 * Translates a count: the message is a { one, other } pair chosen by the
 * language's plural rules, so "1 venta" and "2 ventas" (and "0 ventas").
 * The count is passed to the text as {count} unless params name it otherwise.
 */
export function tn(key: PluralKey, count: number, params?: Params): string {
  const { language } = useI18n.getState();
  let rules = pluralRules.get(language);
  if (!rules) {
    rules = new Intl.PluralRules(language);
    pluralRules.set(language, rules);
  }
  const category = rules.select(count);
  const form = (messages: Messages): string | undefined =>
    lookup(messages, `${key}.${category}`) ?? lookup(messages, `${key}.other`);
  return interpolate(form(dictionaries[language]) ?? form(es) ?? key, { count, ...params });
}

/** Looks up a key built at run time (an error code), or undefined if there is no such message. */
export function tryT(key: string, params?: Params): string | undefined {
  const text = lookup(dictionaries[useI18n.getState().language], key);
  return text === undefined ? undefined : interpolate(text, params);
}

/** The number/date locale in force. */
export function currentLocale(): string {
  const { language, storeLocale } = useI18n.getState();
  return language === 'en' ? 'en-US' : storeLocale;
}

export function money(amount: number, currency?: string): string {
  return formatMoney(amount, currency ?? useI18n.getState().currency, currentLocale());
}

/** An amount without its symbol, for inputs and tight columns. */
export function plainMoney(amount: number, currency?: string): string {
  return formatMoney(amount, currency ?? useI18n.getState().currency, currentLocale(), {
    symbol: false,
  });
}

/** Quantities arrive from the API as numbers with up to 3 decimals. */
export function quantity(value: number): string {
  return formatQuantity(Math.round(value * 1000), currentLocale());
}

/** A line's quantity in thousandths with its unit: "0.750 kg" for weighed goods, "3" for units. */
export function lineQuantity(thousandths: number, soldBy: 'unit' | 'weight'): string {
  return formatLineQuantity(thousandths, soldBy, currentLocale());
}

export function rate(basisPoints: number): string {
  return formatRate(basisPoints, currentLocale());
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

export function dateTime(iso: string, style: 'date' | 'time' | 'datetime' = 'datetime'): string {
  const { timeZone } = useI18n.getState();
  const locale = currentLocale();
  const key = `${locale}|${style}|${timeZone}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, {
      timeZone,
      ...(style !== 'time' ? { dateStyle: 'short' as const } : {}),
      ...(style !== 'date' ? { timeStyle: 'short' as const } : {}),
    });
    dateFormats.set(key, format);
  }
  return format.format(new Date(iso));
}

/** A store day (YYYY-MM-DD) for display, without time-zone shifts. */
export function day(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Intl.DateTimeFormat(currentLocale(), { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1)),
  );
}

/**
 * The hook components use: re-renders when the language, the store's locale or
 * its time zone change (for t, tn and the formatters alike), so a zone saved in
 * Settings shows at once on every screen.
 */
export function useT(): typeof t {
  useI18n((s) => s.language);
  useI18n((s) => s.storeLocale);
  useI18n((s) => s.timeZone);
  return t;
}
