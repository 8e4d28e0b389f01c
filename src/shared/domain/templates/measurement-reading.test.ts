import { describe, expect, it } from 'vitest';
import { readMeasurement } from './measurement-reading.ts';

const galleryWidthCm = { unit: 'cm', min: 0, max: 1000, decimals: 0 };
const doorWidthM = { unit: 'm', min: 0.3, max: 3, decimals: 2 };
const floorHeightM = { unit: 'm', min: 0, max: 200, decimals: 2 };

describe('reading a typed length in the unit that fits', () => {
  it('reads "1,4" for a whole number of cm as 1,4 m = 140 cm', () => {
    expect(readMeasurement(1.4, galleryWidthCm)).toEqual({ value: 140, readAs: 'm' });
    expect(readMeasurement(0.85, galleryWidthCm)).toEqual({ value: 85, readAs: 'm' });
    expect(readMeasurement(140, galleryWidthCm)).toEqual({ value: 140 });
  });

  it('reads "140" for a door width of at most 3 m as 140 cm = 1,4 m', () => {
    expect(readMeasurement(140, doorWidthM)).toEqual({ value: 1.4, readAs: 'cm' });
    expect(readMeasurement(85, doorWidthM)).toEqual({ value: 0.85, readAs: 'cm' });
    expect(readMeasurement(1.4, doorWidthM)).toEqual({ value: 1.4 });
  });

  it('keeps the number as typed when both readings fit or neither does', () => {
    // 140 m is a possible floor height: no guessing.
    expect(readMeasurement(140, floorHeightM)).toEqual({ value: 140 });
    expect(readMeasurement(5000, doorWidthM)).toEqual({ value: 5000 });
    expect(readMeasurement(1.234, galleryWidthCm)).toEqual({ value: 1.234 });
  });
});
