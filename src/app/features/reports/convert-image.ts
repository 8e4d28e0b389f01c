// Browser adapter for photos a PDF cannot hold (WebP): decoded by the browser and re-encoded as
// JPEG on a canvas. Only such photos pass through here; JPEGs go into the PDF untouched.
import type { ImageConverter } from './build-report.ts';

const JPEG_QUALITY = 0.9;

export const convertToJpeg: ImageConverter = async (data, mimeType) => {
  if (typeof createImageBitmap !== 'function' || typeof OffscreenCanvas !== 'function')
    return undefined;
  const bitmap = await createImageBitmap(new Blob([data], { type: mimeType }));
  try {
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const context = canvas.getContext('2d');
    if (!context) return undefined;
    context.drawImage(bitmap, 0, 0);
    const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: JPEG_QUALITY });
    return { data: new Uint8Array(await blob.arrayBuffer()), mimeType: 'image/jpeg' };
  } finally {
    bitmap.close();
  }
};
