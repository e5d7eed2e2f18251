import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Product, ScanResult } from '../../../core/api/model';

const scan: ScanResult = {
  product: {
    id: 7,
    code: 'GAS',
    name: 'Gaseosa',
    price: 250,
    soldBy: 'unit',
    taxCategory: 'IGV',
  } as Product,
  quantity: 2,
  fixedAmount: null,
  source: 'barcode',
  scanned: '7751014205181',
};

beforeEach(() => {
  localStorage.clear();
  vi.resetModules();
});

describe('the persisted cart', () => {
  it('survives a reload: a new store reads the cart back from localStorage', async () => {
    const first = (await import('./cart-store')).useCart;
    first.getState().applyScan(scan);
    first.getState().setOrderDiscount(50);
    const saleId = first.getState().saleId;
    vi.resetModules();
    const reloaded = (await import('./cart-store')).useCart;
    expect(reloaded.getState().lines).toHaveLength(1);
    expect(reloaded.getState().lines[0]!.quantity).toBe(2000);
    expect(reloaded.getState().orderDiscount).toBe(50);
    // The same sale id: a retry after the reload cannot sell twice.
    expect(reloaded.getState().saleId).toBe(saleId);
  });

  it('holds and resumes, parking the current cart instead of losing it', async () => {
    const { useCart } = await import('./cart-store');
    const cart = useCart.getState();
    cart.applyScan(scan);
    cart.hold();
    expect(useCart.getState().lines).toHaveLength(0);
    useCart.getState().applyScan({ ...scan, product: { ...scan.product, id: 8, code: 'AGUA' } });
    const held = useCart.getState().held[0]!;
    useCart.getState().resume(held.id);
    expect(useCart.getState().lines.map((l) => l.code)).toEqual(['GAS']);
    expect(useCart.getState().held.map((h) => h.lines[0]!.code)).toEqual(['AGUA']);
  });

  it('starts a fresh cart with a new sale id once the sale is stored', async () => {
    const { useCart } = await import('./cart-store');
    useCart.getState().applyScan(scan);
    const before = useCart.getState().saleId;
    useCart.getState().completed();
    expect(useCart.getState().lines).toHaveLength(0);
    expect(useCart.getState().saleId).not.toBe(before);
  });

  it('keeps the cart under a new sale id when the old id already holds another sale', async () => {
    const { useCart } = await import('./cart-store');
    useCart.getState().applyScan(scan);
    const before = useCart.getState().saleId;
    useCart.getState().renewSaleId();
    expect(useCart.getState().lines).toHaveLength(1);
    expect(useCart.getState().saleId).not.toBe(before);
  });
});
