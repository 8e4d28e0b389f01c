import { isOverdue } from '../../../shared/domain/action.ts';
import { t } from '../../i18n/i18n.ts';
import { Badge } from '../../ui/Badge.tsx';
import { TargetLabel } from '../common/TargetLabel.tsx';
import {
  actionStatusName,
  formatIsoDate,
  moduleName,
  roleName,
  severityName,
  todayIso,
} from '../common/format.ts';
import type { ActionInContext } from './action-context.ts';
import { HistoryStep } from './HistoryStep.tsx';

/** One action as a large tap target that opens it: what, severity, owner, due date, where. */
export function ActionCard({ item }: { item: ActionInContext }) {
  const { action, finding, severity, module, target } = item;
  const closed = action.status === 'afgerond' || action.status === 'vervallen';
  const last = action.history.at(-1);
  return (
    <li>
      <a class="card action-card" href={`/acties/${action.id}`} data-testid="action-card">
        <div class="card-main">
          <strong class="card-title">{action.what}</strong>
          <div class="muted">
            {t('actions.ownerDue', {
              role: roleName(action.ownerRole),
              date: formatIsoDate(action.dueDate),
            })}
            {module && <> · {moduleName(module)}</>}
          </div>
          {finding && (
            <div>
              {t('actions.finding', { location: finding.location, text: finding.description })}
            </div>
          )}
          {target && (
            <div>
              <TargetLabel level={target.level} id={target.id} link={false} />
            </div>
          )}
          {closed && last && <HistoryStep entry={last} />}
        </div>
        <div class="card-side">
          {severity && (
            <Badge tone={severity === 'gering' ? 'neutral' : 'error'}>
              {severityName(severity)}
            </Badge>
          )}
          {isOverdue(action, todayIso()) ? (
            <Badge tone="error">{t('actions.overdue')}</Badge>
          ) : (
            <Badge tone="neutral" testId="action-status">
              {actionStatusName(action.status)}
            </Badge>
          )}
        </div>
      </a>
    </li>
  );
}
