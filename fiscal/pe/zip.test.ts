import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTestCertificate } from './certificate';
import { buildInvoiceXml } from './invoice';
import { signDocument } from './sign';
import { makeInvoice } from './testing';
import { documentFileName, unzipDocument, zipDocument } from './zip';

describe('zipDocument', () => {
  it('names the file RUC-TT-SERIE-NUMERO', () => {
    expect(documentFileName('20100070970', 'FACTURA', 'F001', 123)).toBe('20100070970-01-F001-123');
    expect(documentFileName('20100070970', 'BOLETA', 'B001', 1)).toBe('20100070970-03-B001-1');
    expect(documentFileName('20100070970', 'NOTA_CREDITO', 'FC01', 7)).toBe(
      '20100070970-07-FC01-7',
    );
  });

  it('holds RUC-TT-SERIE-NUMERO.xml with the signed bytes unchanged, and is a real zip', () => {
    const signed = signDocument(
      buildInvoiceXml(
        makeInvoice([{ quantity: 1000, unitPrice: 1000, taxCategory: 'IGV', name: 'Piña' }]),
      ),
      makeTestCertificate({ bits: 1024 }),
    );
    const base = documentFileName('20100070970', 'BOLETA', 'B001', 1);
    const { fileName, zip } = zipDocument(base, signed.xml);
    expect(fileName).toBe('20100070970-03-B001-1.zip');

    const inside = unzipDocument(zip);
    expect(inside.name).toBe('20100070970-03-B001-1.xml');
    expect(Buffer.from(inside.xml).equals(Buffer.from(signed.xml, 'utf8'))).toBe(true);
    // The same document makes the same zip (a resend is byte-identical).
    expect(Buffer.from(zipDocument(base, signed.xml).zip).equals(Buffer.from(zip))).toBe(true);

    // An independent reader (Python's zipfile) sees one entry with the same bytes.
    const dir = mkdtempSync(join(tmpdir(), 'tendero-zip-'));
    try {
      writeFileSync(join(dir, fileName), zip);
      const listed = spawnSync(
        'python3',
        [
          '-c',
          'import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); print(z.namelist()); open(sys.argv[2], "wb").write(z.read(z.namelist()[0]))',
          join(dir, fileName),
          join(dir, 'out.xml'),
        ],
        { encoding: 'utf8' },
      );
      expect(listed.stdout.trim()).toBe("['20100070970-03-B001-1.xml']");
      expect(readFileSync(join(dir, 'out.xml'), 'utf8')).toBe(signed.xml);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
