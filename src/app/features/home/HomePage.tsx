import { getAppStore } from '../../db/index.ts';
import { t } from '../../i18n/i18n.ts';
import { useLive } from '../../state/use-live.ts';
import { ButtonLink } from '../../ui/ButtonLink.tsx';
import { ActionList } from '../common/ActionList.tsx';
import { InspectionList } from '../common/InspectionList.tsx';
import { Loading, LoadError } from '../common/LoadState.tsx';
import { FirstRunPanel } from '../portfolio/FirstRunPanel.tsx';

/** "Mijn planning": what to continue, what is planned, and the open actions. */
export function HomePage() {
  const store = getAppStore();
  const planning = useLive(() => store.inspections.watchMyPlanning(), []);
  const actions = useLive(() => store.actions.watchOpen(), []);
  return (
    <section>
      <h1>{t('home.title')}</h1>
      <FirstRunPanel />
      <h2>{t('home.planning')}</h2>
      {planning.status === 'loading' && <Loading />}
      {planning.status === 'error' && <LoadError error={planning.error} />}
      {planning.status === 'ready' &&
        (planning.value.length === 0 ? (
          <div class="empty">
            <p class="muted">{t('home.empty')}</p>
            <ButtonLink href="/portefeuille" variant="primary">
              {t('home.findObject')}
            </ButtonLink>
          </div>
        ) : (
          <InspectionList inspections={planning.value} showTarget testId="planning-list" />
        ))}
      <h2>{t('home.openActions')}</h2>
      {actions.status === 'ready' ? (
        <ActionList actions={actions.value.slice(0, 20)} testId="open-actions" />
      ) : actions.status === 'error' ? (
        <LoadError error={actions.error} />
      ) : (
        <Loading />
      )}
      <p class="note">{t('home.offlineReady')}</p>
    </section>
  );
}
