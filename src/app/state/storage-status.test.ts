import { describe, expect, it } from 'vitest';
import { fixedStorage, type DeviceStorage } from '../platform/storage.ts';
import { refreshStorageStatus, requestPersistentStorage, storageStatus } from './storage-status.ts';

describe('storage status', () => {
  it('publishes usage, quota, what is left and whether storage is persistent', async () => {
    await refreshStorageStatus(fixedStorage({ usage: 300, quota: 1_000 }, true));
    expect(storageStatus.value).toEqual({
      usage: 300,
      quota: 1_000,
      available: 700,
      persisted: true,
    });
  });

  it('asks for persistent storage once and reports the answer', async () => {
    let asked = 0;
    const base = fixedStorage({ usage: 0, quota: 10 });
    const storage: DeviceStorage = {
      ...base,
      persist: () => {
        asked += 1;
        return base.persist();
      },
    };
    expect(await requestPersistentStorage(storage)).toBe(true);
    expect(await requestPersistentStorage(storage)).toBe(true);
    expect(asked).toBe(1);
    expect(storageStatus.value?.persisted).toBe(true);
  });

  it('says "unknown" instead of failing when the browser has no storage estimate', async () => {
    const storage: DeviceStorage = {
      estimate: () => Promise.reject(new Error('not supported')),
      persisted: () => Promise.resolve(false),
      persist: () => Promise.resolve(false),
    };
    await refreshStorageStatus(storage);
    expect(storageStatus.value).toEqual({
      usage: undefined,
      quota: undefined,
      available: undefined,
      persisted: false,
    });
  });
});
