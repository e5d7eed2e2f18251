import type { ImportFieldChange, Product, SoldBy } from '../../../core/api/model';

/** One row of the file, read and checked: what it says about its product. */
export interface IncomingProduct {
  readonly line: number;
  readonly code: string;
  readonly name: string;
  /** Minor units. */
  readonly price: number;
  readonly cost: number | undefined;
  readonly soldBy: SoldBy | undefined;
  readonly taxCategory: string | undefined;
  readonly categoryName: string | undefined;
  /** Thousandths, as the database keeps them. */
  readonly minStock: number | undefined;
  readonly stock: number | undefined;
  readonly trackStock: boolean | undefined;
  readonly active: boolean | undefined;
  readonly allowNegative: boolean | undefined;
  readonly barcodes: string[] | undefined;
}

function sameCategory(a: string | null, b: string): boolean {
  // Categories are found by name in any case (ensureCategory): "abarrotes" is "Abarrotes".
  return a !== null && a.localeCompare(b, 'es', { sensitivity: 'accent' }) === 0;
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const set = new Set(a);
  return set.size === new Set(b).size && b.every((x) => set.has(x));
}

/**
 * What a row changes in an existing product, field by field, old → new. An
 * empty optional cell changes nothing, as the import writes it; stock is not
 * a field here (the import decides apart whether it is set).
 */
export function fieldChanges(product: Product, row: IncomingProduct): ImportFieldChange[] {
  const changes: ImportFieldChange[] = [];
  if (row.name !== product.name) changes.push({ field: 'name', from: product.name, to: row.name });
  if (row.price !== product.price)
    changes.push({ field: 'price', from: product.price, to: row.price });
  if (row.cost !== undefined && row.cost !== product.cost)
    changes.push({ field: 'cost', from: product.cost, to: row.cost });
  if (row.soldBy !== undefined && row.soldBy !== product.soldBy)
    changes.push({ field: 'soldBy', from: product.soldBy, to: row.soldBy });
  if (row.taxCategory !== undefined && row.taxCategory !== product.taxCategory)
    changes.push({ field: 'taxCategory', from: product.taxCategory, to: row.taxCategory });
  if (row.categoryName !== undefined && !sameCategory(product.categoryName, row.categoryName))
    changes.push({ field: 'category', from: product.categoryName, to: row.categoryName });
  if (row.minStock !== undefined && row.minStock / 1000 !== product.minStock)
    changes.push({ field: 'minStock', from: product.minStock, to: row.minStock / 1000 });
  for (const field of ['trackStock', 'active', 'allowNegative'] as const) {
    const to = row[field];
    if (to !== undefined && to !== product[field])
      changes.push({ field, from: product[field], to });
  }
  if (row.barcodes !== undefined && !sameSet(row.barcodes, product.barcodes)) {
    changes.push({
      field: 'barcodes',
      from: [...product.barcodes].sort(),
      to: [...row.barcodes].sort(),
    });
  }
  return changes;
}
