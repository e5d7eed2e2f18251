/**
 * documents.* with `out`: only under <data dir>/documents or the admin's
 * folder; no "..", no network shares, no link out, no silent overwrite; every
 * write and every refusal audited. A real till file, real folders and links.
 */
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditRows, openSession, product, sell, user, actingAs } from '../testing/fixtures';
import { setUpTill, type Till } from '../testing/till';
import { closeRenderPool } from './handlers';

let till: Till;
let saleId = '';
beforeEach(async () => {
  till = await setUpTill('PE');
  const rice = await product(till, { code: 'ARZ', price: 11800, stock: 10 });
  await openSession(till);
  saleId = (await sell(till, [{ productId: rice.id }])).id;
});
afterEach(() => till.close());
afterAll(() => closeRenderPool());

const receipt = (out: string, extra: Record<string, unknown> = {}) => ({
  saleId,
  format: '80mm',
  out,
  ...extra,
});

describe('documents.* out', () => {
  it('writes under <data dir>/documents and audits who wrote which file', async () => {
    const out = join(till.dir, 'documents', 'boleta.pdf');
    const doc = await till.call('documents.sale', receipt(out) as never);
    expect(doc.file).toBe(out);
    expect(readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-');
    const [row] = auditRows(till, 'documents.sale');
    expect(row).toMatchObject({ user_name: 'Ana', outcome: 'ok', entity_id: out });
    expect(row!.after).toMatchObject({ file: out, bytes: doc.bytes, overwrite: false });
  });

  it('refuses a place outside the documents folder: FORBIDDEN, audited, nothing written', async () => {
    const cases: [string, string][] = [
      [join(till.dir, 'boleta.pdf'), 'OUTSIDE_DOCUMENTS'],
      [`${till.dir}/documents/../boleta.pdf`, 'PATH_TRAVERSAL'],
      [`${till.dir}/documents/../../escape.pdf`, 'PATH_TRAVERSAL'],
      ['\\\\server\\share\\boleta.pdf', 'UNC_PATH'],
      ['//server/share/boleta.pdf', 'UNC_PATH'],
    ];
    for (const [out, reason] of cases) {
      const error = await till.fail('documents.sale', receipt(out));
      expect(error, out).toMatchObject({ code: 'FORBIDDEN', details: { reason } });
    }
    expect(existsSync(join(till.dir, 'boleta.pdf'))).toBe(false);
    const denied = auditRows(till, 'documents.sale').filter((r) => r.outcome === 'denied');
    expect(denied.map((r) => r.after?.reason)).toEqual(cases.map(([, reason]) => reason));
  });

  it('refuses a link inside the documents folder that leads out of it', async () => {
    const outside = join(till.dir, 'elsewhere');
    mkdirSync(outside);
    mkdirSync(join(till.dir, 'documents'));
    symlinkSync(outside, join(till.dir, 'documents', 'usb'));
    const error = await till.fail(
      'documents.sale',
      receipt(join(till.dir, 'documents', 'usb', 'b.pdf')),
    );
    expect(error).toMatchObject({ code: 'FORBIDDEN', details: { reason: 'SYMLINK_ESCAPE' } });
    expect(existsSync(join(outside, 'b.pdf'))).toBe(false);
  });

  it('never replaces an existing file, or a link, unless overwrite is true', async () => {
    mkdirSync(join(till.dir, 'documents'));
    const out = join(till.dir, 'documents', 'boleta.pdf');
    writeFileSync(out, 'keep me');
    const error = await till.fail('documents.sale', receipt(out));
    expect(error).toMatchObject({ code: 'CONFLICT', details: { reason: 'FILE_EXISTS' } });
    expect(readFileSync(out, 'utf8')).toBe('keep me');
    // A link planted at the name is not followed to the file it names.
    const victim = join(till.dir, 'victim.txt');
    writeFileSync(victim, 'precious');
    const planted = join(till.dir, 'documents', 'planted.pdf');
    symlinkSync(victim, planted);
    expect((await till.fail('documents.sale', receipt(planted))).code).toBe('CONFLICT');
    expect(readFileSync(victim, 'utf8')).toBe('precious');
    await till.call('documents.sale', receipt(out, { overwrite: true }) as never);
    expect(readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('writes to the folder an admin configured, and only an admin configures it', async () => {
    const usb = join(till.dir, 'usb');
    mkdirSync(usb);
    await user(till, 'Carla', 'cashier', '1111');
    const refused = await actingAs(till, 'Carla', '1111', () =>
      till.fail('settings.update', { documentsFolder: usb }),
    );
    expect(refused.code).toBe('FORBIDDEN');
    for (const [folder, reason] of [
      ['\\\\server\\share', 'UNC_PATH'],
      ['relative/folder', 'NOT_ABSOLUTE'],
      [`${usb}/../usb`, 'PATH_TRAVERSAL'],
      [join(usb, 'missing'), 'NOT_A_FOLDER'],
    ]) {
      const error = await till.fail('settings.update', { documentsFolder: folder });
      expect(error, folder).toMatchObject({ code: 'VALIDATION', details: { reason } });
    }
    await till.call('settings.update', { documentsFolder: usb });
    const out = join(usb, 'boleta.pdf');
    const doc = await actingAs(till, 'Carla', '1111', () =>
      till.call('documents.sale', receipt(out) as never),
    );
    expect(doc.file).toBe(out);
    expect(auditRows(till, 'documents.sale').at(-1)).toMatchObject({
      user_name: 'Carla',
      entity_id: out,
    });
  });
});
