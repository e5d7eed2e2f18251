import { useEffect, useRef, type ReactNode } from 'react';

export interface DialogProps {
  readonly title: ReactNode;
  readonly children: ReactNode;
  readonly footer?: ReactNode;
  readonly wide?: boolean;
  onClose(): void;
}

/**
 * A modal for deliberate steps (payment, voids). Escape closes it, focus
 * returns to where it was, and Tab stays inside while it is open.
 */
export function Dialog({ title, children, footer, wide, onClose }: DialogProps) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    const node = ref.current;
    if (node && !node.contains(document.activeElement)) {
      node.querySelector<HTMLElement>('[autofocus], input, select, textarea, button')?.focus();
    }
    return () => previous?.focus?.();
  }, []);
  return (
    <div
      className="backdrop"
      onMouseDown={(e) => {
        if (e.target === e.currentTarget) onClose();
      }}
    >
      <div
        ref={ref}
        className={`dialog ${wide ? 'dialog-wide' : ''}`}
        role="dialog"
        aria-modal="true"
        aria-label={typeof title === 'string' ? title : undefined}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.stopPropagation();
            onClose();
          }
          if (e.key === 'Tab' && ref.current) {
            const focusable = [
              ...ref.current.querySelectorAll<HTMLElement>(
                'button, input, select, textarea, [tabindex]',
              ),
            ].filter((el) => !el.hasAttribute('disabled') && el.tabIndex >= 0);
            const first = focusable[0];
            const last = focusable.at(-1);
            if (e.shiftKey && document.activeElement === first) {
              e.preventDefault();
              last?.focus();
            } else if (!e.shiftKey && document.activeElement === last) {
              e.preventDefault();
              first?.focus();
            }
          }
        }}
      >
        <header>
          <h2>{title}</h2>
        </header>
        <div className="dialog-body">{children}</div>
        {footer && <footer>{footer}</footer>}
      </div>
    </div>
  );
}
