import { describe, expect, it } from 'vitest';
import type { Product, ScanResult } from '../../../core/api/model';
import { failure, ok } from '../../../core/api/result';
import { createScanQueue, type ScanOutcome } from './scan-queue';

function found(code: string): ScanResult {
  return {
    product: { id: Number(code.replace(/\D/g, '')) || 1, code, name: code, price: 100 } as Product,
    quantity: 1,
    fixedAmount: null,
    source: 'barcode',
    scanned: code,
  };
}

describe('the scan queue', () => {
  it('hands over 100 scans in the order they were read, whatever each lookup takes', async () => {
    const outcomes: ScanOutcome[] = [];
    let lookups = 0;
    const queue = createScanQueue(
      (o) => outcomes.push(o),
      async (code) => {
        lookups++;
        await new Promise((r) => setTimeout(r, Math.random() * 4));
        return code.startsWith('BAD') ? failure('NOT_FOUND', 'unknown') : ok(found(code));
      },
    );
    const codes = Array.from({ length: 100 }, (_, i) => (i % 17 === 0 ? `BAD${i}` : `C${i % 30}`));
    codes.forEach((c) => queue.push(c));
    await new Promise((resolve) => {
      const wait = () => (outcomes.length === codes.length ? resolve(null) : setTimeout(wait, 5));
      wait();
    });
    expect(outcomes.map((o) => (o.ok ? o.scan.scanned : o.code))).toEqual(codes);
    // Repeated plain codes come from the cache: only distinct codes were looked up.
    expect(lookups).toBe(new Set(codes).size);
    expect(queue.pending).toBe(0);
  });

  it('ignores empty scans and always asks again for multiplied codes', async () => {
    let lookups = 0;
    const outcomes: ScanOutcome[] = [];
    const queue = createScanQueue(
      (o) => outcomes.push(o),
      async (code) => {
        lookups++;
        return ok({ ...found(code), quantity: 3 });
      },
    );
    queue.push('   ');
    queue.push('3*C1');
    queue.push('3*C1');
    await new Promise((r) => setTimeout(r, 20));
    expect(outcomes).toHaveLength(2);
    expect(lookups).toBe(2);
  });
});
