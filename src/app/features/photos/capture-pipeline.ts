// From camera files to stored photos, one at a time (tablets have little memory). A photo the
// store refuses (device full, inspection closed) is kept, already resized, for a retry: nothing
// the inspector photographed is thrown away by the app.
import type { PhotoOwner, PhotoView, SchouwStore } from '../../db/index.ts';
import type { DevicePosition } from '../../platform/geolocation.ts';
import type {
  ProcessedPhoto,
  ProcessingStage,
  ProcessOptions,
} from '../../platform/image-processing.ts';

export interface CaptureItem {
  /** The file as the camera or picker gave it. */
  original: Blob;
  /** Set once resized, so a retry does not process it again. */
  processed?: ProcessedPhoto;
}

export interface CaptureProgress {
  /** 1-based number of the photo being handled. */
  index: number;
  total: number;
  stage: ProcessingStage | 'saving';
}

export interface CaptureOutcome {
  saved: { photo: PhotoView; item: CaptureItem }[];
  /** Files that are not images this browser can read. */
  unreadable: number;
  /** Photos not stored because of `error`, in order, ready for a retry. */
  pending: CaptureItem[];
  error?: unknown;
}

export interface CaptureDeps {
  process: (original: Blob, options: ProcessOptions) => Promise<ProcessedPhoto>;
  photos: Pick<SchouwStore['photos'], 'addPhoto'>;
  /** Read EXIF GPS only with the user's consent to share location. */
  readGps: boolean;
}

export async function captureAndStore(
  items: readonly CaptureItem[],
  owner: PhotoOwner,
  deps: CaptureDeps,
  onProgress: (progress: CaptureProgress) => void = () => undefined,
): Promise<CaptureOutcome> {
  const outcome: CaptureOutcome = { saved: [], unreadable: 0, pending: [] };
  const total = items.length;
  for (const [position, item] of items.entries()) {
    const index = position + 1;
    let processed = item.processed;
    if (!processed) {
      try {
        processed = await deps.process(item.original, {
          readGps: deps.readGps,
          onProgress: (stage) => onProgress({ index, total, stage }),
        });
      } catch {
        // Not an image (or a format this browser cannot decode): nothing to keep or retry.
        outcome.unreadable += 1;
        continue;
      }
    }
    const ready: CaptureItem = { original: item.original, processed };
    onProgress({ index, total, stage: 'saving' });
    try {
      const { data, mimeType, width, height, thumbnail } = processed;
      const photo = await deps.photos.addPhoto({ data, mimeType, width, height, thumbnail }, owner);
      outcome.saved.push({ photo, item: ready });
    } catch (error) {
      // The following photos would meet the same refusal: keep them all for the retry.
      outcome.pending = [ready, ...items.slice(position + 1)];
      outcome.error = error;
      return outcome;
    }
  }
  return outcome;
}

/** Where a photo was taken: from its own EXIF GPS, or the tablet's position when it was added. */
export interface PhotoPosition {
  lat: number;
  lon: number;
  /** Metres; EXIF often lacks it. */
  accuracyM?: number;
  source: 'exif' | 'device';
}

/** The photo's EXIF position when it has one, otherwise the device's (null when unknown). */
export async function positionOf(
  processed: ProcessedPhoto,
  devicePosition: () => Promise<DevicePosition | null>,
): Promise<PhotoPosition | null> {
  if (processed.gps) return { ...processed.gps, source: 'exif' };
  const device = await devicePosition();
  return device && { ...device, source: 'device' };
}
