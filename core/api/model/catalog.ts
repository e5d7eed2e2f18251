/** Products, scans, categories, customers and CSV import reports. */

export interface Category {
  readonly id: number;
  readonly name: string;
  readonly active: boolean;
  readonly productCount: number;
}

export type SoldBy = 'unit' | 'weight';

export interface Product {
  readonly id: number;
  readonly code: string;
  readonly name: string;
  readonly categoryId: number | null;
  readonly categoryName: string | null;
  readonly soldBy: SoldBy;
  readonly price: number;
  readonly cost: number;
  readonly taxCategory: string;
  readonly trackStock: boolean;
  readonly allowNegative: boolean;
  readonly stock: number;
  readonly minStock: number;
  readonly active: boolean;
  readonly barcodes: readonly string[];
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface ProductHit {
  readonly id: number;
  readonly code: string;
  readonly name: string;
  readonly price: number;
  readonly stock: number;
  readonly soldBy: SoldBy;
  readonly trackStock: boolean;
  readonly active: boolean;
}

/** What a scan resolved to, ready to become a cart line. */
export interface ScanResult {
  readonly product: Product;
  readonly quantity: number;
  /** Set when a scale label fixed the line's amount (embedded price). */
  readonly fixedAmount: number | null;
  readonly source: 'barcode' | 'code' | 'scale-weight' | 'scale-price';
  readonly scanned: string;
}

export interface ImportIssue {
  /** 1-based line of the CSV file (the header is line 1). */
  readonly line: number;
  readonly field: string | null;
  readonly reason: string;
  readonly message: string;
  /** For a number refused by core/money/typed.ts: its details (input, example, whole…), for the hint. */
  readonly details?: Readonly<Record<string, string | number>>;
}

/** How the file's bytes were read: what Excel's "Guardar como" choices write. */
export type CsvEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** A product field an import can change, in the API's units (money in minor units, quantities in units). */
export type ImportFieldChange =
  | {
      readonly field: 'name' | 'soldBy' | 'taxCategory';
      readonly from: string;
      readonly to: string;
    }
  | { readonly field: 'category'; readonly from: string | null; readonly to: string | null }
  | { readonly field: 'price' | 'cost'; readonly from: number; readonly to: number }
  | { readonly field: 'minStock'; readonly from: number; readonly to: number }
  | {
      readonly field: 'trackStock' | 'active' | 'allowNegative';
      readonly from: boolean;
      readonly to: boolean;
    }
  | {
      readonly field: 'barcodes';
      readonly from: readonly string[];
      readonly to: readonly string[];
    };

/** What an import changes, or would change, in one existing product. */
export interface ImportChange {
  readonly line: number;
  readonly code: string;
  readonly name: string;
  readonly fields: readonly ImportFieldChange[];
  /**
   * The file's stock against the product's. It is set (as an ADJUST movement
   * with the import's reason) only when the import was asked to set stock;
   * otherwise it is shown and left alone.
   */
  readonly stock?: { readonly from: number; readonly to: number; readonly applied: boolean };
}

export interface ImportReport {
  readonly dryRun: boolean;
  readonly rows: number;
  readonly created: number;
  /** Existing products the file changes (or would). */
  readonly updated: number;
  /** Existing products the file leaves as they are ("sin cambios"). */
  readonly unchanged: number;
  readonly skipped: number;
  readonly errors: readonly ImportIssue[];
  /** How the bytes were decoded; null when they could not be (see errors). */
  readonly encoding: CsvEncoding | null;
  /** The cell separator the header was written with; null when the file has no readable header. */
  readonly separator: ';' | ',' | '\t' | null;
  /** Every existing product the import changes (or would), field by field, in file order. */
  readonly changes: readonly ImportChange[];
  /** Whether stock of existing products was (or would be) set from the file. */
  readonly setStock: boolean;
}

export interface Customer {
  readonly id: number;
  readonly documentType: string | null;
  readonly documentNumber: string | null;
  readonly name: string;
  readonly phone: string;
  readonly email: string;
  readonly address: string;
  readonly createdAt: string;
}
