// Which photos belong to an answer or finding, live. The answer (photo value or photoIds) and
// the finding (photoIds) are the truth: a photo stored once can be attached to several owners,
// while a photo row remembers only its first owner.
import { useEffect, useState } from 'preact/hooks';
import type { Live, PhotoImage, PhotoNotes, PhotoOwner } from '../../db/index.ts';
import { useLive, type LiveState } from '../../state/use-live.ts';
import type { PhotoServices } from './photo-services.ts';

function mapLive<T, U>(source: Live<T>, map: (value: T) => U): Live<U> {
  return {
    subscribe: (onValue, onError) => source.subscribe((value) => onValue(map(value)), onError),
  };
}

/** Both owners' photo lists, merged without duplicates, once both have answered. */
function mergeLive(sources: Live<string[]>[]): Live<string[]> {
  return {
    subscribe(onValue, onError) {
      const latest: (string[] | undefined)[] = sources.map(() => undefined);
      const stops = sources.map((source, index) =>
        source.subscribe((value) => {
          latest[index] = value;
          if (latest.every((item) => item !== undefined))
            onValue([...new Set(latest.flatMap((item) => item ?? []))]);
        }, onError),
      );
      return () => stops.forEach((stop) => stop());
    },
  };
}

export function ownerPhotoHashes(store: PhotoServices['store'], owner: PhotoOwner): Live<string[]> {
  const { inspectionId, questionId, findingId } = owner;
  const sources: Live<string[]>[] = [];
  if (questionId !== undefined)
    sources.push(
      mapLive(store.answers.watchAnswerSet(inspectionId), (answers) => {
        const answer = answers[questionId];
        if (!answer) return [];
        const fromValue = answer.value.type === 'photo' ? answer.value.value : [];
        return [...new Set([...fromValue, ...(answer.photoIds ?? [])])];
      }),
    );
  if (findingId !== undefined)
    sources.push(
      mapLive(
        store.findings.watchForInspection(inspectionId),
        (findings) => findings.find((finding) => finding.id === findingId)?.photoIds ?? [],
      ),
    );
  if (sources.length === 0)
    return mapLive(store.photos.watchForInspection(inspectionId), (photos) =>
      photos.map((photo) => photo.hash),
    );
  return sources.length === 1 && sources[0] ? sources[0] : mergeLive(sources);
}

export function useOwnerPhotoHashes(
  store: PhotoServices['store'],
  owner: PhotoOwner,
): LiveState<string[]> {
  const { inspectionId, questionId, findingId } = owner;
  return useLive(
    () => ownerPhotoHashes(store, owner),
    [store, inspectionId, questionId, findingId],
  );
}

/** The drawing and caption of each photo as this answer or finding uses it, live. */
export function useOwnerPhotoNotes(
  store: PhotoServices['store'],
  owner: PhotoOwner,
): LiveState<PhotoNotes> {
  const { inspectionId, questionId, findingId } = owner;
  return useLive(
    () => store.photos.watchNotes(owner),
    [store, inspectionId, questionId, findingId],
  );
}

export interface Thumbnail {
  /** Object URL of the thumbnail image; revoked when the grid changes or unmounts. */
  url: string;
  width: number;
  height: number;
}

function objectUrl(image: PhotoImage): string {
  return URL.createObjectURL(new Blob([image.data], { type: image.mimeType }));
}

/**
 * Thumbnails for `hashes` (their drawings belong to each use: useOwnerPhotoNotes); reloads when
 * the list or `version` changes.
 * A hash missing from the map is a photo that is not on this device (yet).
 */
export function useThumbnails(
  store: PhotoServices['store'],
  hashes: readonly string[],
  version: number,
): Map<string, Thumbnail> | undefined {
  const [thumbnails, setThumbnails] = useState<Map<string, Thumbnail>>();
  const key = hashes.join(',');
  useEffect(() => {
    let cancelled = false;
    const urls: string[] = [];
    void (async () => {
      const images = await store.photos.photoThumbnails(hashes);
      if (cancelled) return;
      const result = new Map<string, Thumbnail>();
      hashes.forEach((hash) => {
        const image = images.get(hash);
        if (!image) return;
        const url = objectUrl(image);
        urls.push(url);
        result.set(hash, { url, width: image.width, height: image.height });
      });
      setThumbnails(result);
    })().catch(() => {
      // Unreadable storage: the grid shows placeholders rather than failing the whole form.
      if (!cancelled) setThumbnails(new Map());
    });
    return () => {
      cancelled = true;
      urls.forEach((url) => URL.revokeObjectURL(url));
    };
    // `key` stands for `hashes` (a new array on every live update).
  }, [store, key, version]);
  return thumbnails;
}
