import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sell } from './testing/fixtures';
import type { Till } from './testing/till';
import { einvoicingTill } from './services/einvoice/testing';

let till: Till;
afterEach(() => till.close());

function pos(args: string[]) {
  const run = spawnSync(
    process.execPath,
    ['--import', 'tsx', 'electron/cli.ts', ...args, '--db', till.file, '--user', 'Ana'],
    {
      encoding: 'utf8',
      env: { ...process.env, TENDERO_DB: '', TENDERO_USER: '', TENDERO_PIN: '1234' },
    },
  );
  return {
    status: run.status,
    out: JSON.parse(run.stdout || 'null') as { ok?: boolean; value?: unknown; error?: unknown },
    err: run.stderr,
  };
}

describe('pos einvoice', { timeout: 60_000 }, () => {
  it('status lists a sale’s CPE; xml writes the stored bytes unchanged', async () => {
    till = (await einvoicingTill()).till;
    const sale = await sell(till, [{ productId: 1, quantity: 3 }], { documentType: 'BOLETA' });
    const stored = till.db.sqlite
      .prepare('SELECT xml, digest FROM cpe_documents WHERE sale_id = ?')
      .get(sale.id) as { xml: Buffer; digest: string };

    const status = pos(['einvoice', 'status', sale.id]);
    expect(status.status).toBe(0);
    expect(status.out.value).toMatchObject([
      {
        saleId: sale.id,
        state: 'PENDING',
        number: `${sale.series}-${sale.correlative}`,
        digest: stored.digest,
      },
    ]);
    expect(pos(['einvoice', 'status']).out.value).toHaveLength(1);

    const file = join(till.dir, 'boleta.xml');
    const written = pos(['einvoice', 'xml', sale.id, '--out', file]);
    expect(written.status).toBe(0);
    const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
    expect(sha(readFileSync(file))).toBe(sha(stored.xml));
    expect(written.out.value).toMatchObject({
      sha256: sha(stored.xml),
      fileName: `20123456789-03-${sale.series}-${sale.correlative}.xml`,
    });
    // An existing file is not replaced without --overwrite.
    expect(pos(['einvoice', 'xml', sale.id, '--out', file]).status).toBe(2);
    expect(pos(['einvoice', 'xml', sale.id, '--out', file, '--overwrite']).status).toBe(0);
  });

  it('says NOT_FOUND for a sale without a signed document, and writes nothing', async () => {
    till = (await einvoicingTill({ einvoicing: false })).till;
    const sale = await sell(till, [{ productId: 1 }], { documentType: 'BOLETA' });
    const file = join(till.dir, 'none.xml');
    const run = pos(['einvoice', 'xml', sale.id, '--out', file]);
    expect(run.status).toBe(1);
    expect(run.out).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(existsSync(file)).toBe(false);
  });
});
