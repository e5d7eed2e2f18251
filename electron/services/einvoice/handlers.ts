import type { AreaHandlers } from '../../handler';
import { certificateInfo, storeCertificate } from './certificate-store';
import { cpeStatus, cpeXml } from './documents';

export const einvoiceHandlers: AreaHandlers<'einvoice'> = {
  'einvoice.certificate': { access: 'admin', run: (_input, ctx) => certificateInfo(ctx) },
  'einvoice.loadCertificate': {
    access: 'admin',
    run: (input, ctx) => storeCertificate(ctx, input),
  },
  'einvoice.xml': {
    access: 'user',
    run: (input, ctx) => cpeXml(ctx, input.saleId, input.returnId),
  },
  'einvoice.status': { access: 'user', run: (input, ctx) => cpeStatus(ctx, input) },
};
