import type { AreaHandlers } from '../../handler';
import { updateSale } from './update';
import { deleteSale, voidSale } from './void-delete';
import { createSale } from './create';
import { getSale, listSales } from './read';
import { returnSale } from './returns';

export const salesHandlers: AreaHandlers<'sales'> = {
  'sales.create': { access: 'user', run: (input, ctx) => createSale(ctx, input) },
  'sales.get': { access: 'user', run: (input, ctx) => getSale(ctx, input) },
  'sales.list': { access: 'user', run: (input, ctx) => listSales(ctx, input) },
  'sales.update': { access: 'user', run: (input, ctx) => updateSale(ctx, input) },
  'sales.void': { access: 'user', run: (input, ctx) => voidSale(ctx, input) },
  'sales.delete': { access: 'admin', run: (input, ctx) => deleteSale(ctx, input) },
  'sales.return': { access: 'user', run: (input, ctx) => returnSale(ctx, input) },
};
