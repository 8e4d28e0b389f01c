import type { PhotoOwner } from '../../db/index.ts';
import { t } from '../../i18n/i18n.ts';
import { PhotoCapture, PhotoGrid, type PhotoPosition } from '../photos/index.ts';

interface PhotoSlotProps {
  owner: PhotoOwner;
  readOnly: boolean;
  /** A photo is required here and none is attached yet. */
  missing?: boolean;
  onAdded?: (position: PhotoPosition | null) => void;
}

/** The place for photos of an answer or finding; the photo components do the work. */
export function PhotoSlot({ owner, readOnly, missing = false, onAdded }: PhotoSlotProps) {
  return (
    <section class="photo-slot" aria-label={t('photoSlot.title')} data-testid="photo-slot">
      <h4 class="photo-slot-title">{t('photoSlot.title')}</h4>
      {missing && <p class="field-error">{t('photoSlot.required')}</p>}
      <PhotoGrid owner={owner} readOnly={readOnly} />
      {!readOnly && (
        <PhotoCapture owner={owner} onAdded={(_photo, position) => onAdded?.(position)} />
      )}
    </section>
  );
}
