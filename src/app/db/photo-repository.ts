// Photos: stored once per SHA-256, bytes as ArrayBuffer in their own table, a thumbnail for lists,
// and an annotation layer apart from the untouched original. The hash is computed BEFORE the
// transaction: awaiting crypto inside a Dexie transaction would commit it early.
import { z } from 'zod';
import type { AnswerValue } from '../../shared/domain/templates/index.ts';
import type { AnswerRepository } from './answer-repository.ts';
import type {
  PhotoAnnotationRow,
  PhotoOwner,
  PhotoRow,
  PhotoThumbnailRow,
  SchouwDatabase,
} from './database.ts';
import { updateEntity } from './entity-writes.ts';
import { InvalidInputError, NotFoundError } from './errors.ts';
import { live, type Live } from './live.ts';
import { AnnotationLayerSchema, type AnnotationLayer } from './photo-types.ts';
import { withClocks, type StoreContext, type WriteScope } from './store-context.ts';
import { isTombstone, stripClocks } from './synced.ts';
import { validate } from './validation.ts';

/**
 * Space kept free when a photo is stored, so answers can still be saved after a photo was
 * refused for lack of room.
 */
export const PHOTO_HEADROOM_BYTES = 10 * 1024 * 1024;

/** Photos are resized on the device first (long side about 1600 px); anything far bigger is a mistake. */
export const MAX_PHOTO_BYTES = 15 * 1024 * 1024;

const ImageSchema = z.object({
  data: z.instanceof(ArrayBuffer),
  mimeType: z.enum(['image/jpeg', 'image/webp', 'image/png'], {
    error: 'Alleen JPEG-, WebP- of PNG-foto’s kunnen worden opgeslagen.',
  }),
  width: z.number().int().positive({ error: 'De breedte van de foto ontbreekt.' }),
  height: z.number().int().positive({ error: 'De hoogte van de foto ontbreekt.' }),
});

const NewPhotoSchema = ImageSchema.extend({ thumbnail: ImageSchema.optional() });

export type PhotoImage = z.infer<typeof ImageSchema>;
export type NewPhoto = z.infer<typeof NewPhotoSchema>;

export interface PhotoView extends PhotoOwner {
  hash: string;
  mimeType: string;
  width: number;
  height: number;
  bytes: number;
  createdAt: string;
  /** The server confirmed it has the bytes. */
  uploaded: boolean;
}

export interface PhotoWithData extends PhotoView {
  data: ArrayBuffer;
}

function toPhotoView(row: PhotoRow): PhotoView {
  const { uploaded, ...rest } = stripClocks(row);
  return { ...rest, uploaded: uploaded === 1 };
}

function appendOnce(list: readonly string[] | undefined, hash: string): string[] {
  const current = list ?? [];
  return current.includes(hash) ? [...current] : [...current, hash];
}

export class PhotoRepository {
  constructor(
    private readonly context: StoreContext,
    private readonly answers: AnswerRepository,
  ) {}

  private get db(): SchouwDatabase {
    return this.context.db;
  }

  /**
   * Stores a photo (once per content hash) and attaches it to its owner in one transaction: a
   * photo question gets it in its value, another answered question in its photoIds, a finding in
   * its photoIds. Refuses with StorageFullError, before writing anything, when the device
   * reports too little room.
   */
  async addPhoto(photo: NewPhoto, owner: PhotoOwner): Promise<PhotoView> {
    const input = validate(NewPhotoSchema, photo);
    if (input.data.byteLength === 0) throw new InvalidInputError('De foto is leeg.');
    if (input.data.byteLength > MAX_PHOTO_BYTES)
      throw new InvalidInputError('De foto is te groot; verklein haar eerst.');
    const hash = await this.context.hash(input.data);
    const bytes = input.data.byteLength + (input.thumbnail?.data.byteLength ?? 0);
    await this.context.ensureRoomFor(bytes, PHOTO_HEADROOM_BYTES);
    const db = this.db;
    return this.context.write(
      [
        db.inspections,
        db.answers,
        db.answerHistory,
        db.findings,
        db.actions,
        db.photos,
        db.photoData,
        db.photoThumbnails,
      ],
      async (scope) => {
        // An action's evidence photo is taken after its (finished) inspection; the photo is
        // referenced by the action step that is saved next (ActionRepository.transition).
        if (owner.actionId !== undefined) await this.requireAction(owner.actionId);
        else await this.answers.requireEditable(scope, owner.inspectionId);
        const existing = await db.photos.get(hash);
        const row = existing ?? (await this.insertPhoto(scope, hash, input, owner));
        if (owner.questionId !== undefined)
          await this.attachToAnswer(scope, owner.inspectionId, owner.questionId, hash);
        if (owner.findingId !== undefined) await this.attachToFinding(scope, owner.findingId, hash);
        return toPhotoView(row);
      },
    );
  }

  get(hash: string): Promise<PhotoView | undefined> {
    return this.context.run(async () => {
      const row = await this.db.photos.get(hash);
      return row && !isTombstone(row) ? toPhotoView(row) : undefined;
    });
  }

  /** The original bytes with their metadata (for full-screen view, upload and the PDF). */
  original(hash: string): Promise<PhotoWithData | undefined> {
    const db = this.db;
    return this.context.run(() =>
      db.transaction('r', [db.photos, db.photoData], async () => {
        const [row, data] = await Promise.all([db.photos.get(hash), db.photoData.get(hash)]);
        return row && data ? { ...toPhotoView(row), data: data.data } : undefined;
      }),
    );
  }

  /**
   * Small images for lists, by hash; a photo stored without a thumbnail is returned in full.
   * Hashes not on this device are missing from the map.
   */
  photoThumbnails(hashes: readonly string[]): Promise<Map<string, PhotoImage>> {
    const db = this.db;
    return this.context.run(() =>
      db.transaction('r', [db.photos, db.photoData, db.photoThumbnails], async () => {
        const thumbnails = await db.photoThumbnails.bulkGet([...hashes]);
        const result = new Map<string, PhotoImage>();
        const missing: string[] = [];
        hashes.forEach((hash, index) => {
          const thumbnail = thumbnails[index];
          if (thumbnail) result.set(hash, imageOf(thumbnail));
          else missing.push(hash);
        });
        const [rows, data] = await Promise.all([
          db.photos.bulkGet(missing),
          db.photoData.bulkGet(missing),
        ]);
        missing.forEach((hash, index) => {
          const row = rows[index];
          const bytes = data[index];
          if (row && bytes)
            result.set(hash, {
              data: bytes.data,
              mimeType: row.mimeType as PhotoImage['mimeType'],
              width: row.width,
              height: row.height,
            });
        });
        return result;
      }),
    );
  }

  /** Metadata of every photo taken during an inspection, oldest first. */
  listForInspection(inspectionId: string): Promise<PhotoView[]> {
    return this.context.run(() => this.readForInspection(inspectionId));
  }

  watchForInspection(inspectionId: string): Live<PhotoView[]> {
    return live(() => this.readForInspection(inspectionId));
  }

  /** Saves (replaces) the drawing on a photo; the original bytes are never touched. */
  saveAnnotation(hash: string, layer: AnnotationLayer): Promise<void> {
    const parsed = validate(AnnotationLayerSchema, layer);
    const db = this.db;
    return this.context.write([db.photos, db.photoAnnotations], async (scope) => {
      const row = await db.photos.get(hash);
      if (!row || isTombstone(row)) throw new NotFoundError('photo', hash);
      const hlc = scope.stamp();
      const annotation: PhotoAnnotationRow = { hash, layer: parsed, updatedAt: scope.at, hlc };
      // The layer keeps its own clock (not in the photo row): it is one field that merges whole.
      await db.photoAnnotations.put(annotation);
      await scope.enqueue('photo', hash, 'upsert', { annotation: parsed }, hlc);
    });
  }

  annotation(hash: string): Promise<AnnotationLayer | undefined> {
    return this.context.run(async () => (await this.db.photoAnnotations.get(hash))?.layer);
  }

  /** Photos whose bytes the server has not confirmed yet (for the photo upload, a later issue). */
  pendingUploads(): Promise<PhotoView[]> {
    return this.context.run(async () =>
      (await this.db.photos.where('uploaded').equals(0).toArray()).map(toPhotoView),
    );
  }

  /** Records that the server stored and verified the bytes of a photo. */
  markUploaded(hash: string): Promise<void> {
    const db = this.db;
    return this.context.run(() =>
      db.transaction('rw', db.photos, async () => {
        await db.photos.update(hash, { uploaded: 1 });
      }),
    );
  }

  private async insertPhoto(
    scope: WriteScope,
    hash: string,
    input: NewPhoto,
    owner: PhotoOwner,
  ): Promise<PhotoRow> {
    const db = this.db;
    const fields = {
      mimeType: input.mimeType,
      width: input.width,
      height: input.height,
      bytes: input.data.byteLength,
      createdAt: scope.at,
      ...owner,
    };
    const hlc = scope.stamp();
    const row: PhotoRow = {
      hash,
      ...fields,
      uploaded: 0,
      clocks: withClocks(undefined, fields, hlc),
    };
    await db.photos.add(row);
    await db.photoData.add({ hash, data: input.data });
    if (input.thumbnail) await db.photoThumbnails.add({ hash, ...input.thumbnail });
    await scope.enqueue('photo', hash, 'upsert', fields, hlc);
    return row;
  }

  private async attachToAnswer(
    scope: WriteScope,
    inspectionId: string,
    questionId: string,
    hash: string,
  ): Promise<void> {
    const existing = await this.answers.readRow(inspectionId, questionId);
    const previous = existing && !isTombstone(existing) ? existing : undefined;
    if (previous?.value.type === 'photo') {
      if (previous.value.value.includes(hash)) return;
      const value: AnswerValue = { type: 'photo', value: appendOnce(previous.value.value, hash) };
      await this.answers.writeAnswer(
        scope,
        existing,
        { value, answeredAt: scope.at },
        previous.value,
        'photo-added',
      );
      return;
    }
    if (previous) {
      if (previous.photoIds?.includes(hash)) return;
      const fields = { photoIds: appendOnce(previous.photoIds, hash) };
      await this.answers.writeAnswer(scope, existing, fields, previous.value, 'photo-added');
      return;
    }
    // No answer yet: only a photo question can be answered by the photo itself.
    const inspection = await this.db.inspections.get(inspectionId);
    const type = inspection && this.answers.questionType(inspection, questionId);
    if (type !== 'photo')
      throw new InvalidInputError(
        'Beantwoord eerst de vraag; daarna kun je er een foto bij maken.',
      );
    const value: AnswerValue = { type: 'photo', value: [hash] };
    await this.answers.writeAnswer(
      scope,
      existing,
      {
        inspectionId,
        questionId,
        value,
        answeredAt: scope.at,
        ...(scope.by !== undefined && { answeredBy: scope.by }),
      },
      null,
      'photo-added',
    );
  }

  private async requireAction(actionId: string): Promise<void> {
    const row = await this.db.actions.get(actionId);
    if (!row || isTombstone(row)) throw new NotFoundError('action', actionId);
  }

  private async attachToFinding(scope: WriteScope, findingId: string, hash: string): Promise<void> {
    const db = this.db;
    const row = await db.findings.get(findingId);
    if (!row || isTombstone(row)) throw new NotFoundError('finding', findingId);
    if (row.photoIds.includes(hash)) return;
    await updateEntity(scope, db.findings, 'finding', row, {
      photoIds: appendOnce(row.photoIds, hash),
    });
  }

  private async readForInspection(inspectionId: string): Promise<PhotoView[]> {
    const rows = await this.db.photos.where('inspectionId').equals(inspectionId).toArray();
    return rows
      .filter((row) => !isTombstone(row))
      .map(toPhotoView)
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.hash.localeCompare(b.hash));
  }
}

function imageOf(row: PhotoThumbnailRow): PhotoImage {
  return {
    data: row.data,
    mimeType: row.mimeType as PhotoImage['mimeType'],
    width: row.width,
    height: row.height,
  };
}
