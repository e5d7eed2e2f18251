import type { AreaHandlers } from '../handler';
import { listAudit } from './audit';

export const auditHandlers: AreaHandlers<'audit'> = {
  'audit.list': { access: 'supervisor', run: (input, ctx) => listAudit(ctx, input) },
};
