import type { AreaHandlers } from '../../handler';
import { loadStore } from '../store';
import { exportProductsCsv, importProductsCsvInChunks, productsTemplateCsv } from './csv';
import { createProduct, getProduct, listProducts, updateProduct } from './products';
import { scanToResult } from './scan';
import { searchProducts } from './search';

export const productsHandlers: AreaHandlers<'products'> = {
  'products.create': { access: 'supervisor', run: (input, ctx) => createProduct(ctx, input) },
  'products.update': { access: 'supervisor', run: (input, ctx) => updateProduct(ctx, input) },
  'products.get': { access: 'user', run: (input, ctx) => getProduct(ctx, input) },
  'products.byBarcode': {
    access: 'user',
    run: (input, ctx) => scanToResult(ctx, loadStore(ctx), input.code),
  },
  'products.search': { access: 'user', run: (input, ctx) => searchProducts(ctx, input) },
  'products.list': { access: 'user', run: (input, ctx) => listProducts(ctx, input) },
  'products.import': {
    access: 'supervisor',
    run: ({ file, ...options }, ctx) =>
      importProductsCsvInChunks(ctx, { ...options, bytes: Buffer.from(file, 'base64') }),
  },
  'products.export': { access: 'supervisor', run: (_input, ctx) => exportProductsCsv(ctx) },
  'products.template': { access: 'supervisor', run: (_input, ctx) => productsTemplateCsv(ctx) },
};
