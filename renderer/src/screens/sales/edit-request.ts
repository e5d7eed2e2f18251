/**
 * The edit dialog's form and the sales.update request it becomes: only what
 * changed is sent, so a customer-only edit never touches the amounts.
 */
import type { ChannelInput } from '../../../../core/api/client';
import type { PaymentMethod, Sale } from '../../../../core/api/model';
import { fromThousandths, toThousandths } from './quantities';

export interface PaymentDraft {
  readonly key: string;
  readonly method: PaymentMethod;
  /** What was handed over; null for credit (the balance) or while empty. */
  readonly amount: number | null;
  readonly currency: string;
  readonly bank: string;
  readonly reference: string;
}

/** A product added to the sale while editing it; it sells at its current price. */
export interface AddedLine {
  readonly productId: number;
  /** 0 leaves it out. */
  readonly thousandths: number;
}

export interface EditForm {
  readonly reason: string;
  readonly customerName: string;
  /** Thousandths per sale line id; 0 removes the line. */
  readonly quantities: Readonly<Record<number, number>>;
  readonly added: readonly AddedLine[];
  readonly payments: readonly PaymentDraft[];
}

export type SaleUpdate = ChannelInput<'sales.update'>;

export function paymentDrafts(sale: Sale): PaymentDraft[] {
  return sale.payments.map((p) => ({
    key: p.id,
    method: p.method,
    amount: p.method === 'CREDITO' ? null : p.tendered,
    currency: p.currency,
    bank: p.bank ?? '',
    reference: p.reference ?? '',
  }));
}

export function editFormOf(sale: Sale): EditForm {
  return {
    reason: '',
    customerName: sale.customer.name,
    quantities: Object.fromEntries(sale.lines.map((l) => [l.id, toThousandths(l.quantity)])),
    added: [],
    payments: paymentDrafts(sale),
  };
}

function samePayments(a: readonly PaymentDraft[], b: readonly PaymentDraft[]): boolean {
  return (
    a.length === b.length &&
    a.every((p, i) => {
      const q = b[i];
      return (
        q !== undefined &&
        p.method === q.method &&
        p.amount === q.amount &&
        p.currency === q.currency &&
        p.bank.trim() === q.bank.trim() &&
        p.reference.trim() === q.reference.trim()
      );
    })
  );
}

export type EditProblem = 'nothingChanged' | 'noLines';

/** The request for what changed, or why there is none to send. */
export function buildUpdate(sale: Sale, form: EditForm): SaleUpdate | EditProblem {
  const update: SaleUpdate = { id: sale.id, reason: form.reason.trim() };
  let changed = false;

  const name = form.customerName.trim();
  if (name !== sale.customer.name) {
    changed = true;
    update.customerName = name;
    // A registered customer takes precedence over a typed name: let go of it.
    if (sale.customer.id !== null) update.customerId = null;
  }

  const added = form.added.filter((l) => l.thousandths > 0);
  const linesChanged =
    added.length > 0 ||
    sale.lines.some(
      (l) => (form.quantities[l.id] ?? toThousandths(l.quantity)) !== toThousandths(l.quantity),
    );
  if (linesChanged) {
    const kept = sale.lines
      .map((l) => ({ lineId: l.id, thousandths: form.quantities[l.id] ?? 0 }))
      .filter((l) => l.thousandths > 0);
    if (kept.length + added.length === 0) return 'noLines';
    changed = true;
    // Kept lines go by id (they keep their price snapshot); added ones by product.
    update.lines = [
      ...kept.map((l) => ({ lineId: l.lineId, quantity: fromThousandths(l.thousandths) })),
      ...added.map((l) => ({ productId: l.productId, quantity: fromThousandths(l.thousandths) })),
    ];
  }

  if (!samePayments(form.payments, paymentDrafts(sale))) {
    changed = true;
    update.payments = form.payments.map((p) => ({
      method: p.method,
      ...(p.method === 'CREDITO' ? {} : { amount: p.amount ?? 0 }),
      currency: p.currency,
      ...(p.bank.trim() ? { bank: p.bank.trim() } : {}),
      ...(p.reference.trim() ? { reference: p.reference.trim() } : {}),
    }));
  }

  return changed ? update : 'nothingChanged';
}
