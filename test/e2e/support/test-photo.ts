// A small photo made in the test, so specs need no image files.
import { encodePng } from '../../support/png.ts';

/** A 64 x 48 gradient PNG; the app's capture pipeline turns it into a JPEG. */
export function testPhoto(): Buffer {
  const width = 64;
  const height = 48;
  const data = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) data.set([x * 4, y * 5, 160, 255], (y * width + x) * 4);
  return encodePng({ width, height, data });
}
