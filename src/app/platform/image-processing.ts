// Turns a camera photo (often 12+ megapixels, with EXIF) into what Schouw stores: a JPEG (or
// WebP) with the long side about 1600 px plus a ~240 px thumbnail, as ArrayBuffers (Safari
// cannot always store Blob/File in IndexedDB). Pure browser code: no storage here.
//
// Orientation: phones store pixels sideways and put the rotation in the EXIF Orientation tag.
// We decode with `imageOrientation: 'from-image'` (and <img>, which applies it too in current
// browsers), so the rotation is baked into the pixels we draw. Re-encoding through a canvas
// writes no EXIF at all: the GPS position, camera serial and Orientation tag are gone, and the
// photo is still upright everywhere because the pixels themselves are upright.

export const PHOTO_LONG_SIDE = 1600;
export const THUMBNAIL_LONG_SIDE = 240;
export const PHOTO_QUALITY = 0.82;
export const THUMBNAIL_QUALITY = 0.72;

export type EncodedMimeType = 'image/jpeg' | 'image/webp';

export interface EncodedImage {
  data: ArrayBuffer;
  mimeType: EncodedMimeType;
  width: number;
  height: number;
}

/** Where a photo was taken according to its EXIF GPS tags. */
export interface ExifGps {
  lat: number;
  lon: number;
  /** GPSHPositioningError in metres, when the camera wrote it. */
  accuracyM?: number;
}

export interface ProcessedPhoto extends EncodedImage {
  thumbnail: EncodedImage;
  /** EXIF GPS of the original; only read when the caller asked for it (location consent). */
  gps: ExifGps | null;
}

export type ProcessingStage = 'decoding' | 'resizing' | 'encoding';

export interface ProcessOptions {
  longSide?: number;
  thumbnailLongSide?: number;
  quality?: number;
  /** WebP is smaller but not every PDF/report tool reads it; falls back to JPEG when unsupported. */
  format?: 'jpeg' | 'webp';
  /** Read the original's EXIF GPS position (only with the user's consent to share location). */
  readGps?: boolean;
  onProgress?: (stage: ProcessingStage) => void;
}

/** The photo could not be decoded (not an image, or a format this browser cannot read). */
export class UnreadableImageError extends Error {
  constructor(options?: { cause?: unknown }) {
    super('The file is not an image this browser can read.', options);
    this.name = 'UnreadableImageError';
  }
}

export interface Size {
  width: number;
  height: number;
}

/**
 * The size that fits `longSide` on the longer edge, keeping the aspect ratio; never enlarges.
 * Both sides are whole pixels, at least 1.
 */
export function fitWithin(width: number, height: number, longSide: number): Size {
  for (const value of [width, height, longSide])
    if (!Number.isFinite(value) || value <= 0) throw new RangeError(`Invalid size: ${value}`);
  const w = Math.round(width);
  const h = Math.round(height);
  const longest = Math.max(w, h);
  if (longest <= longSide) return { width: w, height: h };
  const scale = longSide / longest;
  return w >= h
    ? { width: Math.round(longSide), height: Math.max(1, Math.round(h * scale)) }
    : { width: Math.max(1, Math.round(w * scale)), height: Math.round(longSide) };
}

/**
 * Sizes to draw through when shrinking: halving steps until one last step of at most 2x.
 * One big drawImage step aliases in browsers whose "high" smoothing is only bilinear.
 */
export function downscaleSteps(from: Size, to: Size): Size[] {
  const steps: Size[] = [];
  let current = from;
  while (current.width > to.width * 2 && current.height > to.height * 2) {
    current = { width: Math.ceil(current.width / 2), height: Math.ceil(current.height / 2) };
    steps.push(current);
  }
  steps.push(to);
  return steps;
}

// ---------------------------------------------------------------- EXIF GPS (small on purpose)

/** Reads GPS latitude/longitude from a JPEG's EXIF; null when absent or malformed. */
export function readExifGps(jpeg: ArrayBuffer): ExifGps | null {
  try {
    const tiff = findExifTiff(new DataView(jpeg));
    return tiff ? gpsFromTiff(tiff) : null;
  } catch {
    // A truncated or odd EXIF block is simply "no position"; the photo itself is fine.
    return null;
  }
}

function findExifTiff(view: DataView): DataView | null {
  if (view.byteLength < 4 || view.getUint16(0) !== 0xffd8) return null;
  let offset = 2;
  while (offset + 4 <= view.byteLength) {
    if (view.getUint8(offset) !== 0xff) return null;
    const marker = view.getUint8(offset + 1);
    if (marker === 0xff) {
      offset += 1; // fill byte
      continue;
    }
    if (marker === 0xda || marker === 0xd9) return null; // image data starts: no EXIF before it
    const length = view.getUint16(offset + 2);
    if (marker === 0xe1 && isExifHeader(view, offset + 4)) {
      const start = offset + 10;
      const size = Math.min(length - 8, view.byteLength - start);
      return new DataView(view.buffer, view.byteOffset + start, size);
    }
    offset += 2 + length;
  }
  return null;
}

function isExifHeader(view: DataView, at: number): boolean {
  // "Exif\0\0"
  return (
    at + 6 <= view.byteLength &&
    view.getUint32(at) === 0x45786966 &&
    view.getUint16(at + 4) === 0x0000
  );
}

const GPS_IFD_POINTER = 0x8825;
const GPS_LATITUDE_REF = 1;
const GPS_LATITUDE = 2;
const GPS_LONGITUDE_REF = 3;
const GPS_LONGITUDE = 4;
const GPS_H_POSITIONING_ERROR = 31;

function gpsFromTiff(tiff: DataView): ExifGps | null {
  const order = tiff.getUint16(0);
  if (order !== 0x4949 && order !== 0x4d4d) return null;
  const little = order === 0x4949;
  if (tiff.getUint16(2, little) !== 42) return null;
  const ifd0 = readIfd(tiff, tiff.getUint32(4, little), little);
  const gpsEntry = ifd0.get(GPS_IFD_POINTER);
  if (gpsEntry === undefined) return null;
  const gps = readIfd(tiff, tiff.getUint32(gpsEntry + 8, little), little);
  const latRef = asciiAt(tiff, gps.get(GPS_LATITUDE_REF));
  const lonRef = asciiAt(tiff, gps.get(GPS_LONGITUDE_REF));
  const lat = degrees(tiff, gps.get(GPS_LATITUDE), little);
  const lon = degrees(tiff, gps.get(GPS_LONGITUDE), little);
  if (lat === null || lon === null || !latRef || !lonRef) return null;
  const signedLat = latRef === 'S' ? -lat : lat;
  const signedLon = lonRef === 'W' ? -lon : lon;
  if (Math.abs(signedLat) > 90 || Math.abs(signedLon) > 180) return null;
  const errorEntry = gps.get(GPS_H_POSITIONING_ERROR);
  const accuracy = errorEntry === undefined ? null : rationals(tiff, errorEntry, little, 1)?.[0];
  return {
    lat: signedLat,
    lon: signedLon,
    ...(accuracy !== null && accuracy !== undefined && { accuracyM: accuracy }),
  };
}

/** Tag -> offset of its 12-byte entry within the TIFF block. */
function readIfd(tiff: DataView, offset: number, little: boolean): Map<number, number> {
  const entries = new Map<number, number>();
  const count = tiff.getUint16(offset, little);
  for (let index = 0; index < count; index += 1) {
    const entry = offset + 2 + index * 12;
    entries.set(tiff.getUint16(entry, little), entry);
  }
  return entries;
}

function asciiAt(tiff: DataView, entry: number | undefined): string | null {
  // A one-letter ref ("N", "S", "E", "W") fits inline in the value field.
  return entry === undefined ? null : String.fromCharCode(tiff.getUint8(entry + 8));
}

const RATIONAL = 5;

function rationals(
  tiff: DataView,
  entry: number,
  little: boolean,
  expected: number,
): number[] | null {
  const type = tiff.getUint16(entry + 2, little);
  const count = tiff.getUint32(entry + 4, little);
  if (type !== RATIONAL || count < expected) return null;
  const at = tiff.getUint32(entry + 8, little);
  const values: number[] = [];
  for (let index = 0; index < expected; index += 1) {
    const numerator = tiff.getUint32(at + index * 8, little);
    const denominator = tiff.getUint32(at + index * 8 + 4, little);
    // Cameras without a fix write 0/0.
    if (denominator === 0) return null;
    values.push(numerator / denominator);
  }
  return values;
}

function degrees(tiff: DataView, entry: number | undefined, little: boolean): number | null {
  if (entry === undefined) return null;
  const parts = rationals(tiff, entry, little, 3);
  if (!parts) return null;
  const [d = 0, m = 0, s = 0] = parts;
  return d + m / 60 + s / 3600;
}

// ---------------------------------------------------------------- decoding and encoding

interface DecodedImage extends Size {
  source: CanvasImageSource;
  release(): void;
}

/** Decodes with the EXIF orientation applied, so width/height are as the photo is seen. */
export async function decodeImage(blob: Blob): Promise<DecodedImage> {
  if (typeof createImageBitmap === 'function') {
    try {
      const bitmap = await createImageBitmap(blob, { imageOrientation: 'from-image' });
      return {
        source: bitmap,
        width: bitmap.width,
        height: bitmap.height,
        release: () => bitmap.close(), // idempotent
      };
    } catch {
      // Older Safari rejects the options object; Safari decodes HEIC only through <img>.
    }
  }
  return decodeWithImageElement(blob);
}

async function decodeWithImageElement(blob: Blob): Promise<DecodedImage> {
  if (typeof document === 'undefined') throw new UnreadableImageError();
  const url = URL.createObjectURL(blob);
  const image = new Image();
  image.decoding = 'async';
  image.src = url;
  try {
    await image.decode();
  } catch (error) {
    URL.revokeObjectURL(url);
    throw new UnreadableImageError({ cause: error });
  }
  // <img> applies EXIF orientation (CSS image-orientation: from-image is the default since
  // Chrome 81, Safari 13.1, Firefox 77), to naturalWidth/Height and to drawImage alike.
  return {
    source: image,
    width: image.naturalWidth,
    height: image.naturalHeight,
    release: () => URL.revokeObjectURL(url), // idempotent
  };
}

type Surface2D = OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D;

interface Surface {
  canvas: OffscreenCanvas | HTMLCanvasElement;
  context: Surface2D;
  toBlob(type: string, quality: number): Promise<Blob>;
}

function createSurface(size: Size): Surface {
  if (typeof OffscreenCanvas === 'function') {
    const canvas = new OffscreenCanvas(size.width, size.height);
    const context = canvas.getContext('2d');
    if (context)
      return {
        canvas,
        context,
        toBlob: (type, quality) => canvas.convertToBlob({ type, quality }),
      };
  }
  const canvas = document.createElement('canvas');
  canvas.width = size.width;
  canvas.height = size.height;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('No 2D canvas available');
  return {
    canvas,
    context,
    toBlob: (type, quality) =>
      new Promise((resolve, reject) =>
        canvas.toBlob(
          (blob) => (blob ? resolve(blob) : reject(new Error('Encoding failed'))),
          type,
          quality,
        ),
      ),
  };
}

function releaseSurface(surface: Surface): void {
  // Frees the pixel memory now instead of at garbage collection (tablets have little).
  surface.canvas.width = 0;
  surface.canvas.height = 0;
}

/** Draws `source` at `to`, shrinking through halving steps; returns the final surface. */
function drawScaled(source: CanvasImageSource, from: Size, to: Size): Surface {
  let current: { source: CanvasImageSource; surface?: Surface } = { source };
  for (const step of downscaleSteps(from, to)) {
    const surface = createSurface(step);
    // JPEG has no transparency: a transparent PNG would otherwise turn black.
    surface.context.fillStyle = '#ffffff';
    surface.context.fillRect(0, 0, step.width, step.height);
    surface.context.imageSmoothingEnabled = true;
    surface.context.imageSmoothingQuality = 'high';
    surface.context.drawImage(current.source, 0, 0, step.width, step.height);
    if (current.surface) releaseSurface(current.surface);
    current = { source: surface.canvas, surface };
  }
  if (!current.surface) throw new Error('No drawing step');
  return current.surface;
}

async function encode(
  surface: Surface,
  size: Size,
  format: 'jpeg' | 'webp',
  quality: number,
): Promise<EncodedImage> {
  let blob = await surface.toBlob(`image/${format}`, quality);
  // Browsers that cannot write WebP silently return PNG: use JPEG then.
  if (blob.type !== `image/${format}`) blob = await surface.toBlob('image/jpeg', quality);
  const mimeType = blob.type;
  if (mimeType !== 'image/jpeg' && mimeType !== 'image/webp')
    throw new Error(`Unexpected encoding ${mimeType}`);
  return { data: await blob.arrayBuffer(), mimeType, ...size };
}

/** Decode, orient, resize and re-encode a photo, with a thumbnail. */
export async function processPhoto(
  original: Blob,
  options: ProcessOptions = {},
): Promise<ProcessedPhoto> {
  const longSide = options.longSide ?? PHOTO_LONG_SIDE;
  const thumbnailLongSide = options.thumbnailLongSide ?? THUMBNAIL_LONG_SIDE;
  const quality = options.quality ?? PHOTO_QUALITY;
  const format = options.format ?? 'jpeg';
  options.onProgress?.('decoding');
  // EXIF sits at the start of the file; 256 kB covers it without reading the whole photo.
  const gps = options.readGps
    ? readExifGps(await original.slice(0, 256 * 1024).arrayBuffer())
    : null;
  let decoded: DecodedImage;
  try {
    decoded = await decodeImage(original);
  } catch (error) {
    throw error instanceof UnreadableImageError
      ? error
      : new UnreadableImageError({ cause: error });
  }
  if (decoded.width === 0 || decoded.height === 0) {
    decoded.release();
    throw new UnreadableImageError();
  }
  let main: Surface | undefined;
  let small: Surface | undefined;
  try {
    options.onProgress?.('resizing');
    const size = fitWithin(decoded.width, decoded.height, longSide);
    main = drawScaled(decoded.source, decoded, size);
    decoded.release(); // the full-size bitmap is the biggest allocation: free it early
    // The thumbnail comes from the resized photo: cheaper, and identical in content.
    const thumbnailSize = fitWithin(size.width, size.height, thumbnailLongSide);
    small = drawScaled(main.canvas, size, thumbnailSize);
    options.onProgress?.('encoding');
    const image = await encode(main, size, format, quality);
    const thumbnail = await encode(small, thumbnailSize, format, THUMBNAIL_QUALITY);
    return { ...image, thumbnail, gps };
  } finally {
    decoded.release();
    if (main) releaseSurface(main);
    if (small) releaseSurface(small);
  }
}
