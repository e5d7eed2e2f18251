import { useEffect, useRef, type ReactNode } from 'react';

/** Open dialogs, innermost last: Escape closes only the innermost one. */
const openDialogs: symbol[] = [];

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
  const close = useRef(onClose);
  useEffect(() => {
    close.current = onClose;
  });
  // Escape works wherever the focus went (a click on plain text moves it to the page).
  useEffect(() => {
    const me = Symbol('dialog');
    openDialogs.push(me);
    const listener = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && openDialogs.at(-1) === me) {
        event.preventDefault();
        event.stopPropagation();
        close.current();
      }
    };
    document.addEventListener('keydown', listener);
    return () => {
      document.removeEventListener('keydown', listener);
      openDialogs.splice(openDialogs.indexOf(me), 1);
    };
  }, []);
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
        tabIndex={-1}
        onKeyDown={(e) => {
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
