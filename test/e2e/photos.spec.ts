// Photos in real Chromium: the real components, image processing and store (real IndexedDB),
// on a test-only harness page that this spec builds with Vite and serves itself, so no test
// route ever ships in the app. The camera is the real file-input adapter, fed through
// Playwright's file chooser; the live preview uses Chromium's fake camera.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { build } from 'vite';
import { nl } from '../../src/app/i18n/messages.ts';
import { text } from './pages/field-capture.ts';
import { chromiumArgs, chromiumExecutable } from '../support/chromium.ts';
import { repoRoot } from '../support/app-server.ts';
import { buildExifSegment, insertSegment, jpegSegments } from './harness/exif-writer.ts';
import { expect, test } from './support/test.ts';

const harnessDir = join(repoRoot, 'test/e2e/harness');
const outDir = join(repoRoot, 'test-results', `photo-harness-${process.pid}`);
const DEVICE_POSITION = { latitude: 52.0907, longitude: 5.1214, accuracy: 15 };

test.use({
  permissions: ['geolocation'],
  geolocation: DEVICE_POSITION,
  launchOptions: {
    executablePath: chromiumExecutable,
    // A fake camera and auto-accepted camera prompt for the live preview test.
    args: [...chromiumArgs, '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'],
  },
});

let server: Server | undefined;
let origin = '';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

/** Every built file, read into memory so a parallel run clearing test-results/ cannot break us. */
function readTree(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files.set(`/${relative(dir, path).split(sep).join('/')}`, readFileSync(path));
  }
  return files;
}

test.beforeAll(async () => {
  test.setTimeout(180_000);
  await build({
    configFile: false,
    root: harnessDir,
    base: './',
    publicDir: false,
    logLevel: 'warn',
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      rolldownOptions: { input: join(harnessDir, 'photo-harness.html') },
    },
  });
  const files = readTree(outDir);
  server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const body = files.get(path);
    if (!body) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, {
      'content-type': contentTypes[extname(path)] ?? 'application/octet-stream',
    });
    response.end(body);
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  // 127.0.0.1 is a secure context: crypto.subtle (SHA-256) works as on https.
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

test.afterAll(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  rmSync(outDir, { recursive: true, force: true });
});

async function openHarness(page: Page): Promise<void> {
  await page.goto(`${origin}/photo-harness.html`);
  await page.evaluate(() => window.harness.ready);
  await expect(page.getByRole('button', { name: nl['photos.take'] })).toBeVisible();
}

/**
 * A JPEG drawn in the browser with canvas.toBlob: four coloured quadrants, as stored by the
 * camera (red top-left, green top-right, blue bottom-left, yellow bottom-right).
 */
async function cameraJpeg(page: Page, width: number, height: number): Promise<Buffer> {
  const base64 = await page.evaluate(
    async ({ width, height }) => {
      const canvas = document.createElement('canvas');
      canvas.width = width;
      canvas.height = height;
      const context = canvas.getContext('2d')!;
      const quadrants = ['#ff0000', '#00ff00', '#0000ff', '#ffff00'];
      quadrants.forEach((color, index) => {
        context.fillStyle = color;
        context.fillRect(
          (index % 2) * (width / 2),
          Math.floor(index / 2) * (height / 2),
          width / 2,
          height / 2,
        );
      });
      const blob = await new Promise<Blob>((resolve, reject) =>
        canvas.toBlob(
          (made) => (made ? resolve(made) : reject(new Error('toBlob'))),
          'image/jpeg',
          0.92,
        ),
      );
      const bytes = new Uint8Array(await blob.arrayBuffer());
      let binary = '';
      for (let index = 0; index < bytes.length; index += 0x8000)
        binary += String.fromCharCode(...bytes.subarray(index, index + 0x8000));
      return btoa(binary);
    },
    { width, height },
  );
  return Buffer.from(base64, 'base64');
}

/** Takes a photo the way an inspector does: the button, then the camera (file chooser). */
async function takePhoto(page: Page, jpeg: Buffer, name = 'IMG_0001.jpg') {
  const chooserPromise = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: nl['photos.take'] }).click();
  const chooser = await chooserPromise;
  const input = chooser.element();
  expect(await input.getAttribute('accept')).toBe('image/*');
  expect(await input.getAttribute('capture')).toBe('environment');
  await chooser.setFiles({ name, mimeType: 'image/jpeg', buffer: jpeg });
}

interface StoredPhoto {
  hash: string;
  sha256: string;
  mimeType: string;
  width: number;
  height: number;
  /** Size of the stored JPEG as a browser decodes it (it has no EXIF, so: as stored). */
  decoded: { width: number; height: number };
  /** RGB at the centre of each quadrant of the decoded pixels. */
  samples: Record<'tl' | 'tr' | 'bl' | 'br', number[]>;
  thumbnail: { width: number; height: number; mimeType: string } | undefined;
  base64: string;
}

async function storedPhotos(page: Page): Promise<StoredPhoto[]> {
  return page.evaluate(async () => {
    const { store, ready, sha256Hex } = window.harness;
    const owner = await ready;
    const photos = await store.photos.listForInspection(owner.inspectionId);
    const thumbnails = await store.photos.photoThumbnails(photos.map((photo) => photo.hash));
    const result = [];
    for (const photo of photos) {
      const original = (await store.photos.original(photo.hash))!;
      const bitmap = await createImageBitmap(
        new Blob([original.data], { type: original.mimeType }),
      );
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const context = canvas.getContext('2d')!;
      context.drawImage(bitmap, 0, 0);
      const sample = (x: number, y: number) =>
        Array.from(
          context.getImageData(Math.floor(x * bitmap.width), Math.floor(y * bitmap.height), 1, 1)
            .data,
        ).slice(0, 3);
      const bytes = new Uint8Array(original.data);
      let binary = '';
      for (let index = 0; index < bytes.length; index += 0x8000)
        binary += String.fromCharCode(...bytes.subarray(index, index + 0x8000));
      const thumbnail = thumbnails.get(photo.hash);
      result.push({
        hash: photo.hash,
        sha256: await sha256Hex(original.data),
        mimeType: original.mimeType,
        width: original.width,
        height: original.height,
        decoded: { width: bitmap.width, height: bitmap.height },
        samples: {
          tl: sample(0.25, 0.25),
          tr: sample(0.75, 0.25),
          bl: sample(0.25, 0.75),
          br: sample(0.75, 0.75),
        },
        thumbnail: thumbnail && {
          width: thumbnail.width,
          height: thumbnail.height,
          mimeType: thumbnail.mimeType,
        },
        base64: btoa(binary),
      });
    }
    return result;
  });
}

const RED = [255, 0, 0];
const GREEN = [0, 255, 0];
const BLUE = [0, 0, 255];
const YELLOW = [255, 255, 0];

function expectColor(actual: number[], expected: number[]) {
  actual.forEach((channel, index) =>
    expect(Math.abs(channel - expected[index]!), `${actual} ≈ ${expected}`).toBeLessThan(48),
  );
}

test('a 4000×3000 camera photo is stored at 1600 px, upright, without EXIF, with a thumbnail', async ({
  page,
}) => {
  await openHarness(page);
  // The inspector allowed location before, so the photo's own GPS position is read.
  await page.evaluate(() => window.harness.geolocator.setSharing('allowed'));
  const plain = await cameraJpeg(page, 4000, 3000);
  // Like a phone held upright: pixels stored sideways, EXIF Orientation 6 (turn 90° clockwise).
  const fromCamera = insertSegment(
    plain,
    buildExifSegment({ orientation: 6, gps: { lat: 52.37022, lon: 4.89517, accuracyM: 5 } }),
  );
  expect(jpegSegments(fromCamera).some((segment) => segment.exif)).toBe(true);

  await takePhoto(page, Buffer.from(fromCamera));

  await expect(page.getByRole('status').filter({ hasText: nl['photos.saved.one'] })).toBeVisible();
  const [photo, ...others] = await storedPhotos(page);
  expect(others).toEqual([]);
  expect(photo!.mimeType).toBe('image/jpeg');
  // Turned upright: portrait, long side 1600.
  expect({ width: photo!.width, height: photo!.height }).toEqual({ width: 1200, height: 1600 });
  const bytes = Buffer.from(photo!.base64, 'base64');
  expect(jpegSegments(bytes).some((segment) => segment.exif)).toBe(false);
  expect(bytes.includes(Buffer.from('Exif\0\0'))).toBe(false);
  // Baked in: with no EXIF left, any viewer shows the stored pixels as they are, and they are
  // upright (the camera's top-left red quadrant is now top-right).
  expect(photo!.decoded).toEqual({ width: 1200, height: 1600 });
  expectColor(photo!.samples.tl, BLUE);
  expectColor(photo!.samples.tr, RED);
  expectColor(photo!.samples.bl, YELLOW);
  expectColor(photo!.samples.br, GREEN);
  expect(photo!.thumbnail).toEqual({ width: 180, height: 240, mimeType: 'image/jpeg' });
  expect(photo!.sha256).toBe(photo!.hash);

  const added = await page.evaluate(() => window.harness.added.map((item) => item.position));
  expect(added).toHaveLength(1);
  expect(added[0]).toMatchObject({ source: 'exif', accuracyM: 5 });
  expect(added[0]!.lat).toBeCloseTo(52.37022, 4);
  expect(added[0]!.lon).toBeCloseTo(4.89517, 4);

  await expect(page.getByRole('button', { name: /^Foto 1 van 1 openen$/ })).toBeVisible();
});

test('the <img> fallback (browsers without createImageBitmap) orients and resizes the same way; WebP is available', async ({
  page,
}) => {
  await openHarness(page);
  const fromCamera = insertSegment(
    await cameraJpeg(page, 4000, 3000),
    buildExifSegment({ orientation: 6 }),
  );
  const results = await page.evaluate(async (base64) => {
    const binary = atob(base64);
    const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
    const original = new Blob([bytes], { type: 'image/jpeg' });
    const { processPhoto } = window.harness;
    const describe = async (photo: Awaited<ReturnType<typeof processPhoto>>) => {
      const image = new Image();
      image.src = URL.createObjectURL(new Blob([photo.data], { type: photo.mimeType }));
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.naturalWidth;
      canvas.height = image.naturalHeight;
      const context = canvas.getContext('2d')!;
      context.drawImage(image, 0, 0);
      const topRight = Array.from(
        context.getImageData(
          Math.floor(canvas.width * 0.75),
          Math.floor(canvas.height * 0.25),
          1,
          1,
        ).data,
      ).slice(0, 3);
      return {
        mimeType: photo.mimeType,
        width: photo.width,
        height: photo.height,
        natural: [image.naturalWidth, image.naturalHeight],
        topRight,
      };
    };
    const webp = await describe(await processPhoto(original, { format: 'webp' }));
    const saved = window.createImageBitmap;
    // @ts-expect-error -- simulate a browser without createImageBitmap
    window.createImageBitmap = undefined;
    try {
      return { fallback: await describe(await processPhoto(original)), webp };
    } finally {
      window.createImageBitmap = saved;
    }
  }, Buffer.from(fromCamera).toString('base64'));

  for (const [result, mimeType] of [
    [results.fallback, 'image/jpeg'],
    [results.webp, 'image/webp'],
  ] as const) {
    expect(result).toMatchObject({ mimeType, width: 1200, height: 1600, natural: [1200, 1600] });
    expectColor(result.topRight, RED);
  }
});

test('a small photo is never enlarged, and without EXIF GPS the tablet position is used', async ({
  page,
}) => {
  await openHarness(page);
  await takePhoto(page, await cameraJpeg(page, 800, 600));

  await expect(page.getByRole('status').filter({ hasText: nl['photos.saved.one'] })).toBeVisible();
  const [photo] = await storedPhotos(page);
  expect({ width: photo!.width, height: photo!.height }).toEqual({ width: 800, height: 600 });
  expectColor(photo!.samples.tl, RED);
  expectColor(photo!.samples.br, YELLOW);
  await expect
    .poll(() => page.evaluate(() => window.harness.added.map((item) => item.position)))
    .toEqual([
      {
        lat: DEVICE_POSITION.latitude,
        lon: DEVICE_POSITION.longitude,
        accuracyM: DEVICE_POSITION.accuracy,
        source: 'device',
      },
    ]);
});

test('drawing arrow, circle and text is stored as a separate layer; the original bytes stay identical', async ({
  page,
}) => {
  await openHarness(page);
  await takePhoto(page, await cameraJpeg(page, 1200, 900));
  await expect(page.getByRole('status').filter({ hasText: nl['photos.saved.one'] })).toBeVisible();
  const [before] = await storedPhotos(page);

  await page.getByRole('button', { name: 'Foto 1 van 1 openen' }).click();
  const dialog = page.getByRole('dialog', { name: nl['photos.viewer.title'] });
  const surface = dialog.getByRole('img', { name: nl['photos.annotate.surface'] });
  await expect(surface).toBeVisible();
  const box = (await surface.boundingBox())!;
  const at = (x: number, y: number) => [box.x + x * box.width, box.y + y * box.height] as const;
  async function drag(from: [number, number], to: [number, number]) {
    await page.mouse.move(...at(...from));
    await page.mouse.down();
    await page.mouse.move(...at(...to), { steps: 5 });
    await page.mouse.up();
  }

  await drag([0.1, 0.1], [0.4, 0.4]); // arrow (the default tool)
  await dialog.getByRole('button', { name: nl['photos.annotate.ellipse'] }).click();
  await drag([0.6, 0.6], [0.7, 0.6]);
  await dialog.getByRole('button', { name: nl['photos.annotate.text'] }).click();
  await dialog.getByLabel(nl['photos.annotate.textInput']).fill('scheur');
  await page.mouse.click(...at(0.5, 0.2));
  await dialog.getByRole('button', { name: nl['photos.annotate.arrow'] }).click();
  await drag([0.9, 0.9], [0.8, 0.5]); // a mistake…
  await expect(surface).toHaveAttribute('data-shapes', '4');
  await dialog.getByRole('button', { name: nl['photos.annotate.undo'] }).click(); // …undone
  await expect(surface).toHaveAttribute('data-shapes', '3');

  // Escape with an unsaved drawing asks first instead of throwing it away.
  await page.keyboard.press('Escape');
  await expect(dialog.getByText(nl['photos.annotate.unsaved'])).toBeVisible();
  await dialog.getByRole('button', { name: nl['photos.annotate.saveAndClose'] }).click();
  await expect(dialog).toBeHidden();

  const stored = await page.evaluate(async (hash) => {
    const { store } = window.harness;
    const owner = await window.harness.ready;
    const layer = await store.photos.annotation(owner, hash);
    const ops = await store.outbox.peekBatch(1000);
    return {
      layer,
      // The drawing belongs to the answer it was drawn on (its photoNotes), not to the photo.
      annotationOps: ops.filter(
        (op) => op.entity === 'answer' && JSON.stringify(op.fields.photoNotes ?? {}).includes(hash),
      ).length,
    };
  }, before!.hash);
  expect(stored.layer?.shapes.map((shape) => shape.kind)).toEqual(['arrow', 'ellipse', 'text']);
  const [arrow, circle, text] = stored.layer!.shapes;
  expect(arrow).toMatchObject({ kind: 'arrow' });
  if (arrow?.kind === 'arrow') {
    expect(arrow.from[0]).toBeCloseTo(0.1, 1);
    expect(arrow.to[1]).toBeCloseTo(0.4, 1);
  }
  if (circle?.kind === 'ellipse') {
    // Round on screen: 10% of the width as radius is 120 px, on both axes.
    expect(circle.radius[0] * 1200).toBeCloseTo(circle.radius[1] * 900, 0);
  }
  expect(text).toMatchObject({ kind: 'text', text: 'scheur' });
  expect(stored.annotationOps).toBe(1);

  // The evidence itself is untouched: same bytes, same SHA-256.
  const [after] = await storedPhotos(page);
  expect(after!.sha256).toBe(before!.sha256);
  expect(after!.base64).toBe(before!.base64);

  // The thumbnail shows the drawing, and reopening reads it back from IndexedDB.
  const thumb = page.getByRole('button', { name: 'Foto 1 van 1 openen' });
  await expect(thumb.locator('[data-shape]')).toHaveCount(3);
  await page.reload();
  await page.evaluate(() => window.harness.ready);
  await page.getByRole('button', { name: 'Foto 1 van 1 openen' }).click();
  await expect(
    page.getByRole('img', { name: nl['photos.annotate.surface'] }).locator('[data-shape]'),
  ).toHaveCount(3);
});

test('a full device refuses the photo with a clear Dutch message, keeps it, and stores it on retry', async ({
  page,
}) => {
  await openHarness(page);
  await page.evaluate(() => window.harness.setStorageFull(true));
  await takePhoto(page, await cameraJpeg(page, 2000, 1500));

  const alert = page.getByRole('alert');
  await expect(alert).toContainText(nl['photos.error.storageFull']);
  await expect(alert).toContainText(text('photos.pending', { count: 1 }));
  await expect(alert.getByRole('button', { name: nl['photos.download'] })).toBeVisible();
  expect(await storedPhotos(page)).toEqual([]);

  // Keep as file hands the resized photo to the device's downloads.
  const downloadPromise = page.waitForEvent('download');
  await alert.getByRole('button', { name: nl['photos.download'] }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(/^schouw-foto-.*\.jpg$/);

  await page.evaluate(() => window.harness.setStorageFull(false)); // synced, space freed
  await alert.getByRole('button', { name: nl['photos.retry'] }).click();
  await expect(page.getByRole('status').filter({ hasText: nl['photos.saved.one'] })).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
  const [photo] = await storedPhotos(page);
  expect({ width: photo!.width, height: photo!.height }).toEqual({ width: 1600, height: 1200 });
});

test('the in-app camera captures a frame from the live preview and stores it', async ({ page }) => {
  await openHarness(page);
  await page.getByRole('button', { name: nl['photos.live.open'] }).click();
  const capture = page.getByRole('button', { name: nl['photos.live.capture'] });
  await expect(capture).toBeEnabled();
  const frame = await page.evaluate(() => {
    const video = document.querySelector('video')!;
    return { width: video.videoWidth, height: video.videoHeight };
  });
  await capture.click();
  await expect(page.getByRole('status').filter({ hasText: nl['photos.saved.one'] })).toBeVisible();
  const [photo] = await storedPhotos(page);
  expect(frame.width).toBeGreaterThan(0);
  const scale = Math.min(1, 1600 / Math.max(frame.width, frame.height));
  expect({ width: photo!.width, height: photo!.height }).toEqual({
    width: Math.round(frame.width * scale),
    height: Math.round(frame.height * scale),
  });
  await page.getByRole('button', { name: nl['photos.live.close'] }).click();
  await expect(page.locator('video')).toHaveCount(0);
});

test('the capture button, grid and viewer have no serious accessibility problems and 48 px targets', async ({
  page,
}) => {
  await openHarness(page);
  await takePhoto(page, await cameraJpeg(page, 1200, 900));
  await expect(page.getByRole('status').filter({ hasText: nl['photos.saved.one'] })).toBeVisible();
  const severe = async () =>
    (await new AxeBuilder({ page }).analyze()).violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.help} (${v.nodes.length}x)`);
  expect(await severe()).toEqual([]);

  await page.getByRole('button', { name: 'Foto 1 van 1 openen' }).click();
  const dialog = page.getByRole('dialog', { name: nl['photos.viewer.title'] });
  await expect(dialog.getByRole('img', { name: nl['photos.annotate.surface'] })).toBeVisible();
  expect(await severe()).toEqual([]);
  for (const button of await dialog.getByRole('button').all()) {
    const box = (await button.boundingBox())!;
    expect(Math.min(box.width, box.height), await button.innerText()).toBeGreaterThanOrEqual(48);
  }
});
