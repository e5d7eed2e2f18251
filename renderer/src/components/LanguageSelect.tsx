import { useI18n, useT, type Language } from '../i18n';

/**
 * Español / English. On every screen, including first run and login: an
 * installer who reads English must be able to set the shop up in English.
 */
export function LanguageSelect({ className }: { className?: string }) {
  const t = useT();
  const language = useI18n((s) => s.language);
  const setLanguage = useI18n((s) => s.setLanguage);
  return (
    <select
      className={className}
      aria-label={t('common.language')}
      value={language}
      onChange={(e) => setLanguage(e.target.value as Language)}
    >
      <option value="es">{t('common.spanish')}</option>
      <option value="en">{t('common.english')}</option>
    </select>
  );
}
