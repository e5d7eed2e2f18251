import type { Summary } from '../../core/api/model';
import type { AreaHandlers } from '../handler';
import type { ServiceContext } from './context';
import { summarizeRolled } from './reports/rolled';
import { tryRollUp } from './rollups';

export { summarizeDirect } from './reports/direct';

/**
 * reports.summary. Past days, months and years are read from their roll-ups
 * (electron/services/rollups.ts), the rest live from the sale tables; the
 * result is the same as reading everything live (summarizeDirect), which the
 * property test in reports-rollup.test.ts holds it to.
 *
 * Any period that may be rolled and is not (an old database, a day whose sale
 * was changed) is rolled first, each in its own short transaction; if that
 * fails the report is still right, only slower. The figures are then read in
 * one read transaction, so roll-ups and live days are of the same moment.
 */
export function summarize(ctx: ServiceContext, from: string, to: string, top: number): Summary {
  tryRollUp(ctx);
  return ctx.db.sqlite.transaction(() => summarizeRolled(ctx, from, to, top))();
}

export const reportsHandlers: AreaHandlers<'reports'> = {
  'reports.summary': {
    access: 'supervisor',
    run: (input, ctx) => summarize(ctx, input.from, input.to, input.top),
  },
};
