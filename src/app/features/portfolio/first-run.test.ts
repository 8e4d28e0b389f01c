import { describe, expect, it } from 'vitest';
import type { SyncStatus } from '../../sync/engine.ts';
import { firstRunState, type FirstRunInputs } from './first-run.ts';

const info = { complexes: 5, panden: 5, dwellings: 242 };

function status(overrides: Partial<SyncStatus> = {}): SyncStatus {
  return {
    running: false,
    step: undefined,
    photos: undefined,
    lastSyncAt: undefined,
    problem: undefined,
    blocked: undefined,
    nextRetryAt: undefined,
    rejected: [],
    refusedPhotos: [],
    corruptPhotos: [],
    ...overrides,
  };
}

const fresh: FirstRunInputs = {
  info: undefined,
  sessionLoaded: true,
  signedIn: false,
  online: true,
  sync: status(),
  arrivedHere: true,
};

describe('first run', () => {
  it('asks for sign-in first: a device without a portfolio gets nothing before it', () => {
    expect(firstRunState(fresh)).toEqual({ phase: 'sign-in' });
    // Also offline: the portfolio only ever comes after signing in.
    expect(firstRunState({ ...fresh, online: false })).toEqual({ phase: 'sign-in' });
  });

  it('says nothing until the device and the session have been read', () => {
    expect(firstRunState({ ...fresh, info: 'loading' })).toEqual({ phase: 'checking' });
    expect(firstRunState({ ...fresh, sessionLoaded: false })).toEqual({ phase: 'checking' });
  });

  it('shows the pull fetching the portfolio once signed in, and the counts once the cycle is over', () => {
    const signedIn = { ...fresh, signedIn: true };
    expect(firstRunState({ ...signedIn, sync: undefined })).toEqual({ phase: 'fetching' });
    expect(firstRunState({ ...signedIn, sync: status({ running: true }) })).toEqual({
      phase: 'fetching',
    });
    // The first pages arrived, the cycle still runs: the counts are not final yet.
    expect(
      firstRunState({
        ...signedIn,
        info: { ...info, dwellings: 40 },
        sync: status({ running: true }),
      }),
    ).toEqual({ phase: 'fetching' });
    expect(firstRunState({ ...signedIn, info })).toEqual({ phase: 'imported', info });
  });

  it('says offline, or why the pull failed, when signed in without a portfolio', () => {
    const signedIn = { ...fresh, signedIn: true };
    expect(firstRunState({ ...signedIn, online: false })).toEqual({ phase: 'offline' });
    const network = { kind: 'network' as const, detail: 'Failed to fetch' };
    expect(firstRunState({ ...signedIn, sync: status({ problem: network }) })).toEqual({
      phase: 'failed',
      problem: network,
      network: true,
    });
    const server = { kind: 'server' as const, detail: 'Interne serverfout' };
    expect(firstRunState({ ...signedIn, sync: status({ problem: server }) })).toMatchObject({
      phase: 'failed',
      network: false,
    });
    // A retry under way shows progress again.
    expect(
      firstRunState({ ...signedIn, sync: status({ problem: server, running: true }) }),
    ).toEqual({ phase: 'fetching' });
  });

  it('stays quiet about a portfolio that was already on the device', () => {
    expect(firstRunState({ ...fresh, info, arrivedHere: false })).toEqual({
      phase: 'present',
      info,
    });
  });
});
