import { useEffect, useRef, useState } from 'preact/hooks';
import type { AnnotationLayer, PhotoOwner } from '../../db/index.ts';
import { t } from '../../i18n/i18n.ts';
import { Button } from '../../ui/Button.tsx';
import { emptyLayer, type Size } from './annotation-model.ts';
import { Annotator } from './Annotator.tsx';
import { usePhotoServices } from './photo-services.ts';
import './photos.css';

export interface PhotoViewerProps {
  /** The answer or finding this photo is shown for: the drawing is that use's own. */
  owner: PhotoOwner;
  /** SHA-256 of the photo. */
  hash: string;
  onClose: () => void;
  /** Show the photo and its drawing without tools (e.g. a finished inspection). */
  readOnly?: boolean;
}

type Loaded =
  | { status: 'loading' }
  | { status: 'missing' }
  | { status: 'ready'; url: string; size: Size; layer: AnnotationLayer };

/** The photo full-screen in a modal dialog, with the Annotator over it. */
export function PhotoViewer({ owner, hash, onClose, readOnly = false }: PhotoViewerProps) {
  const { store } = usePhotoServices();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  useEffect(() => {
    let cancelled = false;
    let url: string | undefined;
    setLoaded({ status: 'loading' });
    void Promise.all([store.photos.original(hash), store.photos.annotation(owner, hash)])
      .then(([photo, layer]) => {
        if (cancelled) return;
        if (!photo) {
          setLoaded({ status: 'missing' });
          return;
        }
        url = URL.createObjectURL(new Blob([photo.data], { type: photo.mimeType }));
        setLoaded({
          status: 'ready',
          url,
          size: { width: photo.width, height: photo.height },
          layer: layer ?? emptyLayer(),
        });
      })
      .catch(() => {
        if (!cancelled) setLoaded({ status: 'missing' });
      });
    return () => {
      cancelled = true;
      if (url) URL.revokeObjectURL(url);
    };
    // The owner's ids stand for `owner` (a new object on every render).
  }, [store, hash, owner.inspectionId, owner.questionId, owner.findingId]);

  return (
    <dialog
      ref={dialogRef}
      class="photo-viewer"
      aria-label={t('photos.viewer.title')}
      onCancel={(event) => {
        // The Annotator handles Escape itself (it may ask to save first).
        if (loaded.status !== 'ready') {
          event.preventDefault();
          onClose();
        }
      }}
    >
      {loaded.status === 'ready' ? (
        <Annotator
          src={loaded.url}
          size={loaded.size}
          alt={t('photos.viewer.alt')}
          initialLayer={loaded.layer}
          readOnly={readOnly}
          onSave={(layer) => store.photos.saveAnnotation(owner, hash, layer)}
          onClose={onClose}
        />
      ) : (
        <div class="photo-viewer-message">
          <p role="status">
            {loaded.status === 'loading' ? t('photos.viewer.loading') : t('photos.viewer.missing')}
          </p>
          <Button variant="secondary" onClick={onClose}>
            {t('photos.viewer.close')}
          </Button>
        </div>
      )}
    </dialog>
  );
}
