/**
 * `pos pdf …` as a user runs it: a child process on a real database file,
 * from another working folder, with a relative --out.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSession, product, sell } from '../testing/fixtures';
import { ADMIN, setUpTill, type Till } from '../testing/till';
import { pdfText } from './testing';

const CLI = fileURLToPath(new URL('../cli.ts', import.meta.url));
const TSX = import.meta.resolve('tsx');

let till: Till;
let saleId = '';
let sessionId = '';

function pos(args: string[]) {
  const run = spawnSync(
    process.execPath,
    ['--import', TSX, CLI, ...args, '--db', till.file, '--user', ADMIN.name, '--pin', ADMIN.pin],
    { cwd: till.dir, encoding: 'utf8', env: { ...process.env, TENDERO_DB: '' } },
  );
  let json: any;
  try {
    json = JSON.parse(run.stdout);
  } catch {
    json = undefined;
  }
  return { code: run.status, json, stderr: run.stderr };
}

beforeAll(async () => {
  till = await setUpTill('PE');
  const p = await product(till, {
    code: 'ARZ',
    name: 'Arroz Costeño 1 kg',
    price: 11800,
    stock: 10,
  });
  sessionId = (await openSession(till)).id;
  saleId = (await sell(till, [{ productId: p.id }])).id;
  till.db.close();
});
afterAll(() => till.close());

describe('pos pdf', () => {
  it('writes a sale receipt to a path relative to where it runs', () => {
    const run = pos(['pdf', 'sale', saleId, '--format', '58mm', '--out', 'documents/boleta.pdf']);
    expect(run.code, run.stderr).toBe(0);
    const file = join(till.dir, 'documents', 'boleta.pdf');
    expect(run.json).toMatchObject({ ok: true, value: { file, pages: 1 } });
    expect(run.json.value.pdf).toBeUndefined();
    expect(pdfText(readFileSync(file))).toContain('B001-00000001');
  });

  it('writes the X report and the period report, and needs --out', () => {
    const cash = pos(['pdf', 'cash', sessionId, '--format', 'A4', '--out', 'documents/corte.pdf']);
    expect(cash.code, cash.stderr).toBe(0);
    expect(pdfText(readFileSync(join(till.dir, 'documents', 'corte.pdf')))).toContain(
      'CORTE PARCIAL (X)',
    );
    const period = pos([
      'pdf',
      'period',
      '--from',
      '2026-03-01',
      '--to',
      '2026-03-31',
      '--out',
      join(till.dir, 'documents', 'marzo.pdf'),
    ]);
    expect(period.code, period.stderr).toBe(0);
    expect(pdfText(readFileSync(join(till.dir, 'documents', 'marzo.pdf')))).toContain(
      'REPORTE DE VENTAS',
    );
    const noOut = pos(['pdf', 'sale', saleId]);
    expect(noOut.code).toBe(2);
    // Errors are one JSON line on stdout; the help follows on stderr.
    expect(noOut.json?.error?.message).toContain('pdf needs --out');
    expect(noOut.stderr).toContain('Usage:');
    expect(existsSync(join(till.dir, 'undefined'))).toBe(false);
  });

  it('refuses a path outside documents/ and replaces a file only with --overwrite', () => {
    const outside = pos(['pdf', 'sale', saleId, '--out', '../fuera.pdf']);
    expect(outside.code).toBe(1);
    expect(outside.json?.error?.details?.reason).toBe('OUTSIDE_DOCUMENTS');
    expect(existsSync(join(till.dir, '..', 'fuera.pdf'))).toBe(false);

    const first = pos(['pdf', 'sale', saleId, '--out', 'documents/dos-veces.pdf']);
    expect(first.code, first.stderr).toBe(0);
    const again = pos(['pdf', 'sale', saleId, '--out', 'documents/dos-veces.pdf']);
    expect(again.code).toBe(1);
    expect(again.json?.error?.message).toContain('add --overwrite to replace it');
    const replaced = pos([
      'pdf',
      'sale',
      saleId,
      '--out',
      'documents/dos-veces.pdf',
      '--overwrite',
    ]);
    expect(replaced.code, replaced.stderr).toBe(0);
  });
});
