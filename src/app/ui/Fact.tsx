import type { ComponentChildren } from 'preact';

/** One entry of a `<dl class="facts">`: a label and its value. */
export function Fact({
  label,
  children,
  wide = false,
  testId,
}: {
  label: string;
  children: ComponentChildren;
  /** Spans the whole row (for values longer than a number or a word). */
  wide?: boolean;
  testId?: string;
}) {
  return (
    <div class={wide ? 'facts-wide' : undefined}>
      <dt>{label}</dt>
      <dd data-testid={testId}>{children}</dd>
    </div>
  );
}
