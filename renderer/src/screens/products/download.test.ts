import { afterEach, describe, expect, it, vi } from 'vitest';
import { csvDocument } from '../reports/csv';
import { downloadText } from './download';

afterEach(() => vi.restoreAllMocks());

/** The bytes the browser saves for a download of this text. */
async function savedBytes(text: string): Promise<number[]> {
  let blob: Blob | undefined;
  URL.createObjectURL = vi.fn((b: Blob) => {
    blob = b;
    return 'blob:test';
  });
  URL.revokeObjectURL = vi.fn();
  downloadText('x.csv', text);
  const buffer = await new Promise<ArrayBuffer>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsArrayBuffer(blob!);
  });
  return [...new Uint8Array(buffer)];
}

describe('CSV downloads open in Excel with their accents', () => {
  it('saves a report CSV as UTF-8 starting with the BOM bytes', async () => {
    const bytes = await savedBytes(csvDocument([['Azúcar', '2,50']], ';'));
    expect(bytes.slice(0, 3)).toEqual([0xef, 0xbb, 0xbf]);
    // "ú" as UTF-8 (C3 BA), not as one Windows-1252 byte.
    expect(bytes.slice(5, 7)).toEqual([0xc3, 0xba]);
  });
});
