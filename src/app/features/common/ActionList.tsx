import { isOverdue } from '../../../shared/domain/action.ts';
import type { ActionView } from '../../db/index.ts';
import { t } from '../../i18n/i18n.ts';
import { Badge } from '../../ui/Badge.tsx';
import { actionStatusName, formatIsoDate, roleName, todayIso } from './format.ts';

/** Actions with owner role, due date and whether they are overdue. */
export function ActionList({
  actions,
  testId,
}: {
  actions: readonly ActionView[];
  testId?: string;
}) {
  const today = todayIso();
  if (actions.length === 0) return <p class="muted">{t('actions.none')}</p>;
  return (
    <ul class="card-list" data-testid={testId}>
      {actions.map((action) => (
        <li key={action.id} class="card card-tap">
          <div class="card-main">
            <a class="card-title card-link" href={`/acties/${action.id}`}>
              {action.what}
            </a>
            <div class="muted">
              {t('actions.ownerDue', {
                role: roleName(action.ownerRole),
                date: formatIsoDate(action.dueDate),
              })}
            </div>
          </div>
          <div class="card-side">
            {isOverdue(action, today) ? (
              <Badge tone="error">{t('actions.overdue')}</Badge>
            ) : (
              <Badge tone="neutral">{actionStatusName(action.status)}</Badge>
            )}
          </div>
        </li>
      ))}
    </ul>
  );
}
