import type { ButtonHTMLAttributes, ComponentChildren } from 'preact';

type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & {
  variant?: 'primary' | 'secondary' | 'danger' | 'plain';
  children: ComponentChildren;
};

/** A large touch target (at least 48 px) for gloved fingers on a tablet. */
export function Button({ variant = 'primary', children, class: className, ...rest }: ButtonProps) {
  return (
    <button
      type="button"
      {...rest}
      class={['btn', `btn-${variant}`, className].filter(Boolean).join(' ')}
    >
      {children}
    </button>
  );
}
