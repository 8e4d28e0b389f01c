// Signals behind the durability warnings: when the last backup file was made on this device,
// how old unsynced work may get before the app warns (set once storage has loaded, so the
// shell does not import the database), and a clock that ticks so the warning appears on time.
import { computed, signal } from '@preact/signals';
import { oldestPendingAt } from './sync-status.ts';
import { storageStatus } from './storage-status.ts';

const LAST_BACKUP_KEY = 'schouw.lastBackupAt';

function readLastBackup(): number | undefined {
  try {
    const value = Number(globalThis.localStorage?.getItem(LAST_BACKUP_KEY));
    return Number.isFinite(value) && value > 0 ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Epoch ms of the last backup file made on this device. */
export const lastBackupAt = signal<number | undefined>(readLastBackup());

export function markBackupMade(at: number = Date.now()): void {
  lastBackupAt.value = at;
  try {
    globalThis.localStorage?.setItem(LAST_BACKUP_KEY, String(at));
  } catch {
    // Only the reminder is lost; the backup file itself was made.
  }
}

/** Unsynced work older than this (ms) deserves a warning; undefined until storage loaded. */
export const unsyncedWarningAfterMs = signal<number | undefined>(undefined);

/** Below this many bytes of free quota the app warns that the device is nearly full. */
export const LOW_STORAGE_BYTES = 100 * 1024 * 1024;

export const now = signal(Date.now());

/** Ticks `now` every minute; returns a stop function. */
export function startClock(intervalMs = 60_000): () => void {
  const timer = setInterval(() => {
    now.value = Date.now();
  }, intervalMs);
  return () => clearInterval(timer);
}

/** Age in ms of the oldest unsynced change, when it is past the warning threshold. */
export const unsyncedTooOldMs = computed(() => {
  const oldest = oldestPendingAt.value;
  const threshold = unsyncedWarningAfterMs.value;
  if (oldest === undefined || threshold === undefined) return undefined;
  const age = now.value - oldest;
  return age > threshold ? age : undefined;
});

export const storageLow = computed(() => {
  const available = storageStatus.value?.available;
  return available !== undefined && available < LOW_STORAGE_BYTES;
});
