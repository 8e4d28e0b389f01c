// Exponential backoff with full jitter (AWS architecture blog, "Exponential Backoff And Jitter"):
// a random wait between 0 and min(cap, base * 2^attempt), so a hundred tablets coming back online
// at once do not hit the server in lockstep.
export interface BackoffOptions {
  baseMs: number;
  capMs: number;
  /** Returns a number in [0, 1). */
  random: () => number;
}

export const DEFAULT_BACKOFF: Omit<BackoffOptions, 'random'> = {
  baseMs: 2_000,
  capMs: 5 * 60_000,
};

/** Delay before retry number `attempt` (0 = first retry). */
export function backoffDelay(attempt: number, options: BackoffOptions): number {
  const ceiling = Math.min(options.capMs, options.baseMs * 2 ** Math.min(attempt, 30));
  return Math.floor(options.random() * ceiling);
}
