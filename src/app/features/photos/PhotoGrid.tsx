import { useState } from 'preact/hooks';
import type { PhotoOwner } from '../../db/index.ts';
import { t } from '../../i18n/i18n.ts';
import { AnnotationOverlay } from './AnnotationShapes.tsx';
import { usePhotoServices } from './photo-services.ts';
import { PhotoViewer } from './PhotoViewer.tsx';
import { useOwnerPhotoHashes, useThumbnails } from './use-owner-photos.ts';
import './photos.css';

export interface PhotoGridProps {
  /** The answer (inspectionId + questionId) or finding (inspectionId + findingId) whose photos to show. */
  owner: PhotoOwner;
  /** Open photos without drawing tools (e.g. a finished inspection). */
  readOnly?: boolean;
}

/** Thumbnails of an answer's or finding's photos; a tap opens the photo with its drawing. */
export function PhotoGrid({ owner, readOnly = false }: PhotoGridProps) {
  const { store } = usePhotoServices();
  const hashesState = useOwnerPhotoHashes(store, owner);
  const hashes = hashesState.status === 'ready' ? hashesState.value : [];
  // Bumped when the viewer closes, so a new drawing shows on the thumbnail.
  const [version, setVersion] = useState(0);
  const thumbnails = useThumbnails(store, hashes, version);
  const [open, setOpen] = useState<string>();

  if (hashesState.status === 'loading') return null;
  if (hashesState.status === 'error') return <p class="photo-error">{t('photos.grid.error')}</p>;
  if (hashes.length === 0) return <p class="muted photo-grid-empty">{t('photos.grid.empty')}</p>;

  return (
    <>
      <ul class="photo-grid" aria-label={t('photos.grid.label')}>
        {hashes.map((hash, index) => {
          const thumbnail = thumbnails?.get(hash);
          const label = t('photos.grid.open', { index: index + 1, total: hashes.length });
          return (
            <li key={hash}>
              <button
                type="button"
                class="photo-thumb"
                aria-label={label}
                data-hash={hash}
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
                    {thumbnail.layer && (
                      <AnnotationOverlay shapes={thumbnail.layer.shapes} size={thumbnail} />
                    )}
                  </span>
                ) : (
                  <span class="photo-thumb-missing">
                    {thumbnails ? t('photos.grid.missing') : t('photos.viewer.loading')}
                  </span>
                )}
              </button>
            </li>
          );
        })}
      </ul>
      {open !== undefined && (
        <PhotoViewer
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
