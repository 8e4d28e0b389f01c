// Writes the EXIF a phone camera would put in a JPEG (Orientation and GPS tags), and finds it
// again, independently of the app's own parser: the tests' source of truth for EXIF.

export interface ExifContent {
  /** EXIF Orientation 1..8 (6 = the stored pixels must be turned 90° clockwise). */
  orientation?: number;
  gps?: { lat: number; lon: number; accuracyM?: number };
  littleEndian?: boolean;
}

const ASCII = 2;
const SHORT = 3;
const LONG = 4;
const RATIONAL = 5;

interface Entry {
  tag: number;
  type: number;
  count: number;
  /** Inline value (SHORT/LONG/ASCII up to 4 bytes) or rationals stored after the IFDs. */
  inline?: number | string;
  rationals?: [number, number][];
}

function toRationals(decimal: number): [number, number][] {
  const value = Math.abs(decimal);
  const degrees = Math.floor(value);
  const minutesFull = (value - degrees) * 60;
  const minutes = Math.floor(minutesFull);
  const seconds = (minutesFull - minutes) * 60;
  return [
    [degrees, 1],
    [minutes, 1],
    [Math.round(seconds * 10_000), 10_000],
  ];
}

/** The TIFF block (what follows "Exif\0\0" in the APP1 segment). */
export function buildExifTiff(content: ExifContent): Uint8Array {
  const little = content.littleEndian ?? true;
  const ifd0: Entry[] = [];
  if (content.orientation !== undefined)
    ifd0.push({ tag: 0x0112, type: SHORT, count: 1, inline: content.orientation });
  const gps: Entry[] = [];
  if (content.gps) {
    const { lat, lon, accuracyM } = content.gps;
    gps.push(
      { tag: 1, type: ASCII, count: 2, inline: lat < 0 ? 'S' : 'N' },
      { tag: 2, type: RATIONAL, count: 3, rationals: toRationals(lat) },
      { tag: 3, type: ASCII, count: 2, inline: lon < 0 ? 'W' : 'E' },
      { tag: 4, type: RATIONAL, count: 3, rationals: toRationals(lon) },
    );
    if (accuracyM !== undefined)
      gps.push({
        tag: 31,
        type: RATIONAL,
        count: 1,
        rationals: [[Math.round(accuracyM * 100), 100]],
      });
    ifd0.push({ tag: 0x8825, type: LONG, count: 1, inline: 0 }); // offset filled in below
  }
  const ifdSize = (entries: Entry[]) => 2 + entries.length * 12 + 4;
  const ifd0Offset = 8;
  const gpsOffset = ifd0Offset + ifdSize(ifd0);
  let dataOffset = gpsOffset + (gps.length > 0 ? ifdSize(gps) : 0);
  const dataSize = [...ifd0, ...gps].reduce((sum, e) => sum + (e.rationals?.length ?? 0) * 8, 0);
  const bytes = new Uint8Array(dataOffset + dataSize);
  const view = new DataView(bytes.buffer);
  view.setUint16(0, little ? 0x4949 : 0x4d4d);
  view.setUint16(2, 42, little);
  view.setUint32(4, ifd0Offset, little);

  const writeIfd = (at: number, entries: Entry[]) => {
    view.setUint16(at, entries.length, little);
    entries.forEach((entry, index) => {
      const position = at + 2 + index * 12;
      view.setUint16(position, entry.tag, little);
      view.setUint16(position + 2, entry.type, little);
      view.setUint32(position + 4, entry.count, little);
      if (entry.rationals) {
        view.setUint32(position + 8, dataOffset, little);
        for (const [numerator, denominator] of entry.rationals) {
          view.setUint32(dataOffset, numerator, little);
          view.setUint32(dataOffset + 4, denominator, little);
          dataOffset += 8;
        }
      } else if (typeof entry.inline === 'string') {
        bytes[position + 8] = entry.inline.charCodeAt(0);
      } else if (entry.type === SHORT) {
        view.setUint16(position + 8, entry.inline ?? 0, little);
      } else {
        const value = entry.tag === 0x8825 ? gpsOffset : (entry.inline ?? 0);
        view.setUint32(position + 8, value, little);
      }
    });
    view.setUint32(at + 2 + entries.length * 12, 0, little);
  };
  writeIfd(ifd0Offset, ifd0);
  if (gps.length > 0) writeIfd(gpsOffset, gps);
  return bytes;
}

/** An APP1 segment: FFE1, length, "Exif\0\0", TIFF. */
export function buildExifSegment(content: ExifContent): Uint8Array {
  const tiff = buildExifTiff(content);
  const segment = new Uint8Array(4 + 6 + tiff.length);
  const view = new DataView(segment.buffer);
  view.setUint16(0, 0xffe1);
  view.setUint16(2, 2 + 6 + tiff.length);
  segment.set([0x45, 0x78, 0x69, 0x66, 0, 0], 4);
  segment.set(tiff, 10);
  return segment;
}

/** The JPEG with `segment` inserted right after its SOI marker. */
export function insertSegment(jpeg: Uint8Array, segment: Uint8Array): Uint8Array {
  if (jpeg[0] !== 0xff || jpeg[1] !== 0xd8) throw new Error('Not a JPEG');
  const result = new Uint8Array(jpeg.length + segment.length);
  result.set(jpeg.subarray(0, 2), 0);
  result.set(segment, 2);
  result.set(jpeg.subarray(2), 2 + segment.length);
  return result;
}

/** Markers of the segments before the image data (e.g. 0xe0 for JFIF, 0xe1 for EXIF/XMP). */
export function jpegSegments(jpeg: Uint8Array): { marker: number; exif: boolean }[] {
  const view = new DataView(jpeg.buffer, jpeg.byteOffset, jpeg.byteLength);
  if (view.getUint16(0) !== 0xffd8) throw new Error('Not a JPEG');
  const segments: { marker: number; exif: boolean }[] = [];
  let offset = 2;
  while (offset + 4 <= jpeg.length) {
    if (jpeg[offset] !== 0xff) throw new Error(`No marker at ${offset}`);
    const marker = jpeg[offset + 1]!;
    if (marker === 0xda || marker === 0xd9) break;
    const length = view.getUint16(offset + 2);
    const exif =
      marker === 0xe1 && String.fromCharCode(...jpeg.subarray(offset + 4, offset + 8)) === 'Exif';
    segments.push({ marker, exif });
    offset += 2 + length;
  }
  return segments;
}
