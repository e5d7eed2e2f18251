import { useCallback, useState } from 'react';
import type { CashReport, CashSession } from '../../../../core/api/model';
import { Button } from '../../components/Button';
import { useShortcuts } from '../../components/shortcuts';
import { useI18n, useT } from '../../i18n';
import { useToasts } from '../../state/toasts';
import { CashReportPdf } from './CashReportPdf';
import { CashReportView } from './CashReportView';
import { CloseSession } from './CloseSession';
import { MovementDialog } from './MovementDialog';
import { MovementsList } from './MovementsList';
import { OpenSessionForm } from './OpenSessionForm';
import { ReportDialog } from './ReportDialog';
import { SessionActions } from './SessionActions';
import { SessionHeader } from './SessionHeader';
import { SessionsHistory } from './SessionsHistory';
import { useCashSession } from './useCashSession';
import './cash.css';

type Mode = 'session' | 'moving' | 'counting';

/** #/cash: open a session, move cash in and out, read the X report, count and close. */
export function CashScreen() {
  const t = useT();
  const currency = useI18n((s) => s.currency);
  const push = useToasts((s) => s.push);
  const { session, report, movements, history, reload } = useCashSession();
  const [mode, setMode] = useState<Mode>('session');
  const [closed, setClosed] = useState<CashReport | null>(null);
  const [viewing, setViewing] = useState<CashSession | null>(null);
  const [printing, setPrinting] = useState<string | null>(null);
  const stopViewing = useCallback(() => setViewing(null), []);

  useShortcuts(
    { create: () => setMode('moving') },
    Boolean(session) && mode === 'session' && !viewing && !printing,
  );

  if (session === undefined) return <p className="muted">{t('common.loading')}</p>;

  if (session && mode === 'counting') {
    return (
      <CloseSession
        currency={currency}
        onBack={() => setMode('session')}
        onClosed={(z) => {
          push('success', t('cash.close.done'));
          setClosed(z);
          setMode('session');
          reload();
        }}
      />
    );
  }

  const past = history.filter((s) => s.id !== session?.id);

  return (
    <div className="cash-screen stack">
      <div className="screen-title">
        <h1>{t('cash.title')}</h1>
        <div className="spacer" />
        {session && (
          <SessionActions
            onRefresh={() => reload()}
            onPrint={() => setPrinting(session.id)}
            onMovement={() => setMode('moving')}
            onClose={() => setMode('counting')}
          />
        )}
      </div>

      {closed && (
        <section className="card stack z-report" aria-label={t('cash.z.title')}>
          <CashReportView report={closed} />
          <div className="row">
            <Button onClick={() => setPrinting(closed.session.id)}>
              {t('cash.session.print')}
            </Button>
            {!session && (
              <Button variant="primary" onClick={() => setClosed(null)}>
                {t('cash.z.newSession')}
              </Button>
            )}
          </div>
        </section>
      )}

      {!session && !closed && <OpenSessionForm onOpened={() => reload()} />}

      {session && (
        <>
          <SessionHeader
            session={session}
            expected={report?.cash.expected ?? null}
            movements={movements.length}
          />
          <section className="card">
            {report ? <CashReportView report={report} /> : <p className="muted">…</p>}
          </section>
          <section className="card stack">
            <h2>{t('cash.movements.title')}</h2>
            <MovementsList movements={movements} />
          </section>
        </>
      )}

      <section className="card stack">
        <h2>{t('cash.history.title')}</h2>
        <SessionsHistory sessions={past} onOpen={setViewing} />
      </section>

      {mode === 'moving' && session && (
        <MovementDialog
          onClose={() => setMode('session')}
          onSaved={() => {
            setMode('session');
            reload();
          }}
        />
      )}
      {viewing && <ReportDialog sessionId={viewing.id} onClose={stopViewing} />}
      {printing && <CashReportPdf sessionId={printing} onClose={() => setPrinting(null)} />}
    </div>
  );
}
