/**
 * A till killed with SIGKILL right after sales.create returned keeps both the
 * sale and its signed CPE: they are committed in one transaction.
 */
import { spawn } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../db/open';
import { verifyDocument } from '../../../fiscal/pe/sign';
import type { Till } from '../../testing/till';
import { einvoicingTill } from './testing';

let till: Till;
afterEach(() => till.close());

function sellAndKill(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'electron/testing/einvoice-crash-child.ts', file],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('\n')) child.kill('SIGKILL');
    });
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    const guard = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('exit', () => {
      clearTimeout(guard);
      const line = out.split('\n')[0] ?? '';
      if (!line.startsWith('COMMIT ')) reject(new Error(`child said "${line}": ${err}`));
      else resolve(line.slice(7));
    });
  });
}

describe('a crash right after the sale', { timeout: 90_000 }, () => {
  it('leaves the sale and its PENDING signed CPE', async () => {
    const made = await einvoicingTill();
    till = made.till;
    till.db.close();
    const saleId = await sellAndKill(till.file);
    const db = openDatabase(till.file);
    try {
      const sale = db.sqlite.prepare('SELECT number FROM sales WHERE id = ?').get(saleId);
      expect(sale).toBeDefined();
      const cpe = db.sqlite
        .prepare('SELECT state, xml FROM cpe_documents WHERE sale_id = ?')
        .get(saleId) as { state: string; xml: Buffer };
      expect(cpe.state).toBe('PENDING');
      expect(verifyDocument(cpe.xml.toString('utf8'), made.certificate!.certificatePem)).toBe(true);
    } finally {
      db.close();
    }
  });
});
