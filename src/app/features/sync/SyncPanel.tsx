import { t } from '../../i18n/i18n.ts';
import type { MessageKey } from '../../i18n/messages.ts';
import { acceptUpdate, updateAvailable } from '../../state/app-update.ts';
import { syncNow, syncStatus } from '../../state/sync-engine-status.ts';
import type { SyncProblemKind } from '../../sync/engine.ts';
import { Banner } from '../../ui/Banner.tsx';
import { Button } from '../../ui/Button.tsx';
import { ProgressBar } from '../../ui/ProgressBar.tsx';
import { formatDateTime } from '../common/format.ts';

const PROBLEM_MESSAGES: Record<SyncProblemKind, MessageKey> = {
  network: 'sync.problem.network',
  server: 'sync.problem.server',
  refused: 'sync.problem.refused',
  'seq-gap': 'sync.problem.seq-gap',
  unexpected: 'sync.problem.unexpected',
  unauthenticated: 'sync.problem.unauthenticated',
  'update-required': 'sync.problem.update-required',
};

function updateApp(): void {
  // A waiting new version takes over; otherwise a reload fetches the newest app.
  if (updateAvailable.value) acceptUpdate();
  else window.location.reload();
}

/** Sync state in words: last sync, photo progress, problems in Dutch, and "Nu synchroniseren". */
export function SyncPanel() {
  const status = syncStatus.value;
  if (!status) return null;
  const { problem, photos, blocked } = status;
  const retryable = problem && (problem.kind === 'network' || problem.kind === 'server');
  return (
    <section class="sync-panel" aria-labelledby="sync-title" data-testid="sync-panel">
      <h2 id="sync-title">{t('sync.title')}</h2>
      <p data-testid="sync-last">
        {status.running
          ? t('sync.running')
          : status.lastSyncAt !== undefined
            ? t('sync.last', { time: formatDateTime(status.lastSyncAt) })
            : t('sync.never')}
      </p>
      {photos && photos.total > 0 && (status.running || photos.done < photos.total) && (
        <ProgressBar
          label={t('sync.photos.label')}
          value={photos.done}
          max={photos.total}
          valueText={t('sync.photos.progress', { done: photos.done, total: photos.total })}
          testId="sync-photo-progress"
        />
      )}
      {problem && (
        <Banner
          tone={retryable ? 'warn' : 'error'}
          testId="sync-problem"
          actions={
            blocked === 'update-required' ? (
              <Button onClick={updateApp}>{t('sync.update')}</Button>
            ) : undefined
          }
        >
          {t(PROBLEM_MESSAGES[problem.kind], { detail: problem.detail })} {t('sync.safe')}
          {retryable && status.nextRetryAt !== undefined && (
            <> {t('sync.retryAt', { time: formatDateTime(status.nextRetryAt) })}</>
          )}
        </Banner>
      )}
      {status.rejected.length > 0 && (
        <div data-testid="sync-rejected">
          <p>{t('sync.rejected', { count: status.rejected.length })}</p>
          <ul>
            {status.rejected.map((rejection) => (
              <li key={`${rejection.entity}:${rejection.id}:${rejection.reason}`}>
                {rejection.reason}
                {rejection.reverted && <> {t('sync.rejectedReverted')}</>}
              </li>
            ))}
          </ul>
        </div>
      )}
      {status.refusedPhotos.length > 0 && (
        <p data-testid="sync-photos-refused">
          {t('sync.photosRefused', { count: status.refusedPhotos.length })}
        </p>
      )}
      {/* Bytes that did not match their hash were never stored; this engine skips them until the
          app starts again, so the message says when they are retried. */}
      {status.corruptPhotos.length > 0 && (
        <Banner tone="warn" testId="sync-photos-corrupt">
          {t('sync.photosCorrupt', { count: status.corruptPhotos.length })}
        </Banner>
      )}
      {/* The button only asks; the cycle runs in the background and the panel follows it. */}
      <Button
        variant="secondary"
        onClick={syncNow}
        disabled={status.running || blocked !== undefined}
        data-testid="sync-now"
      >
        {t('sync.now')}
      </Button>
    </section>
  );
}
