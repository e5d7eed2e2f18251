import { useState } from 'react';
import { RECEIPT_FORMATS, type Settings } from '../../../../core/api/model';
import { parseTypedWhole } from '../../../../core/money/typed';
import { callOrToast } from '../../api/use-call';
import { Button } from '../../components/Button';
import { CheckField, TextField } from '../../components/Field';
import { currentLocale, useT } from '../../i18n';
import { readTyped } from '../../i18n/typed-number';
import { useToasts } from '../../state/toasts';
import { SectionForm } from './SectionForm';
import { useSettingsSection } from './useSettingsSection';

const KEYS = [
  'receiptFormat',
  'receiptFooter',
  'printerName',
  'printerHost',
  'printerPort',
  'autoPrint',
  'openDrawerOnCash',
] as const;

/** The receipt's paper and footer, and the network printer with its cash drawer. */
export function ReceiptSection({ settings }: { readonly settings: Settings }) {
  const t = useT();
  const toast = useToasts((s) => s.push);
  const section = useSettingsSection(settings, KEYS);
  const { draft, set, errors } = section;
  const [testing, setTesting] = useState(false);

  async function testPrint() {
    setTesting(true);
    const job = await callOrToast('printer.test', {});
    setTesting(false);
    if (job) toast('success', t('settings.receipt.testSent', { printer: job.printer }));
  }

  return (
    <SectionForm
      title={t('settings.receipt.title')}
      dirty={section.dirty}
      saving={section.saving}
      formError={errors._form}
      onSave={() => void section.save()}
      onReset={section.reset}
    >
      <fieldset className="field segmented">
        <legend>{t('settings.receipt.format')}</legend>
        <div className="row">
          {RECEIPT_FORMATS.map((f) => (
            <label key={f} className="check">
              <input
                type="radio"
                name="receiptFormat"
                checked={draft.receiptFormat === f}
                onChange={() => set('receiptFormat', f)}
              />
              <span>{t(`settings.receipt.formats.${f}`)}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <label className="field">
        <span>{t('settings.receipt.footer')}</span>
        <textarea
          className="input footer-input"
          rows={2}
          value={draft.receiptFooter}
          aria-invalid={errors.receiptFooter ? true : undefined}
          onChange={(e) => set('receiptFooter', e.target.value)}
        />
        {errors.receiptFooter ? (
          <small className="field-error">{errors.receiptFooter}</small>
        ) : (
          <small className="muted">{t('settings.receipt.footerHint')}</small>
        )}
      </label>
      <h3>{t('settings.receipt.printer')}</h3>
      <div className="printer-grid">
        <TextField
          label={t('settings.receipt.printerName')}
          value={draft.printerName}
          error={errors.printerName}
          hint={t('settings.receipt.printerNameHint')}
          onChange={(e) => set('printerName', e.target.value)}
        />
        <TextField
          label={t('settings.receipt.printerHost')}
          value={draft.printerHost}
          error={errors.printerHost}
          hint={t('settings.receipt.printerHostHint')}
          onChange={(e) => set('printerHost', e.target.value)}
        />
        <TextField
          label={t('settings.receipt.printerPort')}
          value={String(draft.printerPort)}
          inputMode="numeric"
          error={errors.printerPort}
          onChange={(e) => {
            // A whole number by the typed-number rules; anything else keeps the last good port.
            const read = readTyped(() => parseTypedWhole(e.target.value || '0', currentLocale()));
            if (read.ok && read.value <= 65_535) set('printerPort', read.value);
          }}
        />
      </div>
      <div className="row">
        <CheckField
          label={t('settings.receipt.autoPrint')}
          checked={draft.autoPrint}
          onChange={(e) => set('autoPrint', e.target.checked)}
        />
        <CheckField
          label={t('settings.receipt.openDrawer')}
          checked={draft.openDrawerOnCash}
          onChange={(e) => set('openDrawerOnCash', e.target.checked)}
        />
        <div className="spacer" />
        <Button
          disabled={testing || section.dirty || settings.printerHost === ''}
          title={section.dirty ? t('settings.receipt.saveBeforeTest') : undefined}
          onClick={() => void testPrint()}
        >
          {testing ? t('settings.receipt.testing') : t('settings.receipt.test')}
        </Button>
      </div>
    </SectionForm>
  );
}
