import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildExifSegment,
  insertSegment,
  type ExifContent,
} from '../../../test/e2e/harness/exif-writer.ts';
import { downscaleSteps, fitWithin, PHOTO_LONG_SIDE, readExifGps } from './image-processing.ts';

/** A minimal JPEG shell (SOI, an APP0, SOS, EOI); only its headers matter to the parser. */
function jpegWith(content?: ExifContent): ArrayBuffer {
  const shell = Uint8Array.from([
    0xff, 0xd8, 0xff, 0xe0, 0x00, 0x04, 0x00, 0x00, 0xff, 0xda, 0x00, 0x02, 0xff, 0xd9,
  ]);
  const bytes = content ? insertSegment(shell, buildExifSegment(content)) : shell;
  return bytes.slice().buffer;
}

describe('fitWithin', () => {
  it('shrinks a 4000×3000 landscape photo to 1600×1200', () => {
    expect(fitWithin(4000, 3000, 1600)).toEqual({ width: 1600, height: 1200 });
  });

  it('shrinks a portrait photo by its height', () => {
    expect(fitWithin(3024, 4032, 1600)).toEqual({ width: 1200, height: 1600 });
  });

  it('never enlarges a photo that is already small enough', () => {
    expect(fitWithin(800, 600, 1600)).toEqual({ width: 800, height: 600 });
    expect(fitWithin(1600, 900, 1600)).toEqual({ width: 1600, height: 900 });
  });

  it('keeps a very thin panorama at least one pixel high', () => {
    expect(fitWithin(20_000, 3, 1600)).toEqual({ width: 1600, height: 1 });
  });

  it('rejects sizes that are not positive numbers', () => {
    expect(() => fitWithin(0, 100, 1600)).toThrow(RangeError);
    expect(() => fitWithin(100, Number.NaN, 1600)).toThrow(RangeError);
    expect(() => fitWithin(100, 100, -1)).toThrow(RangeError);
  });

  it('for any photo: the long side is min(original, limit), the aspect ratio is kept and nothing grows', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12_000 }),
        fc.integer({ min: 1, max: 12_000 }),
        fc.integer({ min: 16, max: 4000 }),
        (width, height, limit) => {
          const size = fitWithin(width, height, limit);
          expect(Math.max(size.width, size.height)).toBe(Math.min(Math.max(width, height), limit));
          expect(size.width).toBeLessThanOrEqual(width);
          expect(size.height).toBeLessThanOrEqual(height);
          expect(size.width).toBeGreaterThanOrEqual(1);
          expect(size.height).toBeGreaterThanOrEqual(1);
          // Rounding to whole pixels moves the short side by at most one pixel.
          const exactShort =
            (Math.min(width, height) * Math.max(size.width, size.height)) / Math.max(width, height);
          expect(Math.abs(Math.min(size.width, size.height) - exactShort)).toBeLessThanOrEqual(1);
        },
      ),
    );
  });
});

describe('downscaleSteps', () => {
  it('halves a big photo until one last step of at most 2× remains', () => {
    expect(downscaleSteps({ width: 4000, height: 3000 }, { width: 240, height: 180 })).toEqual([
      { width: 2000, height: 1500 },
      { width: 1000, height: 750 },
      { width: 500, height: 375 },
      { width: 250, height: 188 },
      { width: 240, height: 180 },
    ]);
  });

  it('draws once when the photo is at most twice the target', () => {
    const to = fitWithin(3000, 2000, PHOTO_LONG_SIDE);
    expect(downscaleSteps({ width: 3000, height: 2000 }, to)).toEqual([to]);
    expect(downscaleSteps({ width: 800, height: 600 }, { width: 800, height: 600 })).toEqual([
      { width: 800, height: 600 },
    ]);
  });
});

describe('readExifGps', () => {
  it('reads latitude, longitude and accuracy written by a camera (little-endian)', () => {
    const gps = readExifGps(
      jpegWith({ orientation: 6, gps: { lat: 52.370216, lon: 4.895168, accuracyM: 4.5 } }),
    );
    expect(gps?.lat).toBeCloseTo(52.370216, 5);
    expect(gps?.lon).toBeCloseTo(4.895168, 5);
    expect(gps?.accuracyM).toBe(4.5);
  });

  it('reads big-endian EXIF and gives southern and western positions a minus sign', () => {
    const gps = readExifGps(
      jpegWith({ littleEndian: false, gps: { lat: -33.8688, lon: -70.6693 } }),
    );
    expect(gps?.lat).toBeCloseTo(-33.8688, 4);
    expect(gps?.lon).toBeCloseTo(-70.6693, 4);
    expect(gps).not.toHaveProperty('accuracyM');
  });

  it('answers null for a photo without EXIF, with EXIF but no GPS, or that is not a JPEG', () => {
    expect(readExifGps(jpegWith())).toBeNull();
    expect(readExifGps(jpegWith({ orientation: 3 }))).toBeNull();
    expect(readExifGps(Uint8Array.from([0x89, 0x50, 0x4e, 0x47]).buffer)).toBeNull();
    expect(readExifGps(new ArrayBuffer(0))).toBeNull();
  });

  it('answers null instead of throwing for truncated EXIF', () => {
    const whole = new Uint8Array(jpegWith({ gps: { lat: 52, lon: 5 } }));
    for (const cut of [6, 12, 20, 40, 60, 90]) {
      expect(readExifGps(whole.slice(0, cut).buffer)).toBeNull();
    }
  });

  it('answers null when the camera wrote 0/0 because it had no fix', () => {
    const content: ExifContent = { gps: { lat: 52, lon: 5 } };
    const bytes = new Uint8Array(jpegWith(content));
    expect(readExifGps(bytes.slice().buffer)).not.toBeNull();
    // The segment sits right after SOI; its last four bytes are the last denominator written.
    const segmentEnd = 2 + buildExifSegment(content).length;
    new DataView(bytes.buffer).setUint32(segmentEnd - 4, 0);
    expect(readExifGps(bytes.buffer)).toBeNull();
  });
});
