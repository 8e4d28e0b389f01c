import { useEffect, useState } from 'preact/hooks';
import { t } from '../../i18n/i18n.ts';
import { browserStorage } from '../../platform/storage.ts';
import { lastBackupAt } from '../../state/durability.ts';
import {
  refreshStorageStatus,
  requestPersistentStorage,
  storageStatus,
} from '../../state/storage-status.ts';
import { oldestPendingAt, pendingChanges } from '../../state/sync-status.ts';
import { Badge } from '../../ui/Badge.tsx';
import { Button } from '../../ui/Button.tsx';
import { Fact } from '../../ui/Fact.tsx';
import { ProgressBar } from '../../ui/ProgressBar.tsx';
import { formatBytes, formatDateTime } from '../common/format.ts';

/** How much room is used and left, whether the browser keeps our data, and what is unsent. */
export function StorageSection() {
  const status = storageStatus.value;
  const [asking, setAsking] = useState(false);
  const [refused, setRefused] = useState(false);
  useEffect(() => {
    void refreshStorageStatus(browserStorage);
  }, []);
  const ask = async () => {
    setAsking(true);
    const granted = await requestPersistentStorage(browserStorage);
    setRefused(!granted);
    setAsking(false);
  };
  const pending = pendingChanges.value;
  const oldest = oldestPendingAt.value;
  const backup = lastBackupAt.value;
  return (
    <section class="settings-section" id="opslag" aria-labelledby="storage-title">
      <h2 id="storage-title">{t('storage.title')}</h2>
      {status === undefined ? (
        <p class="muted">{t('common.loading')}</p>
      ) : status.usage !== undefined && status.quota !== undefined ? (
        <ProgressBar
          label={t('storage.usage.label')}
          value={status.usage}
          max={status.quota}
          valueText={t('storage.usage', {
            used: formatBytes(status.usage),
            available: formatBytes(status.available ?? 0),
          })}
          testId="storage-usage"
        />
      ) : (
        <p class="muted">{t('storage.unknown')}</p>
      )}
      {status && (
        <div class="persisted" data-testid="storage-persisted">
          {status.persisted ? (
            <Badge tone="ok">{t('storage.persisted.yes')}</Badge>
          ) : (
            <Badge tone="warn">{t('storage.persisted.no')}</Badge>
          )}
          <p class="muted">
            {status.persisted
              ? t('storage.persisted.yes.explain')
              : t('storage.persisted.no.explain')}
          </p>
          {!status.persisted && (
            <Button variant="secondary" disabled={asking} onClick={() => void ask()}>
              {t('storage.persist')}
            </Button>
          )}
          {refused && <p class="muted">{t('storage.persist.refused')}</p>}
        </div>
      )}
      <dl class="facts">
        <Fact label={t('storage.pending')} testId="settings-pending">
          {pending}
        </Fact>
        <Fact label={t('storage.oldest')}>
          {oldest !== undefined ? formatDateTime(oldest) : t('storage.oldest.none')}
        </Fact>
        <Fact label={t('storage.lastBackup')}>
          {backup !== undefined ? formatDateTime(backup) : t('storage.lastBackup.never')}
        </Fact>
      </dl>
    </section>
  );
}
