/**
 * What the API returns. Amounts are integers in minor units; quantities are
 * numbers with at most 3 decimals (1.25 kg), exactly as inputs take them;
 * instants are ISO strings in UTC; days are YYYY-MM-DD in the store's zone.
 * One file per area under model/.
 */
export * from './model/admin';
export * from './model/audit';
export * from './model/cash';
export * from './model/catalog';
export * from './model/reports';
export * from './model/sales';
export * from './model/stock';
export * from './model/einvoice';
