import { afterEach, describe, expect, it } from 'vitest';
import { storageStatus } from './storage-status.ts';
import { oldestPendingAt } from './sync-status.ts';
import {
  LOW_STORAGE_BYTES,
  now,
  storageLow,
  unsyncedTooOldMs,
  unsyncedWarningAfterMs,
} from './durability.ts';

const DAY = 24 * 60 * 60 * 1000;

describe('durability warnings', () => {
  afterEach(() => {
    oldestPendingAt.value = undefined;
    unsyncedWarningAfterMs.value = undefined;
    storageStatus.value = undefined;
  });

  it('warns only once the oldest unsynced change is older than the threshold', () => {
    unsyncedWarningAfterMs.value = 3 * DAY;
    now.value = 10 * DAY;
    oldestPendingAt.value = 8 * DAY;
    expect(unsyncedTooOldMs.value).toBeUndefined();
    now.value = 11 * DAY + 1;
    expect(unsyncedTooOldMs.value).toBe(3 * DAY + 1);
    oldestPendingAt.value = undefined;
    expect(unsyncedTooOldMs.value).toBeUndefined();
  });

  it('does not warn before the threshold is known', () => {
    now.value = 100 * DAY;
    oldestPendingAt.value = 0;
    expect(unsyncedTooOldMs.value).toBeUndefined();
  });

  it('calls storage low when less than the reserve is left, and not when unknown', () => {
    expect(storageLow.value).toBe(false);
    storageStatus.value = {
      usage: 1,
      quota: LOW_STORAGE_BYTES,
      available: LOW_STORAGE_BYTES - 1,
      persisted: true,
    };
    expect(storageLow.value).toBe(true);
    storageStatus.value = {
      usage: 1,
      quota: 10 * LOW_STORAGE_BYTES,
      available: 9 * LOW_STORAGE_BYTES,
      persisted: true,
    };
    expect(storageLow.value).toBe(false);
  });
});
