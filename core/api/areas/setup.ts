import { z } from 'zod';
import { area, channel } from '../channel';
import { countryCode, currencyCode, empty, pin, requiredText, text } from '../schemas';
import { LANGUAGES } from '../model';

export const SetupInitInput = z
  .object({
    country: countryCode,
    businessName: requiredText(120),
    taxId: requiredText(20),
    address: text(200).optional(),
    /** Defaults to the profile's currency. */
    currency: currencyCode.optional(),
    admin: z.object({ name: requiredText(60), pin }).strict(),
    registerCode: z
      .string()
      .trim()
      .regex(/^[A-Z0-9-]{1,12}$/, 'use 1 to 12 capital letters, digits or hyphens'),
    /** IANA zone for the store's days; defaults to the machine's. */
    timeZone: text(60).optional(),
    language: z.enum(LANGUAGES).optional(),
  })
  .strict();

export interface SetupStatus {
  readonly initialized: boolean;
  /** The UI language to show before anyone logs in. */
  readonly language: 'es' | 'en';
  readonly businessName: string | null;
  /**
   * The store's time zone and number locale (null before setup), so the login
   * screen already shows times the store's way (a lockout's "until 10:42").
   */
  readonly timeZone: string | null;
  readonly locale: string | null;
}

export interface SetupResult {
  readonly adminId: number;
  readonly registerId: number;
}

export interface DemoStore {
  readonly users: readonly { readonly name: string; readonly role: string; readonly pin: string }[];
  readonly products: number;
  readonly sales: number;
  readonly days: number;
}

export const setupChannels = area('setup', {
  status: channel<SetupStatus>()({
    summary: 'Whether this database has been set up.',
    input: empty,
  }),
  init: channel<SetupResult>()({
    summary:
      "First run: country profile, business identity, currency, first admin and register. Seeds the profile's tax categories and document series.",
    input: SetupInitInput,
  }),
  demo: channel<DemoStore>()({
    summary:
      'First run with a realistic demo store: a Lima bodega, its catalog, three users and two weeks of sales.',
    input: z
      .object({
        language: z.enum(LANGUAGES).optional(),
        days: z.number().int().min(0).max(60).optional(),
      })
      .strict(),
  }),
});
