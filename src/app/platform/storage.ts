// Adapter around navigator.storage (StorageManager), so the store and the status signal can be
// tested with a fake. Browsers without the API (old Safari, some WebViews) answer "unknown"
// instead of throwing: the app then simply cannot show or check the quota.

export interface StorageEstimate {
  /** Bytes this origin uses. */
  usage: number;
  /** Bytes this origin may use in total. */
  quota: number;
}

export interface DeviceStorage {
  /** Current usage and quota, or undefined when the browser does not say. */
  estimate(): Promise<StorageEstimate | undefined>;
  /** Whether the browser promised not to evict this origin's data under storage pressure. */
  persisted(): Promise<boolean>;
  /** Ask for persistent storage; resolves to whether it is (now) granted. */
  persist(): Promise<boolean>;
}

function storageManager(): StorageManager | undefined {
  return typeof navigator === 'undefined' ? undefined : navigator.storage;
}

export const browserStorage: DeviceStorage = {
  async estimate() {
    const manager = storageManager();
    if (!manager?.estimate) return undefined;
    const { usage, quota } = await manager.estimate();
    if (usage === undefined || quota === undefined) return undefined;
    return { usage, quota };
  },
  async persisted() {
    const manager = storageManager();
    return manager?.persisted ? manager.persisted() : false;
  },
  async persist() {
    const manager = storageManager();
    return manager?.persist ? manager.persist() : false;
  },
};

/** A controllable DeviceStorage for tests and benchmarks: usage grows as the caller reports. */
export function fixedStorage(
  estimate: StorageEstimate | undefined,
  persisted = false,
): DeviceStorage {
  let granted = persisted;
  return {
    estimate: () => Promise.resolve(estimate && { ...estimate }),
    persisted: () => Promise.resolve(granted),
    persist: () => {
      granted = true;
      return Promise.resolve(granted);
    },
  };
}
