import type { ComponentChildren } from 'preact';

interface FieldProps {
  id: string;
  label: ComponentChildren;
  hint?: ComponentChildren;
  error?: ComponentChildren;
  children: ComponentChildren;
}

/** Label, hint and error around one input; the input describes itself with `${id}-hint`/`-error`. */
export function Field({ id, label, hint, error, children }: FieldProps) {
  return (
    <div class={error ? 'field has-error' : 'field'}>
      <label class="field-label" for={id}>
        {label}
      </label>
      {hint && (
        <div class="field-hint" id={`${id}-hint`}>
          {hint}
        </div>
      )}
      {children}
      {error && (
        <div class="field-error" id={`${id}-error`}>
          {error}
        </div>
      )}
    </div>
  );
}

/** The aria-describedby value for an input inside <Field>. */
export function describedBy(id: string, hint: unknown, error: unknown): string | undefined {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}
