import { describe, expect, it } from 'vitest';
import { outputFile } from './documents';

describe('documents: where a PDF may be written', () => {
  it('takes absolute POSIX, Windows and UNC paths to a .pdf file', () => {
    for (const path of [
      '/home/ana/boleta.pdf',
      '/tmp/Reporte Marzo.PDF',
      'C:\\Users\\Ana\\Documentos\\boleta.pdf',
      'D:/cierres/z-2026-03-06.pdf',
      '\\\\servidor\\compartido\\boleta.pdf',
    ])
      expect(outputFile.safeParse(path).success, path).toBe(true);
  });

  it('refuses relative paths, other files and control characters', () => {
    for (const path of [
      'boleta.pdf',
      './boleta.pdf',
      '../boleta.pdf',
      'C:boleta.pdf',
      '/home/ana/.config/Tendero/tendero.sqlite',
      '/tmp/boleta.pdf.exe',
      '/tmp/bo\u0000leta.pdf',
      '',
    ])
      expect(outputFile.safeParse(path).success, path).toBe(false);
  });
});
