import { CASH_REPORT_FORMATS, type CashReportFormat } from '../../../../core/api/areas/documents';
import { callOrToast } from '../../api/use-call';
import { useT } from '../../i18n';
import { useSession } from '../../state/session';
import { PdfDialog } from '../sales/PdfDialog';

/** A session's X or Z report as PDF (80 mm roll or A4), to look at and print. */
export function CashReportPdf({ sessionId, onClose }: { sessionId: string; onClose(): void }) {
  const t = useT();
  const receipt = useSession((s) => s.settings?.receiptFormat);
  return (
    <PdfDialog<CashReportFormat>
      title={t('cash.pdf.title')}
      formats={CASH_REPORT_FORMATS.map((value) => ({ value, label: t(`sales.reprint.${value}`) }))}
      initial={receipt === 'A4' ? 'A4' : '80mm'}
      load={async (format) =>
        (await callOrToast('documents.cashReport', { sessionId, format }))?.pdf
      }
      onClose={onClose}
    />
  );
}
