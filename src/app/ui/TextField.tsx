import type { ComponentChildren, TargetedInputEvent } from 'preact';
import { describedBy, Field } from './Field.tsx';
import { typedText } from './typed-text.ts';

interface TextFieldProps {
  id: string;
  label: ComponentChildren;
  hint?: ComponentChildren;
  error?: string | undefined;
  /** 'email' also asks tablets for their e-mail keyboard. */
  type: 'text' | 'email' | 'password';
  value: string;
  onInput: (value: string) => void;
  autoComplete: string;
  /** For addresses and codes: no automatic capitals or spelling corrections. */
  verbatim?: boolean;
}

/** One labelled text input with its hint and error, wired for screen readers. */
export function TextField({
  id,
  label,
  hint,
  error,
  type,
  value,
  onInput,
  autoComplete,
  verbatim = false,
}: TextFieldProps) {
  const common = {
    id,
    class: 'input input-text',
    autoComplete,
    autoCapitalize: verbatim ? 'none' : undefined,
    spellcheck: verbatim ? false : undefined,
    value,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy(id, hint, error),
    onInput: (event: TargetedInputEvent<HTMLInputElement>) =>
      onInput(typedText(event.currentTarget)),
  } as const;
  // One branch per type: Preact types each input type's attributes separately.
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      {type === 'email' ? (
        <input type="email" inputMode="email" {...common} />
      ) : type === 'password' ? (
        <input type="password" {...common} />
      ) : (
        <input type="text" {...common} />
      )}
    </Field>
  );
}
