import { useId, type ReactNode } from 'react';
import { useT } from '../i18n';
import { Button } from './Button';
import { Dialog } from './Dialog';

export interface FormDialogProps {
  readonly title: ReactNode;
  readonly wide?: boolean;
  onClose(): void;
  /** Enter in a field or the submit button; the browser's own submission is prevented. */
  onSubmit(): void;
  readonly submitLabel: string;
  /** The submit button's label while busy; "Saving…" unless given. */
  readonly busyLabel?: string;
  readonly busy: boolean;
  /** A destructive step (a void): the submit button says so in red. */
  readonly danger?: boolean;
  /** What leads the footer: a form-wide error or a note. */
  readonly footerStart?: ReactNode;
  readonly formClassName?: string;
  readonly children: ReactNode;
}

/**
 * A dialog around one form: Cancel and the submit button in the footer, the
 * submit button disabled while busy. The app's own validation speaks the UI
 * language, so the browser's (noValidate) stays out of the way.
 */
export function FormDialog({
  title,
  wide,
  onClose,
  onSubmit,
  submitLabel,
  busyLabel,
  busy,
  danger,
  footerStart,
  formClassName,
  children,
}: FormDialogProps) {
  const t = useT();
  const formId = useId();
  return (
    <Dialog
      title={title}
      wide={wide}
      onClose={onClose}
      footer={
        <>
          {footerStart}
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            type="submit"
            form={formId}
            variant={danger ? 'danger' : 'primary'}
            disabled={busy}
          >
            {busy ? (busyLabel ?? t('common.saving')) : submitLabel}
          </Button>
        </>
      }
    >
      <form
        id={formId}
        className={formClassName ? `stack ${formClassName}` : 'stack'}
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          onSubmit();
        }}
      >
        {children}
      </form>
    </Dialog>
  );
}
