import { useState } from 'preact/hooks';
import type { PhotoOwner } from '../../db/index.ts';
import { t } from '../../i18n/i18n.ts';
import { AnnotationOverlay } from './AnnotationShapes.tsx';
import { usePhotoServices } from './photo-services.ts';
import { PhotoViewer } from './PhotoViewer.tsx';
import { useOwnerPhotoHashes, useOwnerPhotoNotes, useThumbnails } from './use-owner-photos.ts';
import './photos.css';

export interface PhotoGridProps {
  /** The answer (inspectionId + questionId) or finding (inspectionId + findingId) whose photos to show. */
  owner: PhotoOwner;
  /** Open photos without drawing tools, captions or removal (e.g. a finished inspection). */
  readOnly?: boolean;
}

/**
 * Thumbnails of an answer's or finding's photos with the drawing and caption of THIS use (the
 * same image elsewhere keeps its own); a tap opens the photo with its drawing. While editable,
 * each photo has a caption field and can be removed from this answer or finding.
 */
export function PhotoGrid({ owner, readOnly = false }: PhotoGridProps) {
  const { store } = usePhotoServices();
  const hashesState = useOwnerPhotoHashes(store, owner);
  const notesState = useOwnerPhotoNotes(store, owner);
  const hashes = hashesState.status === 'ready' ? hashesState.value : [];
  const notes = notesState.status === 'ready' ? notesState.value : {};
  // Bumped when the viewer closes, so a new drawing shows on the thumbnail.
  const [version, setVersion] = useState(0);
  const thumbnails = useThumbnails(store, hashes, version);
  const [open, setOpen] = useState<string>();
  const [problem, setProblem] = useState<string>();

  if (hashesState.status === 'loading') return null;
  if (hashesState.status === 'error') return <p class="photo-error">{t('photos.grid.error')}</p>;
  if (hashes.length === 0) return <p class="muted photo-grid-empty">{t('photos.grid.empty')}</p>;

  const act = (work: Promise<void>) => {
    setProblem(undefined);
    work.catch((error: unknown) =>
      setProblem(error instanceof Error ? error.message : t('photos.grid.error')),
    );
  };

  return (
    <>
      <ul class="photo-grid" aria-label={t('photos.grid.label')}>
        {hashes.map((hash, index) => {
          const thumbnail = thumbnails?.get(hash);
          const note = notes[hash];
          const label = t('photos.grid.open', { index: index + 1, total: hashes.length });
          return (
            <li key={hash} class="photo-grid-item" data-hash={hash}>
              <button
                type="button"
                class="photo-thumb"
                aria-label={label}
                data-hash={hash}
                data-drawn={note?.annotation ? 'true' : 'false'}
                onClick={() => setOpen(hash)}
              >
                {thumbnail ? (
                  <span class="photo-thumb-stage">
                    <img
                      src={thumbnail.url}
                      alt=""
                      width={thumbnail.width}
                      height={thumbnail.height}
                      loading="lazy"
                    />
                    {note?.annotation && (
                      <AnnotationOverlay shapes={note.annotation.shapes} size={thumbnail} />
                    )}
                  </span>
                ) : (
                  <span class="photo-thumb-missing">
                    {thumbnails ? t('photos.grid.missing') : t('photos.viewer.loading')}
                  </span>
                )}
              </button>
              {readOnly ? (
                note?.caption && <p class="photo-caption">{note.caption}</p>
              ) : (
                <>
                  <input
                    class="photo-caption-input"
                    // Keyed by the stored caption, so a synced change shows instead of old input.
                    key={note?.caption ?? ''}
                    type="text"
                    maxLength={300}
                    defaultValue={note?.caption ?? ''}
                    placeholder={t('photos.caption.placeholder')}
                    aria-label={t('photos.caption.label', { index: index + 1 })}
                    onChange={(event) =>
                      act(store.photos.saveCaption(owner, hash, event.currentTarget.value))
                    }
                  />
                  <button
                    type="button"
                    class="photo-remove"
                    aria-label={t('photos.remove.label', { index: index + 1 })}
                    onClick={() => {
                      if (window.confirm(t('photos.remove.confirm')))
                        act(store.photos.removePhoto(owner, hash));
                    }}
                  >
                    {t('photos.remove.button')}
                  </button>
                </>
              )}
            </li>
          );
        })}
      </ul>
      {problem && (
        <p class="photo-error" role="alert">
          {problem}
        </p>
      )}
      {open !== undefined && (
        <PhotoViewer
          owner={owner}
          hash={open}
          readOnly={readOnly}
          onClose={() => {
            setOpen(undefined);
            setVersion((value) => value + 1);
          }}
        />
      )}
    </>
  );
}
