import { useState } from 'react';
import type { Sale } from '../../../../core/api/model';
import { Button } from '../../components/Button';
import { useHotkeys } from '../../components/useHotkeys';
import { dateTime, useT } from '../../i18n';
import { errorMessage } from '../../i18n/errors';
import { useRoute } from '../../state/route';
import { EditDialog } from './EditDialog';
import { ReturnDialog } from './ReturnDialog';
import { SaleEvents } from './SaleEvents';
import { SaleLinesTable } from './SaleLinesTable';
import { SalePayments } from './SalePayments';
import { CreditNotePdfDialog, SalePdfDialog } from './SalePdfDialog';
import { SaleTotals } from './SaleTotals';
import { StatusBadge } from './StatusBadge';
import { CpeBadge, useSaleCpes } from './CpeBadge';
import { VoidDialog } from './VoidDialog';
import { returnable } from './return-lines';
import type { Person } from './usePeople';
import { useSale } from './useSale';

type Step =
  | 'void'
  | 'edit'
  | 'return'
  | 'print'
  | { readonly creditNote: { readonly id: string; readonly number: string } }
  | null;

/** #/sales/<id>: everything about one sale, and what can still be done to it. */
export function SaleDetail({ id, people }: { id: string; people: readonly Person[] }) {
  const t = useT();
  const navigate = useRoute((s) => s.navigate);
  const { sale, error, reload, replace } = useSale(id);
  const cpe = useSaleCpes(sale ? [sale.id] : []).get(id);
  const [step, setStep] = useState<Step>(null);
  const back = () => navigate('sales');

  useHotkeys({ Escape: back }, step === null);

  if (error) {
    return (
      <div className="stack">
        <div className="screen-title">
          <Button onClick={back}>← {t('sales.detail.back')}</Button>
        </div>
        <p className="empty" role="alert">
          {error.code === 'NOT_FOUND' ? t('sales.detail.notFound') : errorMessage(error)}
        </p>
      </div>
    );
  }
  if (!sale) return <p className="muted">{t('common.loading')}</p>;

  const live = sale.status !== 'ANULADA';
  const canReturn = live && sale.lines.some((line) => returnable(line) > 0);
  const canVoid = live && sale.returns.length === 0;
  const finish = (next: Sale) => {
    replace(next);
    setStep(null);
  };

  return (
    <div className="stack sale-detail">
      <div className="screen-title sale-title">
        <Button onClick={back} shortcut="Esc">
          ← {t('sales.detail.back')}
        </Button>
        <h1>{sale.number}</h1>
        <span className="muted">{t(`common.documentTypes.${sale.documentType}`)}</span>
        <StatusBadge status={sale.status} />
        {cpe && <CpeBadge cpe={cpe} />}
        <div className="spacer" />
        <Button onClick={() => setStep('print')}>{t('sales.detail.reprint')}</Button>
        {live && <Button onClick={() => setStep('edit')}>{t('sales.detail.edit')}</Button>}
        {canReturn && <Button onClick={() => setStep('return')}>{t('sales.detail.return')}</Button>}
        {canVoid && (
          <Button variant="danger" onClick={() => setStep('void')}>
            {t('sales.detail.void')}
          </Button>
        )}
      </div>

      {cpe && (cpe.failure ?? cpe.cdrMessage) && (
        <p className="notice warning" data-testid="cpe-reason">
          {t('sales.cpe.title')}: {t(`sales.cpe.states.${cpe.state}`)} —{' '}
          {cpe.failure ?? cpe.cdrMessage}
        </p>
      )}

      <SaleEvents
        sale={sale}
        people={people}
        onPrintCreditNote={(creditNote) => setStep({ creditNote })}
      />

      <div className="sale-columns">
        <section className="card">
          <SaleLinesTable sale={sale} />
        </section>
        <div className="stack">
          <section className="card sale-facts">
            <dl>
              <dt>{t('sales.detail.date')}</dt>
              <dd>{dateTime(sale.createdAt)}</dd>
              <dt>{t('sales.detail.customer')}</dt>
              <dd>
                {sale.customer.name || t('sales.list.anonymous')}
                {sale.customer.documentNumber && (
                  <div className="muted cs-small">
                    {sale.customer.documentType} {sale.customer.documentNumber}
                  </div>
                )}
              </dd>
              <dt>{t('sales.detail.cashier')}</dt>
              <dd>{sale.cashier.name}</dd>
              <dt>{t('sales.detail.register')}</dt>
              <dd>{sale.registerCode}</dd>
              {sale.notes && (
                <>
                  <dt>{t('sales.detail.notes')}</dt>
                  <dd>{sale.notes}</dd>
                </>
              )}
            </dl>
          </section>
          <section className="card stack" aria-label={t('sales.detail.totals')}>
            <h2>{t('sales.detail.totals')}</h2>
            <SaleTotals sale={sale} />
          </section>
          <section className="card stack" aria-label={t('sales.detail.payments')}>
            <h2>{t('sales.detail.payments')}</h2>
            <SalePayments sale={sale} />
          </section>
        </div>
      </div>

      {step === 'print' && <SalePdfDialog sale={sale} onClose={() => setStep(null)} />}
      {step !== null && typeof step === 'object' && (
        <CreditNotePdfDialog creditNote={step.creditNote} onClose={() => setStep(null)} />
      )}
      {step === 'void' && (
        <VoidDialog sale={sale} people={people} onClose={() => setStep(null)} onDone={finish} />
      )}
      {step === 'edit' && <EditDialog sale={sale} onClose={() => setStep(null)} onDone={finish} />}
      {step === 'return' && (
        <ReturnDialog sale={sale} people={people} onClose={() => setStep(null)} onDone={reload} />
      )}
    </div>
  );
}
