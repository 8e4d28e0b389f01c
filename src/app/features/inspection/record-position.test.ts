import { describe, expect, it } from 'vitest';
import type { DevicePosition, Geolocator } from '../../platform/geolocation.ts';
import { recordDevicePosition } from './record-position.ts';

function geolocator(position: DevicePosition | null | Error): Geolocator {
  return {
    sharing: () => 'unknown',
    setSharing: () => undefined,
    currentPosition: () =>
      position instanceof Error ? Promise.reject(position) : Promise.resolve(position),
  };
}

function recorder(fail = false) {
  const saved: DevicePosition[] = [];
  return {
    saved,
    save: async (position: DevicePosition) => {
      if (fail) throw new Error('opslag vol');
      saved.push(position);
    },
  };
}

describe('recording where the inspector stood', () => {
  it('stores the position with its accuracy when the device gives one', async () => {
    const target = recorder();
    const here = { lat: 51.92, lon: 4.48, accuracyM: 12 };
    await recordDevicePosition(target.save, geolocator(here));
    expect(target.saved).toEqual([here]);
  });

  it('stores nothing when location is declined or unavailable', async () => {
    const target = recorder();
    await recordDevicePosition(target.save, geolocator(null));
    expect(target.saved).toEqual([]);
  });

  it('never fails the user action when the lookup or the write fails', async () => {
    await expect(
      recordDevicePosition(recorder().save, geolocator(new Error('kapot'))),
    ).resolves.toBeUndefined();
    await expect(
      recordDevicePosition(recorder(true).save, geolocator({ lat: 1, lon: 2, accuracyM: 3 })),
    ).resolves.toBeUndefined();
  });
});
