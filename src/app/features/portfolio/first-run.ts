// First run: the portfolio reaches a device only through the signed-in sync pull (complex, pand
// and verblijfsobject records of the user's own organisation); nothing of it is readable before
// sign-in. This module only derives what to tell the user from what the device holds, the
// session, the connection and the sync loop, so every screen says the same.
import type { PortfolioInfo } from '../../db/index.ts';
import type { SyncProblem, SyncStatus } from '../../sync/engine.ts';

export type FirstRunState =
  | { phase: 'checking' }
  /** The device has a portfolio (from an earlier visit). */
  | { phase: 'present'; info: PortfolioInfo }
  /** No portfolio and nobody signed in (or the token expired): sign in first. */
  | { phase: 'sign-in' }
  | { phase: 'offline' }
  /** Signed in and online: the sync pull is bringing the portfolio. */
  | { phase: 'fetching' }
  /** The portfolio arrived while this page was open. */
  | { phase: 'imported'; info: PortfolioInfo }
  /** `network`: the server could not be reached (as opposed to answering with an error). */
  | { phase: 'failed'; problem: SyncProblem; network: boolean };

export interface FirstRunInputs {
  /** What the device holds; 'loading' until read. */
  info: PortfolioInfo | undefined | 'loading';
  /** The session has been read from storage. */
  sessionLoaded: boolean;
  /** A usable token: sync can pull. */
  signedIn: boolean;
  online: boolean;
  sync: SyncStatus | undefined;
  /** This page saw the device without a portfolio, so its arrival is news. */
  arrivedHere: boolean;
}

export function firstRunState(inputs: FirstRunInputs): FirstRunState {
  const { info, sync } = inputs;
  if (info === 'loading') return { phase: 'checking' };
  if (info) {
    if (!inputs.arrivedHere) return { phase: 'present', info };
    // A first pull comes in pages: the counts are final once the cycle is over.
    return sync?.running ? { phase: 'fetching' } : { phase: 'imported', info };
  }
  if (!inputs.sessionLoaded) return { phase: 'checking' };
  if (!inputs.signedIn) return { phase: 'sign-in' };
  if (!inputs.online) return { phase: 'offline' };
  if (sync?.problem && !sync.running) {
    return { phase: 'failed', problem: sync.problem, network: sync.problem.kind === 'network' };
  }
  return { phase: 'fetching' };
}
