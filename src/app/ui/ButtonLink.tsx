import type { AnchorHTMLAttributes, ComponentChildren } from 'preact';

type ButtonLinkProps = AnchorHTMLAttributes<HTMLAnchorElement> & {
  href: string;
  variant?: 'primary' | 'secondary' | 'plain';
  children: ComponentChildren;
};

/** A link that looks and feels like a button: same 48 px target, still a real link (new tab, back). */
export function ButtonLink({
  variant = 'secondary',
  children,
  class: className,
  ...rest
}: ButtonLinkProps) {
  return (
    <a {...rest} class={['btn', `btn-${variant}`, className].filter(Boolean).join(' ')}>
      {children}
    </a>
  );
}
