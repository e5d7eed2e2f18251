import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { lineQuantity, useT } from '../../i18n';
import type { QuantityQuestion } from '../../till/quantity-question';

/** The sentences that say why a quantity needs a second look. */
export function QuantityReasons({ question }: { question: QuantityQuestion }) {
  const t = useT();
  const q = (n: number) => lineQuantity(n, question.soldBy);
  return (
    <div className="stack quantity-reasons" role="alert">
      {question.concerns.map((c) => (
        <p key={c.kind}>
          {c.kind === 'over-limit'
            ? t('till.quantities.overLimit', {
                quantity: q(question.total),
                name: question.name,
                limit: q(c.limit),
              })
            : t('till.quantities.farAboveStock', { stock: q(c.stock), name: question.name })}
        </p>
      ))}
      {question.total !== question.quantity && (
        <p className="muted">{t('till.quantities.inCart', { quantity: q(question.total) })}</p>
      )}
    </div>
  );
}

/**
 * A quantity over the sane limit for its unit, or far above the stock, is
 * confirmed before it lands on the line. Cancel has the focus, so a stray
 * Enter (a scanner's) never adds 750 kg.
 */
export function QuantityConfirmDialog({
  question,
  onConfirm,
  onCancel,
}: {
  question: QuantityQuestion;
  onConfirm(): void;
  onCancel(): void;
}) {
  const t = useT();
  const quantity = lineQuantity(question.quantity, question.soldBy);
  return (
    <Dialog
      title={t('till.quantities.confirmTitle', { quantity })}
      onClose={onCancel}
      footer={
        <>
          <Button autoFocus onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button variant="danger" onClick={onConfirm} data-testid="confirm-quantity">
            {t('till.quantities.confirm', { quantity })}
          </Button>
        </>
      }
    >
      <QuantityReasons question={question} />
    </Dialog>
  );
}
