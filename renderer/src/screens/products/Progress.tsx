/** A long operation in progress: a bar with a value (0–1) when known, moving stripes when not. */
export function Progress({ label, value }: { readonly label: string; readonly value?: number }) {
  return (
    <div className="progress" role="status">
      <span>{label}</span>
      <progress max={1} value={value} aria-label={label} />
    </div>
  );
}
