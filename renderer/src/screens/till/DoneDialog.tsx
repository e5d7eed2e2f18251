import { useEffect, useRef, useState } from 'react';
import { isChannelName } from '../../../../core/api/channels';
import type { Sale } from '../../../../core/api/model';
import { api } from '../../api/client';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { errorMessage } from '../../i18n/errors';
import { money, useT } from '../../i18n';
import { useSession } from '../../state/session';
import { useToasts } from '../../state/toasts';
import { PdfFrame } from './PdfFrame';

/**
 * After the sale: the number and the change, big; the receipt on request.
 * Enter (or Escape) starts the next sale, wherever the focus is: after
 * "Imprimir" the focus is on that button, and Enter used to print again. A
 * scan typed now starts the next sale too, and its characters are handed to
 * the till (`onClose(typed)`), so no scanned code is eaten by this dialog.
 */
export function DoneDialog({ sale, onClose }: { sale: Sale; onClose(typed?: string): void }) {
  const t = useT();
  const format = useSession((s) => s.settings?.receiptFormat ?? '80mm');
  const hasPrinter = useSession((s) => Boolean(s.settings?.printerHost));
  const toast = useToasts((s) => s.push);
  const [pdf, setPdf] = useState<string | null>(null);
  const canPreview = isChannelName('documents.sale');
  const autoPrint = useSession((s) => Boolean(s.settings?.autoPrint));
  const printed = useRef(false);

  async function preview() {
    const result = await api.call('documents.sale' as never, { saleId: sale.id, format } as never);
    if (result.ok) setPdf((result.value as { pdf: string }).pdf);
    else toast('error', errorMessage(result.error));
  }

  async function print() {
    if (hasPrinter && isChannelName('printer.printSale')) {
      const result = await api.call('printer.printSale' as never, { saleId: sale.id } as never);
      if (result.ok) toast('success', t('till.done.printed'));
      else toast('error', errorMessage(result.error));
      return;
    }
    await preview();
  }

  useEffect(() => {
    const capture = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      const printable = event.key.length === 1;
      if (event.key !== 'Enter' && !printable) return;
      event.preventDefault();
      event.stopPropagation();
      onClose(printable ? event.key : undefined);
    };
    window.addEventListener('keydown', capture, true);
    return () => window.removeEventListener('keydown', capture, true);
  }, [onClose]);

  // The store prints every receipt on its own when it asked to (Settings).
  useEffect(() => {
    if (!autoPrint || printed.current || !canPreview) return;
    printed.current = true;
    void print();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per sale, on open
  }, []);

  return (
    <Dialog
      title={t('till.done.title')}
      onClose={onClose}
      wide={pdf !== null}
      footer={
        <>
          {canPreview && <Button onClick={() => void print()}>{t('till.done.print')}</Button>}
          <Button
            variant="primary"
            size="large"
            autoFocus
            onClick={() => onClose()}
            shortcut="Enter"
          >
            {t('till.done.newSale')}
          </Button>
        </>
      }
    >
      <div className="done">
        <p className="muted">{t('till.done.number', { number: sale.number })}</p>
        <div className={`done-change ${sale.change > 0 ? 'has-change' : ''}`}>
          <span>{sale.change > 0 ? t('till.done.change') : t('till.done.noChange')}</span>
          <strong className="num" data-testid="done-change">
            {money(sale.change)}
          </strong>
        </div>
        {pdf && (
          <PdfFrame
            base64={pdf}
            title={sale.number}
            onReady={(frame) => frame.contentWindow?.print()}
          />
        )}
      </div>
    </Dialog>
  );
}
