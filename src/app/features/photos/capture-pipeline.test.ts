import { describe, expect, it } from 'vitest';
import {
  questionOfType,
  smallPortfolio,
  testStore,
} from '../../../../test/unit/db/store-fixtures.ts';
import type { DeviceStorage, StorageEstimate } from '../../platform/storage.ts';
import {
  UnreadableImageError,
  type ProcessedPhoto,
  type ProcessOptions,
} from '../../platform/image-processing.ts';
import { captureAndStore, positionOf, type CaptureProgress } from './capture-pipeline.ts';

/** Storage whose free space the test controls, like a tablet that fills up and is cleared. */
function adjustableStorage(initial: StorageEstimate) {
  let estimate = initial;
  const storage: DeviceStorage = {
    estimate: () => Promise.resolve({ ...estimate }),
    persisted: () => Promise.resolve(true),
    persist: () => Promise.resolve(true),
  };
  return { storage, set: (next: StorageEstimate) => (estimate = next) };
}

const GB = 1024 ** 3;

/** Stands in for canvas processing (not available in Node): "resizes" by tagging the bytes. */
function fakeProcessor() {
  const calls: Blob[] = [];
  const process = async (original: Blob, options: ProcessOptions): Promise<ProcessedPhoto> => {
    calls.push(original);
    const text = await original.text();
    if (text.startsWith('not-an-image')) throw new UnreadableImageError();
    options.onProgress?.('decoding');
    options.onProgress?.('resizing');
    options.onProgress?.('encoding');
    const data = new TextEncoder().encode(`resized:${text}`).buffer;
    return {
      data,
      mimeType: 'image/jpeg',
      width: 1600,
      height: 1200,
      thumbnail: {
        data: new TextEncoder().encode(`thumb:${text}`).buffer,
        mimeType: 'image/jpeg',
        width: 240,
        height: 180,
      },
      gps: options.readGps ? { lat: 52.1, lon: 5.1 } : null,
    };
  };
  return { process, calls };
}

async function inspection(storage: DeviceStorage) {
  const harness = testStore({ storage });
  const portfolio = smallPortfolio();
  await harness.store.portfolio.importPortfolio(portfolio);
  const started = await harness.store.inspections.start({
    module: 'optoppen-scan',
    targetLevel: 'pand',
    targetId: portfolio.complexes[0]!.panden[0]!.id,
  });
  const owner = { inspectionId: started.id, questionId: questionOfType('optoppen-scan', 'photo') };
  return { ...harness, owner };
}

const file = (text: string) => new Blob([text], { type: 'image/jpeg' });

describe('captureAndStore', () => {
  it('stores each resized photo with its thumbnail and attaches it to the answer, reporting progress', async () => {
    const { storage } = adjustableStorage({ usage: 0, quota: 10 * GB });
    const { store, owner } = await inspection(storage);
    const { process } = fakeProcessor();
    const progress: CaptureProgress[] = [];

    const outcome = await captureAndStore(
      [{ original: file('a') }, { original: file('b') }],
      owner,
      { process, photos: store.photos, readGps: false },
      (step) => progress.push(step),
    );

    expect(outcome.error).toBeUndefined();
    expect(outcome.saved).toHaveLength(2);
    const answer = await store.answers.get(owner.inspectionId, owner.questionId);
    expect(answer?.value).toEqual({
      type: 'photo',
      value: outcome.saved.map(({ photo }) => photo.hash),
    });
    const original = await store.photos.original(outcome.saved[0]!.photo.hash);
    expect(new TextDecoder().decode(original!.data)).toBe('resized:a');
    const thumbnails = await store.photos.photoThumbnails([outcome.saved[1]!.photo.hash]);
    expect(new TextDecoder().decode([...thumbnails.values()][0]!.data)).toBe('thumb:b');
    expect(progress.map((step) => `${step.index}/${step.total} ${step.stage}`)).toEqual([
      '1/2 decoding',
      '1/2 resizing',
      '1/2 encoding',
      '1/2 saving',
      '2/2 decoding',
      '2/2 resizing',
      '2/2 encoding',
      '2/2 saving',
    ]);
  });

  it('skips files that are not images and still stores the others', async () => {
    const { storage } = adjustableStorage({ usage: 0, quota: 10 * GB });
    const { store, owner } = await inspection(storage);
    const { process } = fakeProcessor();

    const outcome = await captureAndStore(
      [{ original: file('not-an-image.pdf') }, { original: file('c') }],
      owner,
      { process, photos: store.photos, readGps: false },
    );

    expect(outcome.unreadable).toBe(1);
    expect(outcome.saved).toHaveLength(1);
    expect(outcome.pending).toEqual([]);
  });

  it('keeps every photo the full device refused, and stores the same bytes on retry without resizing again', async () => {
    const device = adjustableStorage({ usage: 10 * GB - 1024, quota: 10 * GB });
    const { store, owner } = await inspection(device.storage);
    const { process, calls } = fakeProcessor();
    const items = [{ original: file('d') }, { original: file('e') }];

    const refused = await captureAndStore(items, owner, {
      process,
      photos: store.photos,
      readGps: false,
    });

    expect(refused.saved).toEqual([]);
    expect((refused.error as Error).name).toBe('StorageFullError');
    expect(refused.pending).toHaveLength(2);
    expect(refused.pending[0]!.processed).toBeDefined(); // resized before the refusal
    expect(refused.pending[1]!.processed).toBeUndefined(); // not touched yet
    expect(await store.photos.listForInspection(owner.inspectionId)).toEqual([]);

    device.set({ usage: 0, quota: 10 * GB }); // the inspector synced and freed space
    const retried = await captureAndStore(refused.pending, owner, {
      process,
      photos: store.photos,
      readGps: false,
    });

    expect(retried.error).toBeUndefined();
    expect(retried.saved).toHaveLength(2);
    expect(calls).toHaveLength(2); // d once, e once: nothing resized twice
    const stored = await store.photos.original(retried.saved[0]!.photo.hash);
    expect(new TextDecoder().decode(stored!.data)).toBe('resized:d');
  });

  it('reads EXIF GPS only when the user allowed sharing location', async () => {
    const { storage } = adjustableStorage({ usage: 0, quota: 10 * GB });
    const { store, owner } = await inspection(storage);
    const { process } = fakeProcessor();
    const run = (readGps: boolean, text: string) =>
      captureAndStore([{ original: file(text) }], owner, {
        process,
        photos: store.photos,
        readGps,
      });

    expect((await run(false, 'f')).saved[0]!.item.processed!.gps).toBeNull();
    expect((await run(true, 'g')).saved[0]!.item.processed!.gps).toEqual({ lat: 52.1, lon: 5.1 });
  });
});

describe('positionOf', () => {
  const processed = (gps: ProcessedPhoto['gps']): ProcessedPhoto => ({
    data: new ArrayBuffer(1),
    mimeType: 'image/jpeg',
    width: 1,
    height: 1,
    thumbnail: { data: new ArrayBuffer(1), mimeType: 'image/jpeg', width: 1, height: 1 },
    gps,
  });

  it('prefers where the photo says it was taken and does not ask the device then', async () => {
    let asked = 0;
    const device = () => {
      asked += 1;
      return Promise.resolve({ lat: 1, lon: 1, accuracyM: 5 });
    };
    expect(await positionOf(processed({ lat: 52, lon: 4, accuracyM: 3 }), device)).toEqual({
      lat: 52,
      lon: 4,
      accuracyM: 3,
      source: 'exif',
    });
    expect(asked).toBe(0);
  });

  it('falls back to the device position, or null when there is none', async () => {
    expect(
      await positionOf(processed(null), () => Promise.resolve({ lat: 51, lon: 5, accuracyM: 12 })),
    ).toEqual({ lat: 51, lon: 5, accuracyM: 12, source: 'device' });
    expect(await positionOf(processed(null), () => Promise.resolve(null))).toBeNull();
  });
});
