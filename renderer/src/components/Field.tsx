import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes } from 'react';

interface FieldProps {
  readonly label: ReactNode;
  readonly error?: string | null;
  readonly hint?: ReactNode;
}

export function TextField({
  label,
  error,
  hint,
  className,
  ...input
}: FieldProps & InputHTMLAttributes<HTMLInputElement>) {
  const id = useId();
  return (
    <label className={`field ${className ?? ''}`} htmlFor={input.id ?? id}>
      <span>{label}</span>
      <input
        id={input.id ?? id}
        className="input"
        aria-invalid={error ? true : undefined}
        {...input}
      />
      {error ? (
        <small className="field-error">{error}</small>
      ) : hint ? (
        <small className="muted">{hint}</small>
      ) : null}
    </label>
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
  return (
    <label className={`field ${className ?? ''}`} htmlFor={select.id ?? id}>
      <span>{label}</span>
      <select
        id={select.id ?? id}
        className="input"
        aria-invalid={error ? true : undefined}
        {...select}
      >
        {children}
      </select>
      {error ? (
        <small className="field-error">{error}</small>
      ) : hint ? (
        <small className="muted">{hint}</small>
      ) : null}
    </label>
  );
}

export function CheckField({
  label,
  ...input
}: { label: ReactNode } & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <label className="check">
      <input type="checkbox" {...input} />
      <span>{label}</span>
    </label>
  );
}
