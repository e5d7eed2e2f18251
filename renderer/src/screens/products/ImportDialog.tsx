import { useId, useRef, useState } from 'react';
import type { ImportReport } from '../../../../core/api/model';
import { CallError, call } from '../../api/use-call';
import { shortcutText } from '../../components/shortcuts';
import { Button } from '../../components/Button';
import { CheckField, TextField } from '../../components/Field';
import { Dialog } from '../../components/Dialog';
import { useT } from '../../i18n';
import { errorMessage } from '../../i18n/errors';
import { ImportReportView } from './ImportReportView';
import { Progress } from './Progress';
import { ImportChangesView } from './ImportChangesView';
import { readFileBase64 } from './import-issues';

type Step =
  | { readonly kind: 'pick' }
  | { readonly kind: 'reading'; readonly fraction: number }
  | { readonly kind: 'checking' }
  | { readonly kind: 'preview'; readonly report: ImportReport }
  | { readonly kind: 'importing'; readonly rows: number }
  | { readonly kind: 'done'; readonly report: ImportReport };

/** An IMPORT_HAS_ERRORS refusal carries the full report: show it instead of a sentence. */
function reportOf(error: CallError): ImportReport | null {
  const report = (error.info.details as { report?: ImportReport } | undefined)?.report;
  return report ?? null;
}

/**
 * CSV import in three steps: pick a file (its bytes go to the main process,
 * which finds the encoding), preview it with a dry run that lists every bad
 * row and every change to an existing product (old → new), then import,
 * skipping bad rows, or setting existing products' stock, only when asked to.
 */
export function ImportDialog({ onImported, onClose }: { onImported(): void; onClose(): void }) {
  const t = useT();
  const inputId = useId();
  const fileRef = useRef<HTMLInputElement>(null);
  const [step, setStep] = useState<Step>({ kind: 'pick' });
  const [file, setFile] = useState('');
  const [fileName, setFileName] = useState('');
  const [skipInvalid, setSkipInvalid] = useState(false);
  const [setStock, setSetStock] = useState(false);
  const [stockReason, setStockReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  async function choose(file: File | undefined) {
    if (!file) return;
    setProblem(null);
    setSkipInvalid(false);
    setSetStock(false);
    setStockReason(t('products.import.stockReasonDefault', { name: file.name }));
    setFileName(file.name);
    setStep({ kind: 'reading', fraction: 0 });
    let bytes: string;
    try {
      bytes = await readFileBase64(file, (fraction) => setStep({ kind: 'reading', fraction }));
    } catch {
      setProblem(t('products.import.unreadable'));
      return setStep({ kind: 'pick' });
    }
    setFile(bytes);
    setStep({ kind: 'checking' });
    try {
      const report = await call('products.import', { file: bytes, dryRun: true });
      setStep({ kind: 'preview', report });
    } catch (e) {
      if (!(e instanceof CallError)) throw e;
      setProblem(errorMessage(e.info));
      setStep({ kind: 'pick' });
    }
  }

  async function runImport(rows: number) {
    setProblem(null);
    setStep({ kind: 'importing', rows });
    try {
      const report = await call('products.import', {
        file,
        skipInvalid,
        dryRun: false,
        ...(setStock ? { setStock, stockReason: stockReason.trim() } : {}),
      });
      setStep({ kind: 'done', report });
      onImported();
    } catch (e) {
      if (!(e instanceof CallError)) throw e;
      // The sentence says why nothing was written (and names the checkbox that skips bad rows).
      // The database changed since the preview (that is how rows the preview passed can fail):
      // preview again, so the report and the checkbox count the rows as they are now.
      setProblem(errorMessage(e.info));
      const report = reportOf(e);
      if (report) {
        try {
          const fresh = await call('products.import', { file, dryRun: true });
          return setStep({ kind: 'preview', report: fresh });
        } catch {
          return setStep({ kind: 'preview', report: { ...report, dryRun: true } });
        }
      }
      setStep({ kind: 'pick' });
    }
  }

  const busy = step.kind === 'reading' || step.kind === 'checking' || step.kind === 'importing';
  const preview = step.kind === 'preview' ? step.report : null;
  const importable = preview ? preview.created + preview.updated + preview.unchanged : 0;
  const stockDiffers = preview?.changes.some((change) => change.stock) ?? false;
  const blocked =
    preview !== null &&
    (importable === 0 ||
      (preview.errors.length > 0 && !skipInvalid) ||
      (setStock && stockReason.trim() === ''));

  return (
    <Dialog
      wide
      title={t('products.import.title')}
      onClose={() => !busy && onClose()}
      footer={
        step.kind === 'done' ? (
          <Button variant="primary" onClick={onClose} autoFocus>
            {t('common.close')}
          </Button>
        ) : (
          <>
            <Button onClick={onClose} disabled={busy}>
              {t('common.cancel')}
            </Button>
            {preview && (
              <Button
                variant="primary"
                disabled={blocked}
                onClick={() => void runImport(preview.rows)}
              >
                {preview.errors.length > 0 && skipInvalid
                  ? t('products.import.importValid', { count: importable })
                  : t('products.import.import', { count: importable })}
              </Button>
            )}
          </>
        )
      }
    >
      <div className="stack import-dialog">
        {(step.kind === 'pick' || step.kind === 'preview') && (
          <div className="stack">
            <div className="field">
              <span id={`${inputId}-label`}>{t('products.import.file')}</span>
              <div className="row file-pick">
                {/* The native control speaks the browser's language: ours is a labelled button. */}
                <input
                  id={inputId}
                  ref={fileRef}
                  type="file"
                  accept=".csv,text/csv,text/plain"
                  className="sr-only"
                  aria-labelledby={`${inputId}-label`}
                  tabIndex={-1}
                  onChange={(e) => {
                    void choose(e.target.files?.[0]);
                    e.target.value = '';
                  }}
                />
                <Button
                  variant={step.kind === 'pick' ? 'primary' : 'secondary'}
                  autoFocus
                  onClick={() => fileRef.current?.click()}
                >
                  {step.kind === 'pick'
                    ? t('products.import.choose')
                    : t('products.import.chooseOther')}
                </Button>
                <span className="muted">{fileName || t('products.import.noFile')}</span>
              </div>
            </div>
            {step.kind === 'pick' && (
              <p className="muted import-help">
                {t('products.import.help', { key: shortcutText('create') })}
              </p>
            )}
          </div>
        )}
        {problem && (
          <p className="field-error" role="alert">
            {problem}
          </p>
        )}
        {step.kind === 'reading' && (
          <Progress
            label={t('products.import.reading', { name: fileName })}
            value={step.fraction}
          />
        )}
        {step.kind === 'checking' && (
          <Progress label={t('products.import.checking', { name: fileName })} />
        )}
        {step.kind === 'importing' && (
          <Progress label={t('products.import.importing', { rows: step.rows })} />
        )}
        {preview && (
          <>
            <p className="import-file">
              <strong>{fileName}</strong> ·{' '}
              {preview.errors.length === 0
                ? t('products.import.allGood')
                : t('products.import.someBad', { count: preview.errors.length })}
            </p>
            <ImportReportView report={preview} />
            <ImportChangesView changes={preview.changes} setStock={setStock} />
            {stockDiffers && (
              <div className="stack import-stock">
                <CheckField
                  label={t('products.import.setStock')}
                  checked={setStock}
                  onChange={(e) => setSetStock(e.target.checked)}
                />
                <small className="muted">{t('products.import.setStockHint')}</small>
                {setStock && (
                  <TextField
                    label={t('products.import.stockReason')}
                    value={stockReason}
                    maxLength={300}
                    onChange={(e) => setStockReason(e.target.value)}
                  />
                )}
              </div>
            )}
            {preview.errors.length > 0 && importable > 0 && (
              <CheckField
                label={t('products.import.skipInvalid')}
                checked={skipInvalid}
                onChange={(e) => setSkipInvalid(e.target.checked)}
              />
            )}
          </>
        )}
        {step.kind === 'done' && (
          <>
            <p className="import-file" role="status">
              {t('products.import.done', {
                created: step.report.created,
                updated: step.report.updated,
                unchanged: step.report.unchanged,
                skipped: step.report.skipped,
              })}
            </p>
            <ImportReportView report={step.report} />
            <ImportChangesView changes={step.report.changes} setStock={step.report.setStock} />
          </>
        )}
      </div>
    </Dialog>
  );
}
