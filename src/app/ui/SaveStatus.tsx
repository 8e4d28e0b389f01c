export type SaveState = 'idle' | 'pending' | 'saving' | 'saved' | 'error';

interface SaveStatusProps {
  state: SaveState;
  /** Texts per state (from the caller's catalogue); 'idle' shows nothing. */
  labels: Record<Exclude<SaveState, 'idle'>, string>;
  testId?: string;
}

/**
 * Says whether what the user entered is on disk. "Saved" appears only after the storage promise
 * resolved, so the words can be trusted.
 */
export function SaveStatus({ state, labels, testId }: SaveStatusProps) {
  return (
    <span class={`save-status is-${state}`} aria-live="polite" data-testid={testId}>
      {state === 'idle' ? '' : labels[state]}
    </span>
  );
}
