import type { Summary } from '../../../../core/api/model';

/** A small period report for the tests: two days, one voided sale, a cash expense. */
export const SUMMARY: Summary = {
  from: '2026-11-16',
  to: '2026-11-17',
  currency: 'PEN',
  sales: {
    count: 3,
    gross: 123450,
    discounts: 0,
    base: 100000,
    exempt: 4000,
    unaffected: 0,
    tax: 18000,
    fixedTax: 50,
    igtf: 0,
    cashRounding: 0,
    total: 123450,
    averageTicket: 41150,
  },
  taxes: [{ rate: 1800, base: 100000, tax: 18000 }],
  voids: { count: 1, total: 990 },
  returns: { count: 0, total: 0 },
  byMethod: [
    { method: 'EFECTIVO', currency: 'PEN', count: 2, amount: 100000 },
    { method: 'TARJETA', currency: 'PEN', count: 1, amount: 23450 },
  ],
  byCashier: [{ id: 2, name: 'Carlos', count: 3, total: 123450 }],
  byCategory: [
    { id: 1, name: 'Abarrotes, secos', count: 4, total: 100000 },
    { id: null, name: '', count: 1, total: 23450 },
  ],
  topProducts: [
    {
      productId: 1,
      code: 'ARR001',
      name: 'Arroz "Costeño" 1 kg',
      quantity: 2.5,
      total: 1225,
      profit: 200,
    },
  ],
  profit: { revenue: 104000, cost: 80000, profit: 24000 },
  extraIncome: [{ type: 'domicilio', count: 1, amount: 500 }],
  expenses: [{ type: 'gasto', count: 1, amount: 1500 }],
  perDay: [
    { date: '2026-11-16', count: 2, total: 100000 },
    { date: '2026-11-17', count: 1, total: 23450 },
  ],
  perHour: [
    { hour: 0, count: 0, total: 0 },
    { hour: 9, count: 2, total: 100000 },
    { hour: 11, count: 1, total: 23450 },
    { hour: 23, count: 0, total: 0 },
  ],
};
