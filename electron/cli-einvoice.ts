/**
 * `pos einvoice status [SALE_ID]` and `pos einvoice xml SALE_ID --out FILE`:
 * the stored electronic documents from the terminal, through the API. The
 * XML is written as the exact bytes stored at signing (decoded from the API's
 * base64), never parsed or re-serialised, so its hash is the stored one.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Result } from '../core/api/result';
import type { Api, Session } from './api';
import { UsageError } from './cli-admin';

export const EINVOICE_HELP = `  einvoice status [SALE_ID]    The electronic documents (CPE) of a sale, or every one not yet
                               accepted: number, state (PENDING, SIGN_FAILED...), digest.
  einvoice xml SALE_ID [--return RETURN_ID] --out FILE [--overwrite]
                               Write a CPE's signed XML exactly as stored (the bytes sent to SUNAT).`;

export async function einvoiceCommand(
  api: Api,
  session: Session,
  rest: readonly string[],
  options: {
    out?: string | undefined;
    overwrite?: boolean | undefined;
    return?: string | undefined;
  },
): Promise<Result<unknown>> {
  const [action, saleId] = rest;
  if (action === 'status') {
    return api.call('einvoice.status', saleId ? { saleId } : {}, session);
  }
  if (action === 'xml') {
    if (!saleId) throw new UsageError('einvoice xml needs the SALE_ID');
    if (!options.out) throw new UsageError('einvoice xml needs --out FILE');
    const result = await api.call(
      'einvoice.xml',
      { saleId, ...(options.return ? { returnId: options.return } : {}) },
      session,
    );
    if (!result.ok) return result;
    const { xml, sha256, fileName } = result.value as {
      xml: string;
      sha256: string;
      fileName: string;
    };
    const out = resolve(options.out);
    try {
      writeFileSync(out, Buffer.from(xml, 'base64'), { flag: options.overwrite ? 'w' : 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST')
        throw new UsageError(`${out} already exists (--overwrite replaces it)`, 'FILE_EXISTS');
      throw error;
    }
    return { ok: true, value: { file: out, fileName, sha256 } };
  }
  throw new UsageError('einvoice needs "status" or "xml"');
}
