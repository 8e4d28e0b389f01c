interface ProgressBarProps {
  /** Accessible name, e.g. "Voortgang". */
  label: string;
  /** Undefined shows an indeterminate bar (work of unknown length). */
  value?: number;
  max?: number;
  /** What the bar means in words ("12 van 20 vragen"), shown and announced. */
  valueText?: string;
  testId?: string;
}

/** Progress of long work or of a form; the text says what the bar shows. */
export function ProgressBar({ label, value, max = 100, valueText, testId }: ProgressBarProps) {
  const known = value !== undefined && max > 0;
  const percent = known ? Math.max(0, Math.min(100, (value / max) * 100)) : 0;
  return (
    <div class="progress" data-testid={testId}>
      <div
        class={known ? 'progress-track' : 'progress-track is-indeterminate'}
        role="progressbar"
        aria-label={label}
        aria-valuemin={known ? 0 : undefined}
        aria-valuemax={known ? max : undefined}
        aria-valuenow={known ? value : undefined}
        aria-valuetext={valueText}
      >
        <div class="progress-fill" style={known ? { width: `${percent}%` } : undefined} />
      </div>
      {valueText && <div class="progress-text">{valueText}</div>}
    </div>
  );
}
