import { signal } from '@preact/signals';
import type { Connectivity } from '../platform/connectivity.ts';

/** Whether the device believes it has a network; the header shows it. */
export const online = signal(true);

export function trackConnectivity(connectivity: Connectivity): () => void {
  online.value = connectivity.isOnline();
  return connectivity.subscribe((value) => {
    online.value = value;
  });
}
