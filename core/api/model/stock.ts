/** The stock ledger and low stock. */

export const STOCK_MOVEMENT_KINDS = [
  'INITIAL',
  'SALE',
  'EDIT',
  'VOID',
  'DELETE',
  'RETURN',
  'ADJUST',
  'IMPORT',
] as const;
export type StockMovementKind = (typeof STOCK_MOVEMENT_KINDS)[number];

export interface StockMovement {
  readonly id: number;
  readonly productId: number;
  readonly quantity: number;
  readonly kind: StockMovementKind;
  readonly reason: string;
  readonly saleId: string | null;
  readonly userId: number | null;
  readonly userName: string | null;
  readonly balanceAfter: number;
  readonly createdAt: string;
}

export interface LowStockItem {
  readonly id: number;
  readonly code: string;
  readonly name: string;
  readonly stock: number;
  readonly minStock: number;
}
