// Draws Schouw's app icons (a house with a check mark) and writes them to public/icons.
// Run: npx tsx test/support/generate-icons.ts
// The PNGs are committed; the installability e2e test checks they still match this drawing.
import { writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { encodePng, type RgbaImage } from './png.ts';

type Point = readonly [number, number];
export type IconPurpose = 'any' | 'maskable';

export const BRAND_RGB = [0x0b, 0x5d, 0x5b] as const;
const MOTIF_RGB = [0xff, 0xff, 0xff] as const;

/** A maskable icon's content must stay inside the circle of radius 40% of the size (80% zone). */
export const MASKABLE_SAFE_RADIUS = 0.4;

// The motif in a unit box: roof, walls, and a check mark inside the house.
const STROKE = 0.075;
const STROKES: readonly (readonly Point[])[] = [
  [
    [0.06, 0.46],
    [0.5, 0.08],
    [0.94, 0.46],
  ],
  [
    [0.18, 0.36],
    [0.18, 0.92],
    [0.82, 0.92],
    [0.82, 0.36],
  ],
  [
    [0.33, 0.64],
    [0.45, 0.76],
    [0.68, 0.52],
  ],
];

function distanceToSegment(p: Point, a: Point, b: Point): number {
  const [abx, aby] = [b[0] - a[0], b[1] - a[1]];
  const t = Math.max(
    0,
    Math.min(1, ((p[0] - a[0]) * abx + (p[1] - a[1]) * aby) / (abx * abx + aby * aby)),
  );
  return Math.hypot(p[0] - (a[0] + t * abx), p[1] - (a[1] + t * aby));
}

/** Signed distance to a rounded square covering [0,1]^2 with corner radius r (negative inside). */
function roundedSquareDistance(p: Point, r: number): number {
  const qx = Math.abs(p[0] - 0.5) - (0.5 - r);
  const qy = Math.abs(p[1] - 0.5) - (0.5 - r);
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
}

/** Anti-aliased coverage from a signed distance measured in pixels. */
const coverage = (signedPixels: number) => Math.max(0, Math.min(1, 0.5 - signedPixels));

export function drawIcon(size: number, purpose: IconPurpose): RgbaImage {
  // "any": a rounded tile with the motif large; "maskable": full bleed, motif inside the safe zone.
  const motifBox = purpose === 'maskable' ? 0.54 : 0.66;
  const cornerRadius = purpose === 'maskable' ? 0 : 0.18;
  const data = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const p: Point = [(x + 0.5) / size, (y + 0.5) / size];
      const background =
        purpose === 'maskable' ? 1 : coverage(roundedSquareDistance(p, cornerRadius) * size);
      const m: Point = [(p[0] - 0.5) / motifBox + 0.5, (p[1] - 0.5) / motifBox + 0.5];
      let nearest = Infinity;
      for (const stroke of STROKES) {
        for (let i = 1; i < stroke.length; i++) {
          nearest = Math.min(nearest, distanceToSegment(m, stroke[i - 1]!, stroke[i]!));
        }
      }
      const motif = coverage((nearest - STROKE / 2) * motifBox * size);
      const offset = (y * size + x) * 4;
      for (let c = 0; c < 3; c++) {
        data[offset + c] = Math.round(BRAND_RGB[c]! + (MOTIF_RGB[c]! - BRAND_RGB[c]!) * motif);
      }
      data[offset + 3] = Math.round(background * 255);
    }
  }
  return { width: size, height: size, data };
}

export const ICONS = [
  { file: 'icon-192.png', size: 192, purpose: 'any' },
  { file: 'icon-512.png', size: 512, purpose: 'any' },
  { file: 'icon-maskable-512.png', size: 512, purpose: 'maskable' },
] as const satisfies readonly { file: string; size: number; purpose: IconPurpose }[];

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const icon of ICONS) {
    const target = fileURLToPath(new URL(`../../public/icons/${icon.file}`, import.meta.url));
    writeFileSync(target, encodePng(drawIcon(icon.size, icon.purpose)));
    console.log(`wrote ${target}`);
  }
}
