// Adapter around navigator.geolocation. A position is a bonus, never required: every failure
// (no API, permission denied, no fix in time, the user ignoring the prompt) answers null, and
// a "no" is remembered on this device so the app stops asking.

export interface DevicePosition {
  lat: number;
  lon: number;
  /** Radius of 95% confidence in metres, as the device reports it. */
  accuracyM: number;
}

export type LocationSharing = 'allowed' | 'declined' | 'unknown';

export interface Geolocator {
  /** The user's choice on this device ('unknown' until they made one). */
  sharing(): LocationSharing;
  setSharing(choice: 'allowed' | 'declined'): void;
  /** The current position, or null when declined, unavailable, or not found in time. */
  currentPosition(options?: { timeoutMs?: number }): Promise<DevicePosition | null>;
}

type KeyValue = Pick<Storage, 'getItem' | 'setItem'>;

export interface GeolocatorDeps {
  geolocation?: Geolocation | undefined;
  permissions?: Pick<Permissions, 'query'> | undefined;
  storage?: KeyValue | undefined;
}

export const LOCATION_SHARING_KEY = 'schouw.locationSharing';
export const DEFAULT_POSITION_TIMEOUT_MS = 10_000;
// The API's own timeout only starts once permission is granted; a prompt left unanswered would
// otherwise keep us waiting forever.
const PROMPT_GRACE_MS = 5_000;
const PERMISSION_DENIED = 1;

export function createGeolocator(deps: GeolocatorDeps): Geolocator {
  let remembered: LocationSharing = 'unknown';
  const read = (): LocationSharing => {
    try {
      const stored = deps.storage?.getItem(LOCATION_SHARING_KEY);
      if (stored === 'allowed' || stored === 'declined') return stored;
    } catch {
      // Storage blocked (private mode): keep the choice in memory only.
    }
    return remembered;
  };
  const write = (choice: 'allowed' | 'declined') => {
    remembered = choice;
    try {
      deps.storage?.setItem(LOCATION_SHARING_KEY, choice);
    } catch {
      // see read()
    }
  };

  async function browserDenied(): Promise<boolean> {
    try {
      const status = await deps.permissions?.query({ name: 'geolocation' });
      return status?.state === 'denied';
    } catch {
      return false; // Permissions API missing or does not know 'geolocation'
    }
  }

  return {
    sharing: read,
    setSharing: write,
    async currentPosition(options = {}) {
      const geolocation = deps.geolocation;
      if (read() === 'declined' || !geolocation) return null;
      if (await browserDenied()) return null;
      const timeout = options.timeoutMs ?? DEFAULT_POSITION_TIMEOUT_MS;
      return new Promise<DevicePosition | null>((resolve) => {
        let settled = false;
        const settle = (value: DevicePosition | null) => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          resolve(value);
        };
        const timer = setTimeout(() => settle(null), timeout + PROMPT_GRACE_MS);
        try {
          geolocation.getCurrentPosition(
            ({ coords }) => {
              const { latitude: lat, longitude: lon, accuracy: accuracyM } = coords;
              const valid = [lat, lon, accuracyM].every(Number.isFinite) && accuracyM >= 0;
              if (valid && read() === 'unknown') write('allowed');
              settle(valid ? { lat, lon, accuracyM } : null);
            },
            (error) => {
              if (error.code === PERMISSION_DENIED) write('declined');
              settle(null);
            },
            { enableHighAccuracy: true, timeout, maximumAge: 30_000 },
          );
        } catch {
          settle(null);
        }
      });
    },
  };
}

function safeLocalStorage(): KeyValue | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined; // access itself throws when storage is blocked
  }
}

export const browserGeolocator: Geolocator = createGeolocator({
  geolocation: typeof navigator === 'undefined' ? undefined : navigator.geolocation,
  permissions: typeof navigator === 'undefined' ? undefined : navigator.permissions,
  storage: safeLocalStorage(),
});
