import { t } from '../../i18n/i18n.ts';
import { lastBackupAt, storageLow, unsyncedTooOldMs } from '../../state/durability.ts';
import { pendingChanges } from '../../state/sync-status.ts';
import { Banner } from '../../ui/Banner.tsx';
import { ButtonLink } from '../../ui/ButtonLink.tsx';
import { formatDateTime } from '../common/format.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Warns across every screen when unsent work gets old (it exists only on this device) or the
 * device is nearly full, and points to the backup in Instellingen.
 */
export function DurabilityBanner() {
  const age = unsyncedTooOldMs.value;
  const low = storageLow.value;
  if (age === undefined && !low) return null;
  const backup = lastBackupAt.value;
  return (
    <div class="durability-banners">
      {age !== undefined && (
        <Banner
          tone="warn"
          title={t('durability.unsynced.title', {
            count: pendingChanges.value,
            days: Math.floor(age / DAY_MS),
          })}
          testId="unsynced-warning"
          actions={
            <ButtonLink href="/instellingen#backup" variant="secondary">
              {t('durability.makeBackup')}
            </ButtonLink>
          }
        >
          {t('durability.unsynced.explain')}{' '}
          {backup
            ? t('durability.lastBackup', { date: formatDateTime(backup) })
            : t('durability.noBackup')}
        </Banner>
      )}
      {low && (
        <Banner
          tone="warn"
          title={t('durability.storageLow.title')}
          testId="storage-warning"
          actions={
            <ButtonLink href="/instellingen#opslag" variant="secondary">
              {t('nav.settings')}
            </ButtonLink>
          }
        >
          {t('durability.storageLow.explain')}
        </Banner>
      )}
    </div>
  );
}
