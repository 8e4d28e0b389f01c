import type { DevicePosition, Geolocator } from '../../platform/geolocation.ts';

/**
 * Stores where the inspector stood (an inspection's start, a finding) if the user allows
 * location. Runs beside the user's action: a position is a bonus, so it never delays or fails it.
 */
export async function recordDevicePosition(
  save: (position: DevicePosition) => Promise<unknown>,
  geolocator: Geolocator,
): Promise<void> {
  try {
    const position = await geolocator.currentPosition();
    if (position) await save(position);
  } catch {
    // Denied, unavailable or the write failed: the record simply has no position.
  }
}
