import type { ActionHistoryEntry } from '../../../shared/domain/action.ts';
import { t } from '../../i18n/i18n.ts';
import { session } from '../../state/session.ts';
import { actionStatusName, formatDateTime } from '../common/format.ts';

// The device only knows the signed-in user's name; other users' names are not synced (the user
// list is for beheerders), so they show as "een collega".
function who(userId: string): string {
  const user = session.value?.user;
  return user && user.id === userId ? user.displayName : t('actions.colleague');
}

/** "Afgerond door … op …" with the note, as recorded in the action's history. */
export function HistoryStep({ entry }: { entry: ActionHistoryEntry }) {
  return (
    <div class="history-step" data-testid="history-step" data-by={entry.by}>
      {t('actions.step', {
        status: actionStatusName(entry.status),
        who: who(entry.by),
        time: formatDateTime(entry.at),
      })}
      {entry.note && <span class="muted"> — {entry.note}</span>}
    </div>
  );
}
