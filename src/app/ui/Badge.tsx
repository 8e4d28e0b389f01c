import type { ComponentChildren } from 'preact';
import type { Tone } from './Banner.tsx';

/** A short label in a colour that carries meaning (status, label class); never colour alone. */
export function Badge({
  tone = 'info',
  children,
  testId,
}: {
  tone?: Tone | 'neutral';
  children: ComponentChildren;
  testId?: string;
}) {
  return (
    <span class={`badge badge-${tone}`} data-testid={testId}>
      {children}
    </span>
  );
}
