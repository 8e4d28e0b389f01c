import { CSV_MIME, toCsv } from '../../../shared/export/index.ts';
import { getAppStore, type ActionView } from '../../db/index.ts';
import { t } from '../../i18n/i18n.ts';
import type { MessageKey } from '../../i18n/messages.ts';
import { downloadFile } from '../../platform/download.ts';
import { useLive } from '../../state/use-live.ts';
import { Button } from '../../ui/Button.tsx';
import { LoadError, Loading } from '../common/LoadState.tsx';
import { todayIso } from '../common/format.ts';
import { usePromise } from '../common/use-promise.ts';
import { ActionCard } from './ActionCard.tsx';
import { actionsInContext } from './action-context.ts';
import { actionsCsvColumns } from './actions-csv.ts';
import { groupOpenActions, type DueGroup } from './action-options.ts';

const RECENTLY_CLOSED = 20;

const groupKeys: Record<DueGroup, MessageKey> = {
  overdue: 'actions.group.overdue',
  today: 'actions.group.today',
  week: 'actions.group.week',
  later: 'actions.group.later',
};

/** Open actions of the organisation on this device (sync brings in the others'), by urgency. */
export function ActionsPage() {
  const store = getAppStore();
  const open = useLive(() => store.actions.watchOpen(), []);
  const closed = useLive(() => store.actions.watchRecentlyClosed(RECENTLY_CLOSED), []);
  return (
    <section>
      <h1>{t('actions.title')}</h1>
      <p class="muted">{t('actions.intro')}</p>
      {open.status === 'loading' && <Loading />}
      {open.status === 'error' && <LoadError error={open.error} />}
      {open.status === 'ready' && <OpenActions actions={open.value} />}
      <h2>{t('actions.closed.title')}</h2>
      {closed.status === 'error' && <LoadError error={closed.error} />}
      {closed.status === 'ready' && <ClosedActions actions={closed.value} />}
    </section>
  );
}

function OpenActions({ actions }: { actions: ActionView[] }) {
  const items = usePromise(() => actionsInContext(actions), [actions]);
  if (actions.length === 0) return <p class="muted">{t('actions.none')}</p>;
  if (items.status === 'loading') return <Loading />;
  if (items.status === 'error') return <LoadError error={items.error} />;
  return (
    <div data-testid="open-actions">
      <div class="button-row">
        <Button
          variant="secondary"
          data-testid="export-open-actions"
          onClick={() =>
            downloadFile(
              `acties-${todayIso()}.csv`,
              CSV_MIME,
              toCsv(actionsCsvColumns(), items.value),
            )
          }
        >
          {t('actions.export')}
        </Button>
      </div>
      {groupOpenActions(items.value, todayIso()).map(({ group, items: inGroup }) => (
        <section key={group} aria-labelledby={`actions-${group}`}>
          <h2 id={`actions-${group}`}>{t(groupKeys[group])}</h2>
          <ul class="card-list">
            {inGroup.map((item) => (
              <ActionCard key={item.action.id} item={item} />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

function ClosedActions({ actions }: { actions: ActionView[] }) {
  const items = usePromise(() => actionsInContext(actions), [actions]);
  if (actions.length === 0) return <p class="muted">{t('actions.closed.none')}</p>;
  if (items.status === 'loading') return <Loading />;
  if (items.status === 'error') return <LoadError error={items.error} />;
  return (
    <ul class="card-list" data-testid="closed-actions">
      {items.value.map((item) => (
        <ActionCard key={item.action.id} item={item} />
      ))}
    </ul>
  );
}
