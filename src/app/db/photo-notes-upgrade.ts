// Version 4 of the local database: a drawing belongs to one use of a photo (an answer or a
// finding, see shared/domain/photo-note.ts), no longer to the image bytes. Up to version 3 a
// drawing was kept per hash: in `photoAnnotations` when drawn on this device, and in the photo
// row's synced `annotation` field when pulled. The upgrade gives every use of such a hash its own
// copy of the drawing (nothing the inspector saw disappears; from now on each use changes alone).
//
// The copy is made with the drawing's own clock, so a device and the server (migration 0008 does
// the same split) arrive at the same value and clock without sending anything. Only a drawing
// still waiting in the outbox is unknown to the server: for it the uses get an outbox op.
import type { Transaction } from 'dexie';
import { compareHlc } from '../../shared/sync/hlc.ts';
import type { AnnotationLayer, PhotoNotes } from '../../shared/domain/photo-note.ts';
import type {
  AnswerRow,
  FindingRow,
  MetaRow,
  OutboxRow,
  PhotoAnnotationRow,
  PhotoRow,
} from './database.ts';
import { answerPhotoHashes } from './photo-uses.ts';
import { isTombstone } from './synced.ts';
import type { WriterState } from './store-context.ts';

/** The per-hash drawing of a version-3 database: the layer and the clock that set it. */
export interface LegacyDrawing {
  layer: AnnotationLayer;
  hlc: string;
}

/** Same key as store-context's WRITER_KEY (not imported: store-context imports the database). */
const WRITER_KEY = 'writer';

function newer(a: LegacyDrawing | undefined, b: LegacyDrawing): LegacyDrawing {
  return a && compareHlc(a.hlc, b.hlc) >= 0 ? a : b;
}

/** Per hash the newest drawing, from local annotation rows and pulled photo fields. */
export function legacyDrawings(
  annotations: readonly PhotoAnnotationRow[],
  photos: readonly (PhotoRow & { annotation?: unknown })[],
): Map<string, LegacyDrawing> {
  const result = new Map<string, LegacyDrawing>();
  for (const row of annotations)
    result.set(row.hash, newer(result.get(row.hash), { layer: row.layer, hlc: row.hlc }));
  for (const photo of photos) {
    const layer = photo.annotation as AnnotationLayer | null | undefined;
    const hlc = photo.clocks.annotation;
    if (layer && hlc) result.set(photo.hash, newer(result.get(photo.hash), { layer, hlc }));
  }
  // An emptied drawing is no drawing: nothing to copy.
  for (const [hash, drawing] of result) if (drawing.layer.shapes.length === 0) result.delete(hash);
  return result;
}

/**
 * The use's notes with the legacy drawings of its photos filled in (a note that already has a
 * drawing keeps it), and the clock of the newest copied drawing; undefined when nothing changes.
 */
export function splitIntoUse(
  notes: PhotoNotes | undefined,
  clock: string | undefined,
  hashes: readonly string[],
  drawings: ReadonlyMap<string, LegacyDrawing>,
): { photoNotes: PhotoNotes; hlc: string; hashes: string[] } | undefined {
  const next: PhotoNotes = { ...notes };
  let hlc = clock;
  const copied: string[] = [];
  for (const hash of new Set(hashes)) {
    const drawing = drawings.get(hash);
    if (!drawing || next[hash]?.annotation) continue;
    next[hash] = { ...next[hash], annotation: drawing.layer };
    if (hlc === undefined || compareHlc(drawing.hlc, hlc) > 0) hlc = drawing.hlc;
    copied.push(hash);
  }
  return copied.length > 0 && hlc !== undefined
    ? { photoNotes: next, hlc, hashes: copied }
    : undefined;
}

/** Hashes whose drawing is in an outbox op the server has not confirmed yet. */
function pendingDrawingHashes(outbox: readonly OutboxRow[]): Set<string> {
  return new Set(
    outbox
      .filter((op) => op.entity === 'photo' && op.kind === 'upsert' && 'annotation' in op.fields)
      .map((op) => op.id),
  );
}

export async function upgradeToV4(transaction: Transaction): Promise<void> {
  const annotations = transaction.table<PhotoAnnotationRow, string>('photoAnnotations');
  const photos = transaction.table<PhotoRow, string>('photos');
  const answers = transaction.table<AnswerRow, [string, string]>('answers');
  const findings = transaction.table<FindingRow, string>('findings');
  const outbox = transaction.table<OutboxRow, [string, number]>('outbox');
  const meta = transaction.table<MetaRow, string>('meta');

  const drawings = legacyDrawings(await annotations.toArray(), await photos.toArray());
  if (drawings.size === 0) return;
  const pending = pendingDrawingHashes(await outbox.toArray());
  const ops: Omit<OutboxRow, 'clientId' | 'seq' | 'createdAt'>[] = [];

  await answers.toCollection().modify((row) => {
    if (isTombstone(row)) return;
    const split = splitIntoUse(
      row.photoNotes,
      row.clocks.photoNotes,
      answerPhotoHashes(row),
      drawings,
    );
    if (!split) return;
    row.photoNotes = split.photoNotes;
    row.clocks = { ...row.clocks, photoNotes: split.hlc };
    if (split.hashes.some((hash) => pending.has(hash)))
      ops.push({
        entity: 'answer',
        id: `${row.inspectionId}/${row.questionId}`,
        hlc: split.hlc,
        kind: 'upsert',
        fields: { photoNotes: split.photoNotes },
      });
  });
  await findings.toCollection().modify((row) => {
    if (isTombstone(row)) return;
    const split = splitIntoUse(row.photoNotes, row.clocks.photoNotes, row.photoIds, drawings);
    if (!split) return;
    row.photoNotes = split.photoNotes;
    row.clocks = { ...row.clocks, photoNotes: split.hlc };
    if (split.hashes.some((hash) => pending.has(hash)))
      ops.push({
        entity: 'finding',
        id: row.id,
        hlc: split.hlc,
        kind: 'upsert',
        fields: { photoNotes: split.photoNotes },
      });
  });
  // The per-hash layers are now copies on their uses; the table stays (empty) for old backups.
  await annotations.clear();

  const writer = (await meta.get(WRITER_KEY))?.value as WriterState | undefined;
  if (!writer || ops.length === 0) return;
  let seq = writer.lastSeq;
  const createdAt = Date.now();
  await outbox.bulkAdd(
    ops.map((op) => ({ ...op, clientId: writer.clientId, seq: (seq += 1), createdAt })),
  );
  await meta.put({ key: WRITER_KEY, value: { ...writer, lastSeq: seq } });
}
