// How much room the device has and whether the browser promised to keep our data, for the
// status bar and the settings page. Read through the DeviceStorage adapter so tests use a fake.
import { signal } from '@preact/signals';
import type { DeviceStorage } from '../platform/storage.ts';

export interface StorageStatus {
  /** Bytes used by this app; undefined when the browser does not say. */
  usage: number | undefined;
  /** Bytes this app may use in total; undefined when unknown. */
  quota: number | undefined;
  /** quota - usage, never negative; undefined when unknown. */
  available: number | undefined;
  /** The browser will not evict our data under storage pressure. */
  persisted: boolean;
}

/** Undefined until the first check has finished. */
export const storageStatus = signal<StorageStatus | undefined>(undefined);

/** Checks usage, quota and persistence once and publishes the result. */
export async function refreshStorageStatus(storage: DeviceStorage): Promise<StorageStatus> {
  const [estimate, persisted] = await Promise.all([
    storage.estimate().catch(() => undefined),
    storage.persisted().catch(() => false),
  ]);
  const status: StorageStatus = {
    usage: estimate?.usage,
    quota: estimate?.quota,
    available: estimate ? Math.max(0, estimate.quota - estimate.usage) : undefined,
    persisted,
  };
  storageStatus.value = status;
  return status;
}

/**
 * Asks the browser to keep our data (unsent inspections must survive storage pressure) and
 * publishes the outcome. Safe to call repeatedly: an existing grant is not asked for again.
 */
export async function requestPersistentStorage(storage: DeviceStorage): Promise<boolean> {
  const already = await storage.persisted().catch(() => false);
  if (!already) await storage.persist().catch(() => false);
  return (await refreshStorageStatus(storage)).persisted;
}

/** Requests persistence, then refreshes the status every `intervalMs`; returns a stop function. */
export function trackStorageStatus(storage: DeviceStorage, intervalMs = 60_000): () => void {
  void requestPersistentStorage(storage);
  const timer = setInterval(() => void refreshStorageStatus(storage), intervalMs);
  return () => clearInterval(timer);
}
