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
}

export interface ImportReport {
  readonly dryRun: boolean;
  readonly rows: number;
  readonly created: number;
  readonly updated: number;
  readonly skipped: number;
  readonly errors: readonly ImportIssue[];
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
