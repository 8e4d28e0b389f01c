import { t } from '../../i18n/i18n.ts';
import { online } from '../../state/connectivity.ts';
import { syncStatus } from '../../state/sync-engine-status.ts';
import { pendingChanges, refusedChanges } from '../../state/sync-status.ts';

/** Online/offline and how much local work still waits for the server. */
export function StatusBar() {
  const isOnline = online.value;
  const pending = pendingChanges.value;
  // Refused work was not sent successfully: "Alles verzonden" only when nothing was refused.
  const refused = refusedChanges.value.length;
  // Offline already says why nothing is sent; only other sync trouble needs a pointer.
  const syncTrouble = isOnline && syncStatus.value?.problem !== undefined;
  return (
    <div class="status" role="status" aria-live="polite">
      <span class={`status-dot ${isOnline ? 'is-online' : 'is-offline'}`} aria-hidden="true" />
      <span data-testid="connectivity">{isOnline ? t('status.online') : t('status.offline')}</span>
      <span class="status-pending" data-testid="pending-count">
        {pending > 0
          ? t('status.pending', { count: pending })
          : refused === 0
            ? t('status.pending.none')
            : ''}
      </span>
      {refused > 0 && (
        <a class="status-sync-problem" href="/instellingen" data-testid="refused-count">
          {t('status.refused', { count: refused })}
        </a>
      )}
      {syncTrouble && (
        <a class="status-sync-problem" href="/instellingen" data-testid="sync-attention">
          {t('status.sync.problem')}
        </a>
      )}
    </div>
  );
}
