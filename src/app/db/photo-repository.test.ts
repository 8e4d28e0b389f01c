import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fixedStorage, type DeviceStorage } from '../platform/storage.ts';
import { questionOfType, smallPortfolio, testStore } from '../../../test/unit/db/store-fixtures.ts';
import { InvalidInputError, StorageFullError } from './errors.ts';
import { PHOTO_HEADROOM_BYTES } from './photo-repository.ts';

function jpeg(seed: number, size = 2_000): ArrayBuffer {
  const bytes = new Uint8Array(size);
  for (let index = 0; index < size; index += 1) bytes[index] = (seed * 31 + index * 7) % 256;
  bytes[0] = 0xff;
  bytes[1] = 0xd8;
  return bytes.buffer;
}

const sha256 = (buffer: ArrayBuffer) =>
  createHash('sha256').update(new Uint8Array(buffer)).digest('hex');

async function inspectionWithPhotos(storage?: DeviceStorage) {
  const harness = testStore(storage ? { storage } : {});
  const portfolio = smallPortfolio();
  await harness.store.portfolio.importPortfolio(portfolio);
  const inspection = await harness.store.inspections.start({
    module: 'optoppen-scan',
    targetLevel: 'pand',
    targetId: portfolio.complexes[0]!.panden[0]!.id,
  });
  return {
    ...harness,
    inspection,
    photoQuestion: questionOfType('optoppen-scan', 'photo'),
    jaNeeQuestion: questionOfType('optoppen-scan', 'ja-nee'),
  };
}

const layer = {
  version: 1 as const,
  shapes: [
    {
      kind: 'arrow' as const,
      from: [0.1, 0.1] as [number, number],
      to: [0.5, 0.4] as [number, number],
      color: '#d00',
    },
  ],
};

describe('photos', () => {
  it('stores a photo under the SHA-256 of its bytes and answers a photo question with it', async () => {
    const { store, inspection, photoQuestion } = await inspectionWithPhotos();
    const data = jpeg(1);

    const photo = await store.photos.addPhoto(
      { data, mimeType: 'image/jpeg', width: 1600, height: 1200 },
      { inspectionId: inspection.id, questionId: photoQuestion },
    );

    expect(photo).toMatchObject({
      hash: sha256(data),
      bytes: 2_000,
      width: 1600,
      height: 1200,
      uploaded: false,
    });
    expect((await store.answers.get(inspection.id, photoQuestion))?.value).toEqual({
      type: 'photo',
      value: [photo.hash],
    });
    const original = await store.photos.original(photo.hash);
    expect(new Uint8Array(original!.data)).toEqual(new Uint8Array(data));
    expect(original!.data).toBeInstanceOf(ArrayBuffer);
    const ops = await store.outbox.peekBatch(100);
    expect(ops.find((op) => op.entity === 'photo')).toMatchObject({
      id: photo.hash,
      kind: 'upsert',
      fields: { mimeType: 'image/jpeg', bytes: 2_000 },
    });
  });

  it('stores the same picture only once however often it is added', async () => {
    const { store, context, inspection, photoQuestion } = await inspectionWithPhotos();
    const owner = { inspectionId: inspection.id, questionId: photoQuestion };
    const first = await store.photos.addPhoto(
      { data: jpeg(2), mimeType: 'image/jpeg', width: 10, height: 10 },
      owner,
    );
    const ops = await store.outbox.pendingCount();

    const again = await store.photos.addPhoto(
      { data: jpeg(2), mimeType: 'image/jpeg', width: 10, height: 10 },
      owner,
    );

    expect(again.hash).toBe(first.hash);
    expect(await context.db.photos.count()).toBe(1);
    expect(await context.db.photoData.count()).toBe(1);
    expect(await store.outbox.pendingCount()).toBe(ops);
    expect((await store.answers.get(inspection.id, photoQuestion))?.value).toEqual({
      type: 'photo',
      value: [first.hash],
    });
  });

  it('adds a photo to an answered question and to a finding in the same action', async () => {
    const { store, inspection, jaNeeQuestion } = await inspectionWithPhotos();
    await store.answers.saveAnswer(inspection.id, jaNeeQuestion, { type: 'ja-nee', value: 'nee' });
    const finding = await store.findings.create(inspection.id, {
      location: 'Dak, noordzijde',
      description: 'Dakbedekking gescheurd',
      severity: 'ernstig',
    });

    const photo = await store.photos.addPhoto(
      { data: jpeg(3), mimeType: 'image/jpeg', width: 10, height: 10 },
      { inspectionId: inspection.id, questionId: jaNeeQuestion, findingId: finding.id },
    );

    expect((await store.answers.get(inspection.id, jaNeeQuestion))?.photoIds).toEqual([photo.hash]);
    expect((await store.findings.get(finding.id))?.photoIds).toEqual([photo.hash]);
    expect((await store.answers.history(inspection.id, jaNeeQuestion)).at(-1)?.reason).toBe(
      'photo-added',
    );
  });

  it('asks for the answer first when a photo is added to an unanswered non-photo question', async () => {
    const { store, context, inspection, jaNeeQuestion } = await inspectionWithPhotos();
    await expect(
      store.photos.addPhoto(
        { data: jpeg(4), mimeType: 'image/jpeg', width: 10, height: 10 },
        { inspectionId: inspection.id, questionId: jaNeeQuestion },
      ),
    ).rejects.toThrow(/Beantwoord eerst de vraag/);
    expect(await context.db.photos.count()).toBe(0);
  });

  it('refuses a photo with StorageFullError when it would not fit, keeping every answer saved before', async () => {
    const storage = fixedStorage({
      usage: 500_000_000 - PHOTO_HEADROOM_BYTES - 1_000,
      quota: 500_000_000,
    });
    const { store, context, inspection, photoQuestion, jaNeeQuestion } =
      await inspectionWithPhotos(storage);
    await store.answers.saveAnswer(inspection.id, jaNeeQuestion, { type: 'ja-nee', value: 'ja' });
    const pending = await store.outbox.pendingCount();

    const error = await store.photos
      .addPhoto(
        { data: jpeg(5, 4_000), mimeType: 'image/jpeg', width: 10, height: 10 },
        { inspectionId: inspection.id, questionId: photoQuestion },
      )
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(StorageFullError);
    expect((error as StorageFullError).message).toMatch(/Wat al is opgeslagen blijft bewaard/);
    expect(await context.db.photos.count()).toBe(0);
    expect(await store.outbox.pendingCount()).toBe(pending);
    expect((await store.answers.get(inspection.id, jaNeeQuestion))?.value).toEqual({
      type: 'ja-nee',
      value: 'ja',
    });
    // A smaller photo that does fit is still accepted.
    await expect(
      store.photos.addPhoto(
        { data: jpeg(6, 500), mimeType: 'image/jpeg', width: 10, height: 10 },
        { inspectionId: inspection.id, questionId: photoQuestion },
      ),
    ).resolves.toMatchObject({ bytes: 500 });
  });

  it('serves thumbnails for lists and falls back to the original when none was made', async () => {
    const { store, inspection, photoQuestion } = await inspectionWithPhotos();
    const owner = { inspectionId: inspection.id, questionId: photoQuestion };
    const withThumb = await store.photos.addPhoto(
      {
        data: jpeg(7),
        mimeType: 'image/jpeg',
        width: 1600,
        height: 1200,
        thumbnail: { data: jpeg(8, 100), mimeType: 'image/webp', width: 160, height: 120 },
      },
      owner,
    );
    const without = await store.photos.addPhoto(
      { data: jpeg(9, 300), mimeType: 'image/png', width: 30, height: 20 },
      owner,
    );

    const thumbnails = await store.photos.photoThumbnails([
      withThumb.hash,
      without.hash,
      'f'.repeat(64),
    ]);

    expect(thumbnails.get(withThumb.hash)).toMatchObject({
      mimeType: 'image/webp',
      width: 160,
      height: 120,
    });
    expect(thumbnails.get(withThumb.hash)!.data.byteLength).toBe(100);
    expect(thumbnails.get(without.hash)).toMatchObject({
      mimeType: 'image/png',
      width: 30,
      height: 20,
    });
    expect(thumbnails.has('f'.repeat(64))).toBe(false);
    expect(
      (await store.photos.listForInspection(inspection.id)).map((photo) => photo.hash).sort(),
    ).toEqual([withThumb.hash, without.hash].sort());
  });

  it('keeps the drawing on its use, apart from the original bytes, synced with the answer', async () => {
    const { store, inspection, photoQuestion } = await inspectionWithPhotos();
    const data = jpeg(10);
    const use = { inspectionId: inspection.id, questionId: photoQuestion };
    const photo = await store.photos.addPhoto(
      { data, mimeType: 'image/jpeg', width: 10, height: 10 },
      use,
    );

    await store.photos.saveAnnotation(use, photo.hash, layer);

    expect(await store.photos.annotation(use, photo.hash)).toEqual(layer);
    expect(sha256((await store.photos.original(photo.hash))!.data)).toBe(photo.hash);
    const op = (await store.outbox.peekBatch(100)).at(-1)!;
    expect(op).toMatchObject({
      entity: 'answer',
      id: `${inspection.id}/${photoQuestion}`,
      fields: { photoNotes: { [photo.hash]: { annotation: layer } } },
    });
    // A drawing is not a new answer: the answer's history gets no row for it.
    const history = await store.answers.history(inspection.id, photoQuestion);
    expect(history.map((entry) => entry.reason)).toEqual(['photo-added']);
  });

  it('the same image on two inspections keeps a drawing and caption per use', async () => {
    const { store, inspection, photoQuestion } = await inspectionWithPhotos();
    const portfolio = smallPortfolio();
    const other = await store.inspections.start({
      module: 'optoppen-scan',
      targetLevel: 'pand',
      targetId: portfolio.complexes[0]!.panden[1]!.id,
    });
    const finding = await store.findings.create(other.id, {
      location: 'Dak',
      description: 'Lekkage',
      severity: 'gering',
    });
    const roof = { inspectionId: inspection.id, questionId: photoQuestion };
    const findingUse = { inspectionId: other.id, findingId: finding.id };
    const image = { data: jpeg(12), mimeType: 'image/jpeg' as const, width: 10, height: 10 };
    const photo = await store.photos.addPhoto(image, roof);
    expect((await store.photos.addPhoto(image, findingUse)).hash).toBe(photo.hash);

    await store.photos.saveAnnotation(roof, photo.hash, layer);
    await store.photos.saveCaption(findingUse, photo.hash, '  Dakrand bij de lift ');

    expect(await store.photos.notes(roof)).toEqual({ [photo.hash]: { annotation: layer } });
    expect(await store.photos.notes(findingUse)).toEqual({
      [photo.hash]: { caption: 'Dakrand bij de lift' },
    });
    expect((await store.findings.get(finding.id))?.photoNotes?.[photo.hash]?.annotation).toBe(
      undefined,
    );
    // Emptying the drawing and the caption removes the note.
    await store.photos.saveAnnotation(roof, photo.hash, { version: 1, shapes: [] });
    await store.photos.saveCaption(findingUse, photo.hash, ' ');
    expect(await store.photos.notes(roof)).toEqual({});
    expect(await store.photos.notes(findingUse)).toEqual({});
  });

  it('removes a photo from a finding and an answer in one synced change, not after finishing', async () => {
    const { store, inspection, photoQuestion, jaNeeQuestion } = await inspectionWithPhotos();
    const finding = await store.findings.create(inspection.id, {
      location: 'Galerij',
      description: 'Scheur',
      severity: 'ernstig',
    });
    const findingUse = { inspectionId: inspection.id, findingId: finding.id };
    const roof = { inspectionId: inspection.id, questionId: photoQuestion };
    const remark = { inspectionId: inspection.id, questionId: jaNeeQuestion };
    await store.answers.saveAnswer(inspection.id, jaNeeQuestion, { type: 'ja-nee', value: 'ja' });
    const a = await store.photos.addPhoto(
      { data: jpeg(20), mimeType: 'image/jpeg', width: 9, height: 9 },
      findingUse,
    );
    const b = await store.photos.addPhoto(
      { data: jpeg(21), mimeType: 'image/jpeg', width: 9, height: 9 },
      findingUse,
    );
    await store.photos.addPhoto(
      { data: jpeg(20), mimeType: 'image/jpeg', width: 9, height: 9 },
      roof,
    );
    await store.photos.addPhoto(
      { data: jpeg(21), mimeType: 'image/jpeg', width: 9, height: 9 },
      remark,
    );
    await store.photos.saveCaption(findingUse, a.hash, 'Scheur bij de trap');
    const before = (await store.outbox.peekBatch(1_000)).length;

    await store.photos.removePhoto(findingUse, a.hash);
    const found = await store.findings.get(finding.id);
    expect(found?.photoIds).toEqual([b.hash]);
    expect(found?.photoNotes).toEqual({});
    const ops = (await store.outbox.peekBatch(1_000)).slice(before);
    expect(ops).toHaveLength(1);
    expect(ops[0]).toMatchObject({
      entity: 'finding',
      id: finding.id,
      kind: 'upsert',
      fields: { photoIds: [b.hash], photoNotes: {} },
    });
    // The other use of the same image and the bytes stay.
    expect((await store.answers.get(inspection.id, photoQuestion))?.value).toEqual({
      type: 'photo',
      value: [a.hash],
    });
    expect(await store.photos.original(a.hash)).toBeDefined();

    // A photo added to another answer leaves its photoIds; the answer itself stays.
    await store.photos.removePhoto(remark, b.hash);
    const answer = await store.answers.get(inspection.id, jaNeeQuestion);
    expect(answer?.value).toEqual({ type: 'ja-nee', value: 'ja' });
    expect(answer?.photoIds).toEqual([]);
    // The last photo of a photo question: an empty photo answer is no answer.
    await store.photos.removePhoto(roof, a.hash);
    expect(await store.answers.get(inspection.id, photoQuestion)).toBeUndefined();
    const reasons = (await store.answers.history(inspection.id)).map((entry) => entry.reason);
    expect(reasons.filter((reason) => reason === 'photo-removed')).toHaveLength(2);

    await store.inspections.finish(inspection.id);
    await expect(store.photos.removePhoto(findingUse, b.hash)).rejects.toThrow();
    await expect(store.photos.saveCaption(findingUse, b.hash, 'Te laat')).rejects.toThrow();
    expect((await store.findings.get(finding.id))?.photoIds).toEqual([b.hash]);
  });

  it('refuses a caption longer than 300 characters, and a note on a photo the use does not have', async () => {
    const { store, inspection, photoQuestion, jaNeeQuestion } = await inspectionWithPhotos();
    const roof = { inspectionId: inspection.id, questionId: photoQuestion };
    const photo = await store.photos.addPhoto(
      { data: jpeg(30), mimeType: 'image/jpeg', width: 9, height: 9 },
      roof,
    );
    await expect(
      store.photos.saveCaption(roof, photo.hash, 'x'.repeat(301)),
    ).rejects.toBeInstanceOf(InvalidInputError);
    await store.answers.saveAnswer(inspection.id, jaNeeQuestion, { type: 'ja-nee', value: 'nee' });
    await expect(
      store.photos.saveAnnotation(
        { inspectionId: inspection.id, questionId: jaNeeQuestion },
        photo.hash,
        layer,
      ),
    ).rejects.toThrow();
  });

  it('refuses files that are not images or are empty', async () => {
    const { store, inspection, photoQuestion } = await inspectionWithPhotos();
    const owner = { inspectionId: inspection.id, questionId: photoQuestion };
    await expect(
      store.photos.addPhoto(
        { data: jpeg(11), mimeType: 'application/pdf' as 'image/jpeg', width: 10, height: 10 },
        owner,
      ),
    ).rejects.toBeInstanceOf(InvalidInputError);
    await expect(
      store.photos.addPhoto(
        { data: new ArrayBuffer(0), mimeType: 'image/jpeg', width: 10, height: 10 },
        owner,
      ),
    ).rejects.toThrow(/leeg/);
  });
});
