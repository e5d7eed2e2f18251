import type { FormEvent, ReactNode } from 'react';
import { Button } from '../../components/Button';
import { useT } from '../../i18n';

/** A settings section: its title and intro, its fields, and one Save for them (Enter saves). */
export function SectionForm({
  title,
  intro,
  children,
  dirty,
  saving,
  formError,
  onSave,
  onReset,
  canSave = true,
}: {
  readonly title: string;
  readonly intro?: ReactNode;
  readonly children: ReactNode;
  readonly dirty: boolean;
  readonly saving: boolean;
  readonly formError?: string;
  onSave(): void;
  onReset(): void;
  readonly canSave?: boolean;
}) {
  const t = useT();
  return (
    <form
      className="card stack settings-section"
      aria-label={title}
      noValidate
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        if (canSave) onSave();
      }}
    >
      <header>
        <h2>{title}</h2>
        {intro && <p className="muted section-intro">{intro}</p>}
      </header>
      {children}
      {formError && (
        <p className="field-error" role="alert">
          {formError}
        </p>
      )}
      <footer className="row section-footer">
        {dirty && <span className="muted">{t('settings.unsaved')}</span>}
        <div className="spacer" />
        <Button disabled={!dirty || saving} onClick={onReset}>
          {t('settings.discard')}
        </Button>
        <Button type="submit" variant="primary" disabled={!dirty || saving || !canSave}>
          {saving ? t('common.saving') : t('common.save')}
        </Button>
      </footer>
    </form>
  );
}
