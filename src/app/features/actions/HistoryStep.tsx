import type { ActionHistoryEntry } from '../../../shared/domain/action.ts';
import { t } from '../../i18n/i18n.ts';
import { actionStatusName, formatDateTime } from '../common/format.ts';
import { userName } from '../users/colleague-names.ts';

/** "Afgerond door … op …" with the note, as recorded in the action's history. */
export function HistoryStep({ entry }: { entry: ActionHistoryEntry }) {
  return (
    <div class="history-step" data-testid="history-step" data-by={entry.by}>
      {t('actions.step', {
        status: actionStatusName(entry.status),
        who: userName(entry.by),
        time: formatDateTime(entry.at),
      })}
      {entry.note && <span class="muted"> — {entry.note}</span>}
      {entry.photoIds && entry.photoIds.length > 0 && (
        <span class="muted"> · {t('actions.photo.count', { count: entry.photoIds.length })}</span>
      )}
    </div>
  );
}
