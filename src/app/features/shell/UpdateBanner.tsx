import { t } from '../../i18n/i18n.ts';
import { Button } from '../../ui/Button.tsx';
import { acceptUpdate, dismissUpdate, updateAvailable } from '../../state/app-update.ts';

/** Offers a waiting service worker; nothing reloads until the user chooses "Nu bijwerken". */
export function UpdateBanner() {
  if (!updateAvailable.value) return null;
  return (
    <section class="update-banner" role="alert" data-testid="update-banner">
      <div>
        <strong>{t('update.available')}</strong>
        <p>{t('update.explain')}</p>
      </div>
      <div class="update-actions">
        <Button variant="secondary" onClick={dismissUpdate}>
          {t('update.later')}
        </Button>
        <Button onClick={acceptUpdate}>{t('update.accept')}</Button>
      </div>
    </section>
  );
}
