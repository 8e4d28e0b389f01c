// Photos: stored once per SHA-256, bytes as ArrayBuffer in their own table, a thumbnail for lists.
// The drawing and caption belong to each use of a photo (the answer's or finding's `photoNotes`,
// see shared/domain/photo-note.ts), never to the bytes, which stay untouched. The hash is computed BEFORE the
// transaction: awaiting crypto inside a Dexie transaction would commit it early.
import { z } from 'zod';
import type { AnswerValue } from '../../shared/domain/templates/index.ts';
import type { AnswerRepository } from './answer-repository.ts';
import {
  MAX_PHOTO_CAPTION_LENGTH,
  withoutPhotoNote,
  type PhotoNote,
  type PhotoNotes,
} from '../../shared/domain/photo-note.ts';
import type {
  AnswerRow,
  FindingRow,
  PhotoOwner,
  PhotoRow,
  PhotoThumbnailRow,
  SchouwDatabase,
} from './database.ts';
import { updateEntity } from './entity-writes.ts';
import { InvalidInputError, NotFoundError } from './errors.ts';
import { live, type Live } from './live.ts';
import { AnnotationLayerSchema, type AnnotationLayer } from './photo-types.ts';
import { answerOpId } from './inspection-repository.ts';
import { answerPhotoHashes } from './photo-uses.ts';
import { withClocks, type StoreContext, type WriteScope } from './store-context.ts';
import { isTombstone, omit, stripClocks } from './synced.ts';
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

  /** The drawing and caption of every photo of one use (an answer or a finding). */
  notes(use: PhotoOwner): Promise<PhotoNotes> {
    return this.context.run(() => this.readNotes(use));
  }

  watchNotes(use: PhotoOwner): Live<PhotoNotes> {
    return live(() => this.readNotes(use));
  }

  /** The drawing on a photo as used by this answer or finding. */
  async annotation(use: PhotoOwner, hash: string): Promise<AnnotationLayer | undefined> {
    return (await this.notes(use))[hash]?.annotation;
  }

  /**
   * Saves (replaces) the drawing on a photo for this use only: the same image attached elsewhere
   * keeps its own drawing, and the original bytes are never touched. An empty layer removes it.
   */
  async saveAnnotation(use: PhotoOwner, hash: string, layer: AnnotationLayer): Promise<void> {
    const parsed = validate(AnnotationLayerSchema, layer);
    return this.changeNote(use, hash, (note) => {
      const rest = omit(note, 'annotation');
      return parsed.shapes.length > 0 ? { ...rest, annotation: parsed } : rest;
    });
  }

  /** Sets the caption of a photo for this use; an empty caption removes it. */
  async saveCaption(use: PhotoOwner, hash: string, caption: string): Promise<void> {
    const text = caption.trim();
    if (text.length > MAX_PHOTO_CAPTION_LENGTH)
      throw new InvalidInputError(
        `Een bijschrift heeft hooguit ${MAX_PHOTO_CAPTION_LENGTH} tekens.`,
      );
    return this.changeNote(use, hash, (note) => {
      const rest = omit(note, 'caption');
      return text ? { ...rest, caption: text } : rest;
    });
  }

  /**
   * Takes a photo off this answer or finding (with its drawing and caption), while the
   * inspection is not finished: one synced change with its outbox op, in one transaction. The
   * bytes stay on the device (another use, or the history, may still show them). The last photo
   * of a photo question takes the answer with it: an empty photo answer is no answer.
   */
  removePhoto(use: PhotoOwner, hash: string): Promise<void> {
    const db = this.db;
    return this.context.write(
      [db.inspections, db.answers, db.answerHistory, db.findings],
      async (scope) => {
        const inspection = await this.answers.requireEditable(scope, use.inspectionId);
        const target = await this.resolveUse(use, hash);
        if (target.kind === 'finding') {
          const { row } = target;
          if (!row.photoIds.includes(hash) && !row.photoNotes?.[hash]) return;
          await updateEntity(scope, db.findings, 'finding', row, {
            photoIds: row.photoIds.filter((item) => item !== hash),
            ...(row.photoNotes && { photoNotes: withoutPhotoNote(row.photoNotes, hash) }),
          });
          return;
        }
        const { row } = target;
        if (!answerPhotoHashes(row).includes(hash)) return;
        const reason = inspection.status === 'reopened' ? 'reopened-correction' : 'photo-removed';
        const fields: Record<string, unknown> = {};
        let value = row.value;
        if (value.type === 'photo' && value.value.includes(hash)) {
          value = { type: 'photo', value: value.value.filter((item) => item !== hash) };
          if (value.value.length === 0) {
            await this.answers.removeAnswer(scope, row, reason);
            return;
          }
          fields.value = value;
        }
        if (row.photoIds?.includes(hash))
          fields.photoIds = row.photoIds.filter((item) => item !== hash);
        if (row.photoNotes?.[hash]) fields.photoNotes = withoutPhotoNote(row.photoNotes, hash);
        await this.answers.writeAnswer(scope, row, fields, row.value, reason);
      },
    );
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

  /**
   * Which record a use of `hash` is: the finding when the owner names one that holds the photo
   * (or no question), else the answer to the owner's question.
   */
  private async resolveUse(
    use: PhotoOwner,
    hash: string,
  ): Promise<{ kind: 'finding'; row: FindingRow } | { kind: 'answer'; row: AnswerRow }> {
    if (use.findingId !== undefined) {
      const row = await this.db.findings.get(use.findingId);
      if (!row || isTombstone(row)) throw new NotFoundError('finding', use.findingId);
      if (row.photoIds.includes(hash) || use.questionId === undefined)
        return { kind: 'finding', row };
    }
    if (use.questionId === undefined)
      throw new InvalidInputError('Een foto hoort bij een antwoord of een bevinding.');
    const row = await this.answers.readRow(use.inspectionId, use.questionId);
    if (!row || isTombstone(row))
      throw new NotFoundError('answer', `${use.inspectionId}/${use.questionId}`);
    return { kind: 'answer', row };
  }

  /** Changes one photo's note on its use, in one transaction with its outbox op. */
  private changeNote(
    use: PhotoOwner,
    hash: string,
    change: (note: PhotoNote) => PhotoNote,
  ): Promise<void> {
    const db = this.db;
    return this.context.write([db.inspections, db.answers, db.findings], async (scope) => {
      await this.answers.requireEditable(scope, use.inspectionId);
      const target = await this.resolveUse(use, hash);
      const hashes =
        target.kind === 'finding' ? target.row.photoIds : answerPhotoHashes(target.row);
      if (!hashes.includes(hash)) throw new NotFoundError('photo', hash);
      const notes = target.row.photoNotes ?? {};
      const next = change(notes[hash] ?? {});
      const photoNotes =
        Object.keys(next).length > 0 ? { ...notes, [hash]: next } : withoutPhotoNote(notes, hash);
      if (JSON.stringify(photoNotes) === JSON.stringify(target.row.photoNotes ?? {})) return;
      if (target.kind === 'finding') {
        await updateEntity(scope, db.findings, 'finding', target.row, { photoNotes });
        return;
      }
      // A drawing or caption is not a new answer: no history row, the answer's value and time stay.
      const row = target.row;
      const hlc = scope.stamp();
      const fields = { photoNotes };
      await db.answers.put({ ...row, ...fields, clocks: withClocks(row.clocks, fields, hlc) });
      await scope.enqueue(
        'answer',
        answerOpId(row.inspectionId, row.questionId),
        'upsert',
        fields,
        hlc,
      );
    });
  }

  private async readNotes(use: PhotoOwner): Promise<PhotoNotes> {
    const notes: PhotoNotes = {};
    if (use.questionId !== undefined) {
      const row = await this.answers.readRow(use.inspectionId, use.questionId);
      if (row && !isTombstone(row)) Object.assign(notes, row.photoNotes);
    }
    if (use.findingId !== undefined) {
      const row = await this.db.findings.get(use.findingId);
      if (row && !isTombstone(row)) Object.assign(notes, row.photoNotes);
    }
    return notes;
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
