// Store errors in the inspector's words. Codes, not classes' messages, pick the catalogue text,
// except for invalid input where the store's own Dutch sentence is the most specific advice.
import { StoreError } from '../../db/index.ts';
import { t } from '../../i18n/i18n.ts';

export function isStorageFull(error: unknown): boolean {
  return error instanceof StoreError && error.code === 'storage-full';
}

export function photoErrorText(error: unknown): string {
  if (!(error instanceof StoreError)) return t('photos.error.saveFailed');
  switch (error.code) {
    case 'storage-full':
      return t('photos.error.storageFull');
    case 'inspection-closed':
      return t('photos.error.closed');
    case 'not-found':
      return t('photos.error.notFound');
    case 'invalid-input':
      return error.message;
    default:
      return t('photos.error.saveFailed');
  }
}
