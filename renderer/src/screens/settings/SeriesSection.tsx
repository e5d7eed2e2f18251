import { useEffect, useState } from 'react';
import type { Register, SeriesInfo } from '../../../../core/api/model';
import { CallError, call, callOrToast } from '../../api/use-call';
import { Button } from '../../components/Button';
import { useT } from '../../i18n';
import { useProfile } from '../../state/session';
import { useToasts } from '../../state/toasts';
import { reasonText } from '../../api/field-errors';

/** One series of one register: editable until its first document. */
function SeriesRow({
  register,
  info,
  label,
  onSaved,
}: {
  readonly register: Register;
  readonly info: SeriesInfo;
  readonly label: string;
  onSaved(register: Register): void;
}) {
  const t = useT();
  const toast = useToasts((s) => s.push);
  const [series, setSeries] = useState(info.series);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const used = info.last > 0;

  async function save() {
    setBusy(true);
    try {
      const saved = await call('registers.updateSeries', {
        registerId: register.id,
        documentType: info.documentType,
        ...(info.appliesTo ? { appliesTo: info.appliesTo } : {}),
        series: series.trim().toUpperCase(),
      });
      setError(null);
      toast('success', t('settings.series.saved', { label, series: series.trim().toUpperCase() }));
      onSaved(saved);
    } catch (e) {
      if (!(e instanceof CallError)) throw e;
      setError(reasonText(e.info, 'settings'));
    } finally {
      setBusy(false);
    }
  }

  const inputId = `series-${register.id}-${info.documentType}-${info.appliesTo ?? ''}`;
  return (
    <tr>
      <td>
        <label htmlFor={inputId}>{label}</label>
      </td>
      <td>
        <input
          id={inputId}
          className="input series-input mono"
          value={series}
          disabled={used}
          aria-invalid={error ? true : undefined}
          onChange={(e) => setSeries(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && series !== info.series) void save();
          }}
        />
        {error && <small className="field-error">{error}</small>}
      </td>
      <td className="num">
        {used ? info.last : <span className="muted">{t('settings.series.unused')}</span>}
      </td>
      <td className="actions-col">
        {used ? (
          <span className="muted small">{t('settings.series.locked')}</span>
        ) : (
          <Button disabled={busy || series === info.series} onClick={() => void save()}>
            {t('common.save')}
          </Button>
        )}
      </td>
    </tr>
  );
}

/** Document series per register and document type (registers.list / registers.updateSeries). */
export function SeriesSection() {
  const t = useT();
  const profile = useProfile();
  const [registers, setRegisters] = useState<readonly Register[] | null>(null);

  useEffect(() => {
    void callOrToast('registers.list', {}).then((r) => r && setRegisters(r));
  }, []);

  const label = (type: SeriesInfo['documentType']) =>
    profile?.documentTypes.find((d) => d.type === type)?.label ?? t(`common.documentTypes.${type}`);
  // A credit note's own series names what it corrects: "Nota de crédito (Factura)".
  const rowLabel = (info: SeriesInfo) =>
    info.appliesTo
      ? `${label(info.documentType)} (${label(info.appliesTo)})`
      : label(info.documentType);

  return (
    <section className="card stack settings-section" aria-label={t('settings.series.title')}>
      <header>
        <h2>{t('settings.series.title')}</h2>
        <p className="muted section-intro">{t('settings.series.intro')}</p>
      </header>
      {registers === null ? (
        <p className="muted">{t('common.loading')}</p>
      ) : (
        registers.map((register) => (
          <div key={register.id} className="stack">
            <h3>{t('settings.series.register', { code: register.code, name: register.name })}</h3>
            <table className="table">
              <thead>
                <tr>
                  <th>{t('settings.series.documentType')}</th>
                  <th>{t('settings.series.series')}</th>
                  <th className="num">{t('settings.series.last')}</th>
                  <th className="actions-col" aria-label={t('common.actions')} />
                </tr>
              </thead>
              <tbody>
                {register.series.map((info) => (
                  <SeriesRow
                    key={`${info.documentType}-${info.appliesTo ?? ''}-${info.series}-${info.last}`}
                    register={register}
                    info={info}
                    label={rowLabel(info)}
                    onSaved={(saved) =>
                      setRegisters((all) => all && all.map((r) => (r.id === saved.id ? saved : r)))
                    }
                  />
                ))}
              </tbody>
            </table>
          </div>
        ))
      )}
    </section>
  );
}
