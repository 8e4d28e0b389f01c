import { signal } from '@preact/signals';

/** Number of local changes not yet confirmed by the server (the outbox size). */
export const pendingChanges = signal(0);
