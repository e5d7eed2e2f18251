import { useEffect, useState } from 'react';
import type { CertificateInfo } from '../../../../core/api/model';
import { callOrToast } from '../../api/use-call';
import { TextField } from '../../components/Field';
import { dateTime, useT } from '../../i18n';
import { useToasts } from '../../state/toasts';
import { readFileBase64 } from '../products/import-issues';

/** The expiry warning SUNAT's rejections make necessary: 30 days ahead, and once expired. */
function ExpiryNotice({ info }: { readonly info: CertificateInfo }) {
  const t = useT();
  const { state, daysLeft } = info.expiry;
  if (state === 'VALID') return null;
  const text =
    state === 'EXPIRING'
      ? t('settings.einvoice.expiring', { days: String(daysLeft) })
      : state === 'EXPIRED'
        ? t('settings.einvoice.expired')
        : t('settings.einvoice.notYetValid');
  return (
    <p className="notice warning" role="alert">
      {text}
    </p>
  );
}

/**
 * The signing certificate: what is loaded (subject, RUC, expiry) and a form
 * to load another. The file goes to the till as base64; the till seals it and
 * never gives the key or the password back.
 */
export function CertificatePanel() {
  const t = useT();
  const [info, setInfo] = useState<CertificateInfo | null | undefined>(undefined);
  const [file, setFile] = useState<File | null>(null);
  const [keyFile, setKeyFile] = useState<File | null>(null);
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    void callOrToast('einvoice.certificate', {}).then((value) => {
      if (live && value !== undefined) setInfo(value);
    });
    return () => {
      live = false;
    };
  }, []);

  async function load() {
    if (!file) return;
    setBusy(true);
    try {
      const loaded = await callOrToast('einvoice.loadCertificate', {
        file: await readFileBase64(file, () => undefined),
        ...(keyFile ? { keyFile: await readFileBase64(keyFile, () => undefined) } : {}),
        password,
      });
      if (loaded) {
        setInfo(loaded);
        setPassword('');
        useToasts.getState().push('success', t('settings.einvoice.loaded'));
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <section
      className="card stack settings-section"
      aria-label={t('settings.einvoice.certificate')}
    >
      <header>
        <h2>{t('settings.einvoice.certificate')}</h2>
      </header>
      {info === undefined ? (
        <p className="muted" role="status">
          {t('common.loading')}
        </p>
      ) : info === null ? (
        <p className="muted">{t('settings.einvoice.noCertificate')}</p>
      ) : (
        <>
          <dl className="paths" data-testid="certificate-info">
            <dt>{t('settings.einvoice.subject')}</dt>
            <dd>{info.subject}</dd>
            <dt>{t('settings.einvoice.ruc')}</dt>
            <dd className="mono">{info.ruc || '—'}</dd>
            <dt>{t('settings.einvoice.notAfter')}</dt>
            <dd>{dateTime(info.notAfter, 'date')}</dd>
          </dl>
          {info.test && <p className="notice">{t('settings.einvoice.testCertificate')}</p>}
          <ExpiryNotice info={info} />
        </>
      )}
      <div className="grid-2">
        <label className="field">
          <span>{t('settings.einvoice.file')}</span>
          <input
            type="file"
            accept=".pfx,.p12,.pem,.crt,.cer"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        </label>
        <label className="field">
          <span>{t('settings.einvoice.keyFile')}</span>
          <input
            type="file"
            accept=".pem,.key"
            onChange={(e) => setKeyFile(e.target.files?.[0] ?? null)}
          />
        </label>
      </div>
      <TextField
        label={t('settings.einvoice.password')}
        type="password"
        autoComplete="off"
        value={password}
        maxLength={200}
        onChange={(e) => setPassword(e.target.value)}
      />
      <div>
        <button
          type="button"
          className="primary"
          disabled={!file || busy}
          onClick={() => void load()}
        >
          {t('settings.einvoice.load')}
        </button>
      </div>
    </section>
  );
}
