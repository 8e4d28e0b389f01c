import { signal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { getAppStore } from '../../db/index.ts';
import { t } from '../../i18n/i18n.ts';
import { online } from '../../state/connectivity.ts';
import { authToken, sessionLoaded } from '../../state/session.ts';
import { syncNow, syncStatus } from '../../state/sync-engine-status.ts';
import { useLive } from '../../state/use-live.ts';
import { Banner } from '../../ui/Banner.tsx';
import { Button } from '../../ui/Button.tsx';
import { ButtonLink } from '../../ui/ButtonLink.tsx';
import { ProgressBar } from '../../ui/ProgressBar.tsx';
import { firstRunState } from './first-run.ts';

/** Set once this page saw the device without a portfolio (shared by every panel on the page). */
const sawNoPortfolio = signal(false);

/**
 * What a device without a portfolio needs to know: sign in first (the portfolio comes with the
 * first sync, never before), that it is being fetched, that it arrived, or why it did not.
 */
export function FirstRunPanel() {
  const info = useLive(() => getAppStore().portfolio.watchInfo(), []);
  const empty = info.status === 'ready' && !info.value;
  useEffect(() => {
    if (empty) sawNoPortfolio.value = true;
  }, [empty]);
  const state = firstRunState({
    info: info.status === 'ready' ? info.value : 'loading',
    sessionLoaded: sessionLoaded.value,
    signedIn: authToken() !== undefined,
    online: online.value,
    sync: syncStatus.value,
    arrivedHere: sawNoPortfolio.value || empty,
  });

  switch (state.phase) {
    case 'checking':
    case 'present':
      return null;
    case 'sign-in':
      return (
        <Banner
          tone="info"
          title={t('firstRun.signIn.title')}
          testId="first-run"
          actions={
            <ButtonLink href="/account" variant="primary">
              {t('firstRun.signIn.action')}
            </ButtonLink>
          }
        >
          {t('firstRun.signIn.explain')}
        </Banner>
      );
    case 'offline':
      return (
        <Banner tone="warn" title={t('firstRun.offline.title')} testId="first-run">
          {t('firstRun.offline.explain')}
        </Banner>
      );
    case 'fetching':
      return (
        <div class="panel" data-testid="first-run">
          <ProgressBar label={t('firstRun.downloading')} valueText={t('firstRun.downloading')} />
        </div>
      );
    case 'imported':
      return (
        <Banner tone="ok" title={t('firstRun.imported.title')} testId="first-run">
          {t('firstRun.imported.explain', {
            complexes: state.info.complexes,
            dwellings: state.info.dwellings,
          })}
        </Banner>
      );
    case 'failed':
      return (
        <Banner
          tone="error"
          title={t('firstRun.failed.title')}
          testId="first-run"
          actions={
            <Button variant="secondary" onClick={syncNow}>
              {t('common.retry')}
            </Button>
          }
        >
          {state.network ? t('firstRun.failed.network') : state.problem.detail}
        </Banner>
      );
  }
}
