/**
 * Product CSV, as a shop edits it in Excel: the format (csv-format.ts), the
 * export (csv-export.ts) and the import (csv-import.ts).
 */
export { asText, fromText } from './csv-format';
export { exportProductsCsv, productsTemplateCsv } from './csv-export';
export { importProductsCsv, importProductsCsvInChunks, type ImportOptions } from './csv-import';
