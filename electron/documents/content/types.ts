/**
 * A fiscal paper's content, already worded in Spanish and formatted in the
 * store's locale, before any layout. The roll receipt, the A4 invoice and the
 * ESC/POS printer all lay out this one structure, so what the thermal printer
 * prints is what the 80 mm PDF shows.
 */

export interface Row {
  readonly label: string;
  readonly value: string;
  /** The total and other figures that must stand out. */
  readonly strong?: boolean;
}

export interface ItemRow {
  readonly quantity: string;
  readonly code: string;
  readonly description: string;
  readonly unitPrice: string;
  /** What the line charges after its discount. */
  readonly amount: string;
  /** The line's discount, or null when none. */
  readonly discount: string | null;
}

export interface FiscalContent {
  readonly business: {
    readonly name: string;
    /** Tax id, address and phone, one per line. */
    readonly lines: readonly string[];
  };
  /** "BOLETA DE VENTA", "NOTA DE CRÉDITO"… */
  readonly title: string;
  readonly number: string;
  /** Date, time, register, cashier. */
  readonly meta: readonly Row[];
  readonly customer: readonly Row[];
  /** A credit note's sale and reason; empty for a sale. */
  readonly reference: readonly Row[];
  readonly items: readonly ItemRow[];
  /** The tax block the country requires, ending with the total. */
  readonly totals: readonly Row[];
  /** Legal texts that go with the totals (Ley 27.743, the exchange rate…). */
  readonly legends: readonly string[];
  /** "SON: DOSCIENTOS NOVENTA Y CINCO CON 00/100 SOLES". */
  readonly words: string;
  readonly payments: readonly Row[];
  /** What the QR code encodes. */
  readonly qr: string;
  /** A line under the QR saying what it is for. */
  readonly qrCaption: string;
  readonly footer: readonly string[];
  /** Set on a voided sale: it prints with an ANULADA mark. */
  readonly voided: { readonly reason: string; readonly at: string } | null;
}

/** One block of a report: a heading and its rows. */
export interface Section {
  readonly title: string;
  readonly rows: readonly Row[];
}

/** One bar of a chart: its x label and its height in minor units. */
export interface Bar {
  readonly label: string;
  readonly value: number;
}
