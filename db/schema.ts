/** The whole local database schema; drizzle-kit generates migrations from it. */
export * from './schema/settings';
export * from './schema/catalog';
export * from './schema/cash';
export * from './schema/sales';
export * from './schema/ledger';
export * from './schema/reports';
export * from './schema/sync';
export * from './schema/einvoicing';
