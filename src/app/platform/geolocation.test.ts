import { afterEach, describe, expect, it, vi } from 'vitest';
import { createGeolocator, LOCATION_SHARING_KEY } from './geolocation.ts';

type Answer =
  | { position: { latitude: number; longitude: number; accuracy: number } }
  | { error: number }
  | 'never';

/** A navigator.geolocation that answers as the test says and records how it was asked. */
function fakeGeolocation(answer: Answer) {
  const calls: (PositionOptions | undefined)[] = [];
  const geolocation = {
    getCurrentPosition(
      success: PositionCallback,
      failure?: PositionErrorCallback | null,
      options?: PositionOptions,
    ) {
      calls.push(options);
      if (answer === 'never') return;
      if ('error' in answer) {
        failure?.({ code: answer.error, message: '' } as GeolocationPositionError);
        return;
      }
      success({ coords: answer.position, timestamp: 0 } as unknown as GeolocationPosition);
    },
  } as unknown as Geolocation;
  return { geolocation, calls };
}

function memoryStorage() {
  const values = new Map<string, string>();
  return {
    getItem: (key: string) => values.get(key) ?? null,
    setItem: (key: string, value: string) => void values.set(key, value),
  };
}

const AMSTERDAM = { latitude: 52.37, longitude: 4.89, accuracy: 8 };

afterEach(() => {
  vi.useRealTimers();
});

describe('geolocator', () => {
  it('returns the position with its accuracy, asking for high accuracy with a timeout', async () => {
    const { geolocation, calls } = fakeGeolocation({ position: AMSTERDAM });
    const locator = createGeolocator({ geolocation, storage: memoryStorage() });

    expect(await locator.currentPosition({ timeoutMs: 5000 })).toEqual({
      lat: 52.37,
      lon: 4.89,
      accuracyM: 8,
    });
    expect(calls[0]).toMatchObject({ enableHighAccuracy: true, timeout: 5000 });
    expect(locator.sharing()).toBe('allowed');
  });

  it('answers null when the user denies, remembers it, and does not ask again', async () => {
    const storage = memoryStorage();
    const { geolocation, calls } = fakeGeolocation({ error: 1 });
    const locator = createGeolocator({ geolocation, storage });

    expect(await locator.currentPosition()).toBeNull();
    expect(locator.sharing()).toBe('declined');
    expect(storage.getItem(LOCATION_SHARING_KEY)).toBe('declined');

    // A new page load (new geolocator) still knows the answer.
    const later = createGeolocator({ geolocation, storage });
    expect(await later.currentPosition()).toBeNull();
    expect(calls).toHaveLength(1);
  });

  it('answers null on a timeout or unavailable position without remembering a refusal', async () => {
    for (const code of [2, 3]) {
      const locator = createGeolocator({
        geolocation: fakeGeolocation({ error: code }).geolocation,
        storage: memoryStorage(),
      });
      expect(await locator.currentPosition()).toBeNull();
      expect(locator.sharing()).toBe('unknown');
    }
  });

  it('gives up with null when the permission prompt is never answered', async () => {
    vi.useFakeTimers();
    const locator = createGeolocator({
      geolocation: fakeGeolocation('never').geolocation,
      storage: memoryStorage(),
    });
    const result = locator.currentPosition({ timeoutMs: 1000 });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(await result).toBeNull();
  });

  it('answers null without asking when the browser already blocks location or has no API', async () => {
    const { geolocation, calls } = fakeGeolocation({ position: AMSTERDAM });
    const blocked = createGeolocator({
      geolocation,
      storage: memoryStorage(),
      permissions: { query: () => Promise.resolve({ state: 'denied' } as PermissionStatus) },
    });
    expect(await blocked.currentPosition()).toBeNull();
    expect(calls).toHaveLength(0);

    expect(await createGeolocator({ storage: memoryStorage() }).currentPosition()).toBeNull();
  });

  it('lets the user turn sharing back on after declining', async () => {
    const { geolocation } = fakeGeolocation({ position: AMSTERDAM });
    const locator = createGeolocator({ geolocation, storage: memoryStorage() });
    locator.setSharing('declined');
    expect(await locator.currentPosition()).toBeNull();
    locator.setSharing('allowed');
    expect(await locator.currentPosition()).toMatchObject({ lat: 52.37 });
  });
});
