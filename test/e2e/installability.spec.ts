import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { nl } from '../../src/app/i18n/messages.ts';
import { repoRoot } from '../support/app-server.ts';
import { chromiumArgs, chromiumExecutable } from '../support/chromium.ts';
import { BRAND_RGB, drawIcon, ICONS, MASKABLE_SAFE_RADIUS } from '../support/generate-icons.ts';
import { decodePng, readPngHeader, type RgbaImage } from '../support/png.ts';
import { expect, test } from './support/test.ts';

interface ManifestIcon {
  src: string;
  sizes: string;
  type?: string;
  purpose?: string;
}

/** Pixels outside the maskable safe zone, which a launcher may crop away. */
function pixelsOutsideSafeZone(image: RgbaImage): number[][] {
  const outside: number[][] = [];
  const centre = image.width / 2;
  for (let y = 0; y < image.height; y++) {
    for (let x = 0; x < image.width; x++) {
      if (Math.hypot(x + 0.5 - centre, y + 0.5 - centre) > MASKABLE_SAFE_RADIUS * image.width) {
        const offset = (y * image.width + x) * 4;
        outside.push([...image.data.subarray(offset, offset + 4)]);
      }
    }
  }
  return outside;
}

test.describe('installable app', () => {
  test('the served manifest is complete and Dutch, and its icons are real PNGs of the stated sizes', async ({
    page,
    request,
  }) => {
    await page.goto('/');
    const href = await page.locator('link[rel="manifest"]').getAttribute('href');
    expect(href).toBeTruthy();
    const manifestUrl = new URL(href ?? '', page.url());
    const manifest = (await (await request.get(manifestUrl.href)).json()) as Record<
      string,
      unknown
    > & { icons: ManifestIcon[] };

    expect(manifest).toMatchObject({
      name: expect.stringContaining('Schouw'),
      short_name: 'Schouw',
      start_url: '/',
      scope: '/',
      display: 'standalone',
      lang: 'nl',
      theme_color: '#0b5d5b',
    });
    const sizes = manifest.icons.map((icon) => icon.sizes);
    expect(sizes).toContain('192x192');
    expect(sizes).toContain('512x512');
    expect(manifest.icons.some((icon) => icon.purpose?.split(' ').includes('maskable'))).toBe(true);

    for (const icon of manifest.icons) {
      const response = await request.get(new URL(icon.src, manifestUrl).href);
      expect(response.status(), icon.src).toBe(200);
      expect(response.headers()['content-type']).toBe('image/png');
      const header = readPngHeader(await response.body());
      expect(`${header.width}x${header.height}`, icon.src).toBe(icon.sizes);
    }
  });

  test('the maskable icon keeps its motif inside the safe zone, and the icons match their generator', async ({
    request,
  }) => {
    const maskable = decodePng(await (await request.get('/icons/icon-maskable-512.png')).body());
    const outside = pixelsOutsideSafeZone(maskable);
    expect(outside.length).toBeGreaterThan(0);
    expect(outside.every((pixel) => pixel.join() === [...BRAND_RGB, 255].join())).toBe(true);

    for (const icon of ICONS) {
      const committed = decodePng(readFileSync(join(repoRoot, 'public/icons', icon.file)));
      expect(
        Buffer.from(committed.data).equals(Buffer.from(drawIcon(icon.size, icon.purpose).data)),
        icon.file,
      ).toBe(true);
    }
  });

  test('Chromium finds nothing that prevents installing the app', async ({ baseURL }) => {
    // Chromium never offers installation in an incognito profile, which Playwright's contexts
    // are: ask a real (persistent) profile.
    const profile = mkdtempSync(join(tmpdir(), 'schouw-e2e-profile-'));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: chromiumExecutable,
      args: chromiumArgs,
      headless: true,
      baseURL,
    });
    try {
      const page = await context.newPage();
      await page.goto('/');
      await expect(page.getByRole('heading', { level: 1, name: nl['home.title'] })).toBeVisible();
      const cdp = await context.newCDPSession(page);
      const manifest = await cdp.send('Page.getAppManifest', {});
      expect(manifest.errors).toEqual([]);
      const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
      expect(installabilityErrors).toEqual([]);
    } finally {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    }
  });
});
