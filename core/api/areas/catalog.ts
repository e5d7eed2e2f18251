import { z } from 'zod';
import type {
  Category,
  Customer,
  ImportReport,
  Page,
  Product,
  ProductHit,
  ScanResult,
} from '../model';
import { area, channel } from '../channel';
import {
  amount,
  empty,
  id,
  noControlCharacters,
  pageInput,
  reason,
  requiredText,
  scannedCode,
  text,
} from '../schemas';

/** The largest CSV file an import takes. */
export const MAX_IMPORT_BYTES = 50_000_000;

function base64Length(bytes: number): number {
  return 4 * Math.ceil(bytes / 3);
}

const productCode = z
  .string()
  .trim()
  .min(1, 'is required')
  .max(32)
  .regex(/^[^\s\p{Cc}]+$/u, 'may not contain spaces or control characters')
  .superRefine(noControlCharacters());

/** Stock quantities may be zero or negative (a count can reveal a loss); sale quantities may not. */
const stockQuantity = z
  .number()
  .min(-1_000_000)
  .max(1_000_000)
  .refine((q) => Math.abs(q * 1000 - Math.round(q * 1000)) < 1e-6, 'at most 3 decimals')
  .transform((q) => Math.round(q * 1000));

const ProductFields = {
  code: productCode,
  name: requiredText(120),
  categoryId: id.nullable(),
  soldBy: z.enum(['unit', 'weight']),
  price: amount,
  cost: amount,
  taxCategory: requiredText(20),
  trackStock: z.boolean(),
  allowNegative: z.boolean(),
  minStock: stockQuantity,
  active: z.boolean(),
  barcodes: z.array(scannedCode).max(20),
};

export const ProductCreateInput = z
  .object({
    ...ProductFields,
    categoryId: ProductFields.categoryId.default(null),
    soldBy: ProductFields.soldBy.default('unit'),
    cost: amount.default(0),
    taxCategory: ProductFields.taxCategory.optional(),
    trackStock: ProductFields.trackStock.default(true),
    allowNegative: ProductFields.allowNegative.default(false),
    minStock: stockQuantity.default(0),
    active: ProductFields.active.default(true),
    barcodes: ProductFields.barcodes.default([]),
    initialStock: stockQuantity.optional(),
  })
  .strict();

export const ProductUpdateInput = z
  .object({ id, ...ProductFields })
  .partial()
  .required({ id: true })
  .strict();

export const productsChannels = area('products', {
  create: channel<Product>()({
    summary:
      'Adds a product (supervisor or admin), with its barcodes and an optional initial stock.',
    input: ProductCreateInput,
  }),
  update: channel<Product>()({
    summary: 'Changes a product (supervisor or admin); barcodes, when given, replace the old set.',
    input: ProductUpdateInput,
  }),
  get: channel<Product>()({
    summary: 'One product by id or by code.',
    input: z.union([z.object({ id }).strict(), z.object({ code: productCode }).strict()]),
  }),
  byBarcode: channel<ScanResult>()({
    summary:
      'What a scan means: "N*code" multipliers, exact barcodes, product codes, then scale labels.',
    input: z.object({ code: scannedCode }).strict(),
  }),
  search: channel<ProductHit[]>()({
    summary: 'Prefix full-text search over name and code, best matches first.',
    input: z
      .object({
        text: z.string().trim().max(80),
        limit: z.number().int().min(1).max(100).default(20),
        includeInactive: z.boolean().default(false),
      })
      .strict(),
  }),
  list: channel<Page<Product>>()({
    summary: 'Products page by page, by name, optionally one category, low stock or inactive ones.',
    input: z
      .object({
        ...pageInput,
        categoryId: id.optional(),
        lowStock: z.boolean().default(false),
        includeInactive: z.boolean().default(false),
      })
      .strict(),
  }),
  import: channel<ImportReport>()({
    summary:
      "Upserts products by code from a CSV file's bytes (base64), in whatever encoding Excel wrote (UTF-8 with or without BOM, UTF-16, Windows-1252), ';' or ',' separated. Any bad row stops the whole import unless skipInvalid; dryRun checks only. Existing products keep their stock unless setStock, which adjusts it to the file's with stockReason.",
    input: z
      .object({
        /** The file as it is on disk, base64: the service decodes it (see csv-encoding.ts). */
        file: z.base64().max(base64Length(MAX_IMPORT_BYTES), 'the file is over 50 MB'),
        skipInvalid: z.boolean().default(false),
        dryRun: z.boolean().default(false),
        /** Also set existing products' stock to the file's, as adjustments with stockReason. */
        setStock: z.boolean().default(false),
        stockReason: reason.optional(),
      })
      .strict()
      .refine((v) => !v.setStock || v.stockReason !== undefined, {
        message: 'setting stock needs a reason',
        path: ['stockReason'],
      }),
  }),
  export: channel<{ csv: string; rows: number }>()({
    summary:
      'Every product as CSV (UTF-8 with BOM, the separator Excel expects in the store locale).',
    input: empty,
  }),
  template: channel<{ csv: string }>()({
    summary:
      'A CSV to start a catalogue from: the columns products.import reads and one example row (UTF-8 with BOM).',
    input: empty,
  }),
});

export const categoriesChannels = area('categories', {
  list: channel<Category[]>()({
    summary: 'Product categories with their product counts.',
    input: empty,
  }),
  create: channel<Category>()({
    summary: 'Adds a category (supervisor or admin).',
    input: z.object({ name: requiredText(60) }).strict(),
  }),
  update: channel<Category>()({
    summary: 'Renames or (de)activates a category (supervisor or admin).',
    input: z
      .object({ id, name: requiredText(60).optional(), active: z.boolean().optional() })
      .strict(),
  }),
  delete: channel<{ deleted: true }>()({
    summary: 'Removes a category that no product uses (admin).',
    input: z.object({ id }).strict(),
  }),
});

const CustomerFields = {
  documentType: z.string().trim().min(1).max(12).superRefine(noControlCharacters()).nullable(),
  documentNumber: z
    .string()
    .trim()
    .toUpperCase()
    .min(1)
    .max(20)
    .superRefine(noControlCharacters())
    .nullable(),
  name: requiredText(120),
  phone: text(40),
  email: z.union([z.literal(''), z.email().max(120)]),
  address: text(200),
};

export const customersChannels = area('customers', {
  create: channel<Customer>()({
    summary: 'Registers a customer; the document is checked against the country profile.',
    input: z
      .object({
        ...CustomerFields,
        documentType: CustomerFields.documentType.default(null),
        documentNumber: CustomerFields.documentNumber.default(null),
        phone: CustomerFields.phone.default(''),
        email: CustomerFields.email.default(''),
        address: CustomerFields.address.default(''),
      })
      .strict(),
  }),
  update: channel<Customer>()({
    summary: "Changes a customer's data.",
    input: z
      .object({ id, ...CustomerFields })
      .partial()
      .required({ id: true })
      .strict(),
  }),
  search: channel<Customer[]>()({
    summary: 'Customers whose name contains, or whose document starts with, the text.',
    input: z
      .object({
        text: z.string().trim().max(80),
        limit: z.number().int().min(1).max(100).default(20),
      })
      .strict(),
  }),
  get: channel<Customer>()({ summary: 'One customer.', input: z.object({ id }).strict() }),
});
