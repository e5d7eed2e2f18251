/**
 * CSV as spreadsheets read it: UTF-8 with a BOM (so Excel sees the accents),
 * CRLF line ends, and the list separator Excel expects for the locale (";"
 * where "," is the decimal mark).
 */

/** A number cell: written as is, never treated as text. */
export interface NumberCell {
  readonly number: string;
}

export type Cell = string | NumberCell;

export function num(text: string): NumberCell {
  return { number: text };
}

/** Text that a spreadsheet would run as a formula (=, +, -, @) is prefixed with an apostrophe. */
function neutralized(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

export function quoteCell(cell: Cell, delimiter: string): string {
  const text = typeof cell === 'string' ? neutralized(cell) : cell.number;
  return text.includes(delimiter) ||
    text.includes('"') ||
    /[\r\n]/.test(text) ||
    text !== text.trim()
    ? `"${text.replace(/"/g, '""')}"`
    : text;
}

export function csvDocument(rows: readonly (readonly Cell[])[], delimiter: string): string {
  return `\uFEFF${rows.map((row) => row.map((c) => quoteCell(c, delimiter)).join(delimiter)).join('\r\n')}\r\n`;
}

export function delimiterFor(decimalSeparator: string): string {
  return decimalSeparator === ',' ? ';' : ',';
}
