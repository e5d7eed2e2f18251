import {
  SALE_DOCUMENT_FORMATS,
  type SaleDocumentFormat,
} from '../../../../core/api/areas/documents';
import type { Sale } from '../../../../core/api/model';
import { callOrToast } from '../../api/use-call';
import { useT } from '../../i18n';
import { useSession } from '../../state/session';
import { PdfDialog } from './PdfDialog';

/** Reprint: the sale's receipt or invoice as the documents channel renders it. */
export function SalePdfDialog({ sale, onClose }: { sale: Sale; onClose(): void }) {
  const t = useT();
  const preferred = useSession((s) => s.settings?.receiptFormat ?? '80mm');
  return (
    <PdfDialog<SaleDocumentFormat>
      title={t('sales.reprint.title', { number: sale.number })}
      formats={SALE_DOCUMENT_FORMATS.map((value) => ({
        value,
        label: t(`sales.reprint.${value}`),
      }))}
      initial={preferred}
      load={async (format) =>
        (await callOrToast('documents.sale', { saleId: sale.id, format }))?.pdf
      }
      onClose={onClose}
    />
  );
}

/**
 * A credit note (a return) printed or reprinted on its own paper: the same
 * formats as the sale's receipt, never the original boleta or factura.
 */
export function CreditNotePdfDialog({
  creditNote,
  onClose,
}: {
  creditNote: { readonly id: string; readonly number: string };
  onClose(): void;
}) {
  const t = useT();
  const preferred = useSession((s) => s.settings?.receiptFormat ?? '80mm');
  return (
    <PdfDialog<SaleDocumentFormat>
      title={t('sales.reprint.creditNoteTitle', { number: creditNote.number })}
      formats={SALE_DOCUMENT_FORMATS.map((value) => ({
        value,
        label: t(`sales.reprint.${value}`),
      }))}
      initial={preferred}
      load={async (format) =>
        (await callOrToast('documents.saleReturn', { returnId: creditNote.id, format }))?.pdf
      }
      onClose={onClose}
    />
  );
}
