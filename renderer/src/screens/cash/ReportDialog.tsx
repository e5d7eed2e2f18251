import { useEffect, useState } from 'react';
import type { CashReport } from '../../../../core/api/model';
import { callOrToast } from '../../api/use-call';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { useT } from '../../i18n';
import { CashReportPdf } from './CashReportPdf';
import { CashReportView } from './CashReportView';

/** A past session's Z report (or the open one's X report), fetched by its id. */
export function ReportDialog({ sessionId, onClose }: { sessionId: string; onClose(): void }) {
  const t = useT();
  const [report, setReport] = useState<CashReport | null>(null);
  const [printing, setPrinting] = useState(false);
  useEffect(() => {
    let live = true;
    void callOrToast('cash.report', { sessionId }).then((value) => {
      if (!live) return;
      if (value) setReport(value);
      else onClose();
    });
    return () => {
      live = false;
    };
  }, [sessionId, onClose]);

  return (
    <>
      <Dialog
        title={
          report
            ? `${t(`cash.report.${report.kind}`)} · ${t('cash.session.number', { number: report.session.number })}`
            : t('common.loading')
        }
        wide
        onClose={onClose}
        footer={
          <>
            <Button onClick={() => setPrinting(true)} disabled={!report}>
              {t('cash.session.print')}
            </Button>
            <Button variant="primary" onClick={onClose} autoFocus>
              {t('common.close')}
            </Button>
          </>
        }
      >
        {report ? (
          <CashReportView report={report} titled={false} />
        ) : (
          <p className="muted">{t('common.loading')}</p>
        )}
      </Dialog>
      {printing && <CashReportPdf sessionId={sessionId} onClose={() => setPrinting(false)} />}
    </>
  );
}
