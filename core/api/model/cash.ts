/** Cash sessions, movements and the X/Z report. */
import type { RateTotal } from '../../tax/types';
import type { PaymentMethod } from './sales';

export const CASH_IN_TYPES = ['domicilio', 'servicio', 'mano_obra', 'otro'] as const;
export const CASH_OUT_TYPES = ['retiro', 'gasto', 'otro'] as const;
export const CASH_MOVEMENT_TYPES = [
  'domicilio',
  'servicio',
  'mano_obra',
  'otro',
  'retiro',
  'gasto',
] as const;
export type CashMovementType = (typeof CASH_MOVEMENT_TYPES)[number];

export interface CashMovement {
  readonly id: string;
  readonly sessionId: string;
  readonly direction: 'IN' | 'OUT';
  readonly type: CashMovementType;
  readonly amount: number;
  readonly description: string;
  readonly user: { readonly id: number; readonly name: string };
  readonly createdAt: string;
}

export type SessionStatus = 'ABIERTA' | 'CERRADA';

export interface CashSession {
  readonly id: string;
  /**
   * "Turno 12": its place among this register's sessions by opening time,
   * 1 for the first. Derived, never stored, so it is the same on every screen
   * and paper.
   */
  readonly number: number;
  readonly registerId: number;
  readonly registerCode: string;
  readonly status: SessionStatus;
  readonly openingFloat: number;
  readonly openedBy: { readonly id: number; readonly name: string };
  readonly openedAt: string;
  readonly closedBy: { readonly id: number; readonly name: string } | null;
  readonly closedAt: string | null;
  readonly expectedCash: number | null;
  readonly countedCash: number | null;
  readonly difference: number | null;
  readonly denominations: readonly { value: number; count: number }[] | null;
  readonly notes: string;
}

export interface MethodTotal {
  readonly method: PaymentMethod;
  readonly currency: string;
  readonly count: number;
  readonly amount: number;
}

export interface TypeTotal {
  readonly type: CashMovementType;
  readonly count: number;
  readonly amount: number;
}

/** The X (open session) or Z (closed) report: derived from the ledger, never typed in. */
export interface CashReport {
  readonly kind: 'X' | 'Z';
  readonly session: CashSession;
  readonly currency: string;
  readonly generatedAt: string;
  readonly sales: { readonly count: number; readonly total: number };
  readonly byMethod: readonly MethodTotal[];
  readonly taxes: readonly RateTotal[];
  readonly exempt: number;
  readonly unaffected: number;
  readonly fixedTax: number;
  readonly igtf: number;
  /**
   * Cash rounded to the coin (DOMAIN.md): `sales` is Σ the sales' rounding
   * (≤ 0, what the drawer got less than the documents), so Σ byMethod −
   * sales = sales total + IGTF to the cent; `refunds` is Σ what cash refunds
   * paid over their credit notes (> 0 rounded up to the coin; < 0 when the last
   * return of a rounded sale gives back no more than was handed over).
   */
  readonly cashRounding: { readonly sales: number; readonly refunds: number };
  readonly discounts: number;
  readonly voids: { readonly count: number; readonly total: number };
  readonly returns: { readonly count: number; readonly total: number; readonly cash: number };
  readonly movementsIn: readonly TypeTotal[];
  readonly movementsOut: readonly TypeTotal[];
  readonly cash: {
    readonly float: number;
    readonly received: number;
    readonly change: number;
    readonly in: number;
    readonly out: number;
    readonly refunds: number;
    readonly expected: number;
    readonly counted: number | null;
    readonly difference: number | null;
  };
}
