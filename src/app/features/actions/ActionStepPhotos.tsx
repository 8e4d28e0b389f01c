import { t } from '../../i18n/i18n.ts';
import { usePhotoServices } from '../photos/photo-services.ts';
import { useThumbnails } from '../photos/use-owner-photos.ts';
import '../photos/photos.css';

/** Thumbnails of the evidence photos of one action step (or of the step being prepared). */
export function ActionStepPhotos({
  hashes,
  testId = 'action-step-photos',
}: {
  hashes: readonly string[];
  testId?: string;
}) {
  const { store } = usePhotoServices();
  const thumbnails = useThumbnails(store, hashes, 0);
  if (hashes.length === 0) return null;
  return (
    <ul class="photo-grid" data-testid={testId}>
      {hashes.map((hash, index) => {
        const thumbnail = thumbnails?.get(hash);
        return (
          <li key={hash} class="photo-thumb" data-hash={hash}>
            {thumbnail ? (
              <span class="photo-thumb-stage">
                <img
                  src={thumbnail.url}
                  alt={t('actions.photo.thumb', { index: index + 1 })}
                  width={thumbnail.width}
                  height={thumbnail.height}
                />
              </span>
            ) : (
              <span class="photo-thumb-missing">
                {t('actions.photo.thumb', { index: index + 1 })}
              </span>
            )}
          </li>
        );
      })}
    </ul>
  );
}
