import { z } from 'zod';
import {
  NEGATIVE_STOCK_POLICIES,
  PAYMENT_METHODS,
  RECEIPT_FORMATS,
  LANGUAGES,
  ROLES,
} from '../model';
import type {
  Actor,
  BackupsInfo,
  LockAlert,
  Register,
  Settings,
  TaxCategoryInfo,
  User,
} from '../model';
import { area, channel } from '../channel';
import { amount, empty, enteredPin, id, multilineText, pin, requiredText, text } from '../schemas';
import { DOCUMENT_TYPES } from '../../numbering';
import { ROUNDING_METHODS } from '../../tax/types';
import { ROUNDING_MODES } from '../../money/rounding';
import { LOCALES } from '../../money/locale';

const ScaleLayoutInput = z
  .object({
    pattern: z.string().trim().min(12).max(20),
    priceDecimals: z.number().int().min(0).max(3).default(2),
  })
  .strict();

export const SettingsUpdateInput = z
  .object({
    businessName: requiredText(120),
    taxId: requiredText(20),
    address: text(200),
    phone: text(40),
    exchangeRate: z
      .string()
      .trim()
      .regex(/^\d{1,9}(\.\d{1,8})?$/, 'use digits with "." and up to 8 decimals, like 36.50')
      .nullable(),
    igtfEnabled: z.boolean(),
    locale: z.enum(LOCALES),
    language: z.enum(LANGUAGES),
    timeZone: requiredText(60),
    pricesIncludeTax: z.boolean(),
    roundingMethod: z.enum(ROUNDING_METHODS),
    roundingMode: z.enum(ROUNDING_MODES),
    negativeStock: z.enum(NEGATIVE_STOCK_POLICIES),
    scaleLayouts: z.array(ScaleLayoutInput).max(10),
    defaultDocumentType: z.enum(DOCUMENT_TYPES),
    cashierPriceOverride: z.boolean(),
    /** Whole percent; 100 lets cashiers give any discount. */
    discountLimit: z.number().int().min(0).max(100),
    /** Minor units; 0 means every cash-out needs a supervisor. */
    cashOutLimit: amount,
    /** An absolute local folder (not a network share), or '' for none. */
    documentsFolder: text(500),
    /** Printed line by line under every receipt: the one multi-line text field. */
    receiptFooter: multilineText(500),
    /** The store's name per payment method, shown on the till, receipts and reports; '' for the default. */
    paymentMethodNames: z.partialRecord(z.enum(PAYMENT_METHODS), text(30)),
    receiptFormat: z.enum(RECEIPT_FORMATS),
    printerName: text(120),
    printerHost: text(120),
    printerPort: z.number().int().min(1).max(65535),
    autoPrint: z.boolean(),
    openDrawerOnCash: z.boolean(),
    requireSixDigitPins: z.boolean(),
    /** Cash rounded to the smallest coin, in the customer's favour (DOMAIN.md). */
    cashRounding: z.boolean(),
    /** Peru e-invoicing: the razón social, as SUNAT's RUC record spells it. */
    legalName: text(200),
    establishmentCode: z
      .string()
      .trim()
      .regex(
        /^\d{4}$/,
        'use the 4-digit establishment code SUNAT gave (0000 for the fiscal address)',
      ),
    ubigeo: z
      .string()
      .trim()
      .regex(/^(\d{6})?$/, 'use the 6-digit ubigeo, like 150101'),
    einvoicing: z.boolean(),
  })
  .strict()
  .partial();

export const settingsChannels = area('settings', {
  get: channel<Settings>()({
    summary: "The store's settings and this till's register.",
    input: empty,
  }),
  update: channel<Settings>()({
    summary: 'Changes some settings (admin). Tax options apply to sales made from now on.',
    input: SettingsUpdateInput,
  }),
  backups: channel<BackupsInfo>()({
    summary:
      "Where this database's automatic backups are (admin): the folder beside the database file, how many, the newest.",
    input: empty,
  }),
});

export const registersChannels = area('registers', {
  list: channel<Register[]>()({
    summary: 'Every register with its document series.',
    input: empty,
  }),
  create: channel<Register>()({
    summary: "Adds a register (admin) with the profile's default series for its number.",
    input: z
      .object({
        code: z
          .string()
          .trim()
          .regex(/^[A-Z0-9-]{1,12}$/, 'use 1 to 12 capital letters, digits or hyphens'),
        name: requiredText(60),
      })
      .strict(),
  }),
  updateSeries: channel<Register>()({
    summary:
      'Changes the series of a document type on a register (admin); only before its first use.',
    input: z
      .object({
        registerId: id,
        documentType: z.enum(DOCUMENT_TYPES),
        /** The corrected type of a credit note's own series (Peru: FACTURA for FC01). */
        appliesTo: z.enum(DOCUMENT_TYPES).optional(),
        series: z.string().trim().min(0).max(10),
      })
      .strict(),
  }),
});

export const taxCategoriesChannels = area('taxCategories', {
  list: channel<TaxCategoryInfo[]>()({ summary: "The store's tax categories.", input: empty }),
  update: channel<TaxCategoryInfo>()({
    summary:
      'Renames a tax category, changes its rate (admin, future sales only) or deactivates it.',
    input: z
      .object({
        code: requiredText(20),
        name: requiredText(60).optional(),
        rate: z.number().int().min(0).max(9_999).optional(),
        active: z.boolean().optional(),
      })
      .strict(),
  }),
});

const role = z.enum(ROLES);

export const usersChannels = area('users', {
  create: channel<User>()({
    summary: 'Adds a user with a role and a PIN (admin).',
    input: z.object({ name: requiredText(60), role, pin }).strict(),
  }),
  list: channel<User[]>()({ summary: 'Every user (admin); active ones first.', input: empty }),
  update: channel<User>()({
    summary:
      "Changes a user's name, role, PIN or active flag (admin). The last active admin stays.",
    input: z
      .object({
        id,
        name: requiredText(60).optional(),
        role: role.optional(),
        pin: pin.optional(),
        active: z.boolean().optional(),
      })
      .strict(),
  }),
  names: channel<{ id: number; name: string; role: string }[]>()({
    summary: 'Active user names for the login screen (no login needed).',
    input: empty,
  }),
  lockAlerts: channel<LockAlert[]>()({
    summary: 'Users locked out by wrong PINs that no admin has dismissed yet (admin).',
    input: empty,
  }),
  dismissLockAlerts: channel<{ dismissed: number }>()({
    summary: 'Marks lockout alerts as seen by this admin (audited).',
    input: z.object({ ids: z.array(id).min(1).max(100) }).strict(),
  }),
});

export const authChannels = area('auth', {
  login: channel<Actor>()({
    summary:
      'Name + PIN gives the acting user for this window, connection or command. Five wrong PINs lock the user for 1, then 5, 15 and 60 minutes; a PIN shorter than the store requires must be changed first.',
    input: z.object({ name: requiredText(60), pin: enteredPin }).strict(),
  }),
  changePin: channel<{ changed: true }>()({
    summary:
      'A user changes their own PIN with the current one (no login needed; counts toward the lock like a login).',
    input: z.object({ name: requiredText(60), pin: enteredPin, newPin: pin }).strict(),
  }),
  logout: channel<{ loggedOut: true }>()({ summary: 'Forgets the acting user.', input: empty }),
  current: channel<Actor | null>()({ summary: 'The acting user, if any.', input: empty }),
});
