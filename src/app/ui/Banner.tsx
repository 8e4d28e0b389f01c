import type { ComponentChildren } from 'preact';

export type Tone = 'info' | 'ok' | 'warn' | 'error';

interface BannerProps {
  tone?: Tone;
  title?: ComponentChildren;
  children?: ComponentChildren;
  /** Buttons or links shown beside the text. */
  actions?: ComponentChildren;
  /** Errors interrupt (role=alert); everything else is announced politely. */
  live?: boolean;
  testId?: string;
}

/** A message across the content: what happened, what it means, what the user can do. */
export function Banner({
  tone = 'info',
  title,
  children,
  actions,
  live = true,
  testId,
}: BannerProps) {
  const role = !live ? undefined : tone === 'error' ? 'alert' : 'status';
  return (
    <div class={`banner banner-${tone}`} role={role} data-testid={testId}>
      <div class="banner-text">
        {title && <strong class="banner-title">{title}</strong>}
        {children && <div>{children}</div>}
      </div>
      {actions && <div class="banner-actions">{actions}</div>}
    </div>
  );
}
