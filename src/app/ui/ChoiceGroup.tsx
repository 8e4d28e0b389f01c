import type { ComponentChildren } from 'preact';

export interface Choice {
  value: string;
  label: ComponentChildren;
}

interface ChoiceGroupProps {
  name: string;
  legend: ComponentChildren;
  choices: readonly Choice[];
  /** Single: the chosen value; multiple: the chosen values. */
  value: string | readonly string[] | undefined;
  multiple?: boolean;
  onChange: (value: string, checked: boolean) => void;
  disabled?: boolean;
  hint?: ComponentChildren;
  error?: ComponentChildren;
  /** Extra content after the legend (help, markers). */
  children?: ComponentChildren;
  testId?: string;
}

/**
 * Radio buttons or checkboxes as large tiles (whole tile is the target), inside a fieldset so
 * screen readers announce the question with each option.
 */
export function ChoiceGroup({
  name,
  legend,
  choices,
  value,
  multiple = false,
  onChange,
  disabled,
  hint,
  error,
  children,
  testId,
}: ChoiceGroupProps) {
  const chosen = new Set(value === undefined ? [] : typeof value === 'string' ? [value] : value);
  const describedBy =
    [hint ? `${name}-hint` : '', error ? `${name}-error` : ''].filter(Boolean).join(' ') ||
    undefined;
  return (
    <fieldset
      class={error ? 'choice-tiles has-error' : 'choice-tiles'}
      aria-describedby={describedBy}
      data-testid={testId}
    >
      <legend class="field-label">{legend}</legend>
      {hint && (
        <div class="field-hint" id={`${name}-hint`}>
          {hint}
        </div>
      )}
      {children}
      <div class="tiles">
        {choices.map((choice) => {
          const checked = chosen.has(choice.value);
          return (
            <label key={choice.value} class={checked ? 'tile is-checked' : 'tile'}>
              <input
                type={multiple ? 'checkbox' : 'radio'}
                name={name}
                value={choice.value}
                checked={checked}
                disabled={disabled}
                onChange={(event) => onChange(choice.value, event.currentTarget.checked)}
              />
              <span>{choice.label}</span>
            </label>
          );
        })}
      </div>
      {error && (
        <div class="field-error" id={`${name}-error`}>
          {error}
        </div>
      )}
    </fieldset>
  );
}
