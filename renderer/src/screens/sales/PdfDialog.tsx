import { useEffect, useRef, useState } from 'react';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { useT } from '../../i18n';
import { pdfUrl } from './pdf-url';

export interface PdfFormat<F extends string> {
  readonly value: F;
  readonly label: string;
}

/**
 * A PDF from the documents channels, shown in an iframe (blob: URL) with a
 * choice of format and a Print button that prints what is shown.
 */
export function PdfDialog<F extends string>({
  title,
  formats,
  initial,
  load,
  onClose,
}: {
  title: string;
  formats: readonly PdfFormat<F>[];
  initial: F;
  /** The PDF as base64, or undefined when it could not be made (the caller says why). */
  load(format: F): Promise<string | undefined>;
  onClose(): void;
}) {
  const t = useT();
  const frame = useRef<HTMLIFrameElement>(null);
  const [format, setFormat] = useState<F>(initial);
  const [shown, setShown] = useState<{ format: F; url: string | null } | null>(null);
  const loadRef = useRef(load);
  useEffect(() => {
    loadRef.current = load;
  });

  useEffect(() => {
    let live = true;
    let url: string | null = null;
    void loadRef.current(format).then((base64) => {
      if (!live) return;
      url = base64 ? pdfUrl(base64) : null;
      setShown({ format, url });
    });
    return () => {
      live = false;
      if (url) URL.revokeObjectURL(url);
    };
  }, [format]);

  const ready = shown?.format === format ? shown : null;

  return (
    <Dialog
      title={title}
      wide
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>{t('common.close')}</Button>
          <Button
            variant="primary"
            disabled={!ready?.url}
            onClick={() => frame.current?.contentWindow?.print()}
          >
            {t('common.print')}
          </Button>
        </>
      }
    >
      <div className="pdf-dialog stack">
        {formats.length > 1 && (
          <div className="cs-segmented" role="radiogroup" aria-label={t('sales.reprint.format')}>
            {formats.map((f) => (
              <button
                key={f.value}
                type="button"
                role="radio"
                aria-checked={format === f.value}
                className={`btn ${format === f.value ? 'selected' : ''}`}
                onClick={() => setFormat(f.value)}
              >
                {f.label}
              </button>
            ))}
          </div>
        )}
        {ready?.url ? (
          <iframe ref={frame} className="pdf-frame" src={ready.url} title={title} />
        ) : (
          <p className="pdf-frame pdf-placeholder muted" aria-busy={!ready}>
            {ready ? t('sales.reprint.failed') : t('sales.reprint.loading')}
          </p>
        )}
      </div>
    </Dialog>
  );
}
