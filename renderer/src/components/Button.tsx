import type { ButtonHTMLAttributes, ReactNode } from 'react';

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  readonly variant?: 'primary' | 'secondary' | 'danger' | 'ghost';
  readonly size?: 'small' | 'normal' | 'large';
  /** A keyboard shortcut shown on the button ("F4"). */
  readonly shortcut?: string;
  readonly children?: ReactNode;
}

export function Button({
  variant = 'secondary',
  size = 'normal',
  shortcut,
  className,
  children,
  type = 'button',
  ...rest
}: ButtonProps) {
  const classes = [
    'btn',
    variant !== 'secondary' && `btn-${variant}`,
    size !== 'normal' && `btn-${size}`,
    className,
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <button type={type} className={classes} {...rest}>
      {children}
      {shortcut && <kbd>{shortcut}</kbd>}
    </button>
  );
}
