import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useI18n } from '../../i18n';
import { summaryCsv } from './summary-csv';
import { SUMMARY } from './summary-fixture';

function lines(csv: string): string[] {
  return csv.replace(/^\uFEFF/, '').split('\r\n');
}

beforeEach(() => {
  useI18n.setState({ language: 'es', storeLocale: 'es-PE', currency: 'PEN' });
});
afterEach(() => {
  useI18n.setState({ language: 'es', storeLocale: 'es-PE' });
});

describe('period report as CSV', () => {
  it('is UTF-8 with a BOM and CRLF, in the UI language, amounts as plain decimals', () => {
    const csv = summaryCsv(SUMMARY, 'Bodega Doña Rosa', 'PE');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    const rows = lines(csv);
    expect(rows[0]).toBe('Reporte de ventas,Bodega Doña Rosa');
    expect(rows).toContain('Desde,2026-11-16');
    expect(rows).toContain('Total vendido,1234.50');
    expect(rows).toContain('Ventas,3');
    expect(rows).toContain('Ventas anuladas (monto),9.90');
    expect(rows).toContain('18\u00a0%,1000.00,180.00');
    expect(rows).toContain('Efectivo,PEN,2,1000.00');
    expect(rows).toContain('Domicilio,1,5.00');
    expect(rows).toContain('Gasto,1,15.00');
    expect(rows).toContain('2026-11-17,1,234.50');
    expect(rows).toContain('09 h,2,1000.00');
  });

  it('adds the cash rounding under the methods only when there was some', () => {
    expect(lines(summaryCsv(SUMMARY, 'Bodega', 'PE')).some((r) => r.startsWith('Redondeo'))).toBe(
      false,
    );
    const rounded = { ...SUMMARY, sales: { ...SUMMARY.sales, cashRounding: -34 } };
    expect(lines(summaryCsv(rounded, 'Bodega', 'PE'))).toContain(
      'Redondeo del efectivo,PEN,,-0.34',
    );
  });

  it('quotes names with the separator or quotes, and names the missing category', () => {
    const rows = lines(summaryCsv(SUMMARY, 'Bodega', 'PE'));
    expect(rows).toContain('"Abarrotes, secos",4,1000.00');
    expect(rows).toContain('Sin categoría,1,234.50');
    expect(rows).toContain('ARR001,"Arroz ""Costeño"" 1 kg",2.5,12.25,2.00');
  });

  it('uses ";" and decimal commas where the locale writes them (es-CO)', () => {
    useI18n.setState({ storeLocale: 'es-CO' });
    const rows = lines(summaryCsv(SUMMARY, 'Tienda, La Esquina', 'PE'));
    expect(rows[0]).toBe('Reporte de ventas;Tienda, La Esquina');
    expect(rows).toContain('Total vendido;1234,50');
    expect(rows).toContain('Abarrotes, secos;4;1000,00');
    expect(rows).toContain('ARR001;"Arroz ""Costeño"" 1 kg";2,5;12,25;2,00');
  });

  it('speaks English when the UI does', () => {
    useI18n.setState({ language: 'en' });
    const rows = lines(summaryCsv(SUMMARY, 'Shop', 'PE'));
    expect(rows[0]).toBe('Sales report,Shop');
    expect(rows).toContain('Total sold,1234.50');
    expect(rows).toContain('Cash,PEN,2,1000.00');
  });

  it('has no IGTF row outside Venezuela, and keeps it in Venezuela', () => {
    const igtf = (rows: string[]) => rows.filter((r) => r.startsWith('IGTF'));
    expect(igtf(lines(summaryCsv(SUMMARY, 'Bodega', 'PE')))).toEqual([]);
    expect(igtf(lines(summaryCsv(SUMMARY, 'Bodega', 'VE')))).toEqual(['IGTF,0.00']);
    const charged = { ...SUMMARY, sales: { ...SUMMARY.sales, igtf: 35 } };
    expect(igtf(lines(summaryCsv(charged, 'Bodega', 'PE')))).toEqual(['IGTF,0.35']);
  });
});
