import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes } from 'react';

interface FieldProps {
  readonly label: ReactNode;
  readonly error?: string | null;
  readonly hint?: ReactNode;
}

/**
 * The label names the control; a hint or an error is linked to it with
 * aria-describedby, so a screen reader hears the name, then the help.
 */
function Help({
  id,
  error,
  hint,
}: {
  id: string;
  error?: string | null | undefined;
  hint?: ReactNode;
}) {
  if (error) {
    return (
      <small id={id} className="field-error" role="alert">
        {error}
      </small>
    );
  }
  return hint ? (
    <small id={id} className="muted">
      {hint}
    </small>
  ) : null;
}

export function TextField({
  label,
  error,
  hint,
  className,
  ...input
}: FieldProps & InputHTMLAttributes<HTMLInputElement>) {
  const id = useId();
  const inputId = input.id ?? id;
  const helpId = `${inputId}-help`;
  return (
    <div className={`field ${className ?? ''}`}>
      <label htmlFor={inputId}>
        <span>{label}</span>
      </label>
      <input
        id={inputId}
        className="input"
        aria-invalid={error ? true : undefined}
        aria-describedby={error || hint ? helpId : undefined}
        {...input}
      />
      <Help id={helpId} error={error} hint={hint} />
    </div>
  );
}

export function SelectField({
  label,
  error,
  hint,
  children,
  className,
  ...select
}: FieldProps & SelectHTMLAttributes<HTMLSelectElement> & { children: ReactNode }) {
  const id = useId();
  const selectId = select.id ?? id;
  const helpId = `${selectId}-help`;
  return (
    <div className={`field ${className ?? ''}`}>
      <label htmlFor={selectId}>
        <span>{label}</span>
      </label>
      <select
        id={selectId}
        className="input"
        aria-invalid={error ? true : undefined}
        aria-describedby={error || hint ? helpId : undefined}
        {...select}
      >
        {children}
      </select>
      <Help id={helpId} error={error} hint={hint} />
    </div>
  );
}

export function CheckField({
  label,
  hint,
  ...input
}: { label: ReactNode; hint?: ReactNode } & InputHTMLAttributes<HTMLInputElement>) {
  const id = useId();
  const helpId = `${input.id ?? id}-help`;
  const check = (
    <label className="check">
      <input type="checkbox" aria-describedby={hint ? helpId : undefined} {...input} />
      <span>{label}</span>
    </label>
  );
  if (!hint) return check;
  return (
    <div className="check-field">
      {check}
      <Help id={helpId} hint={hint} />
    </div>
  );
}
