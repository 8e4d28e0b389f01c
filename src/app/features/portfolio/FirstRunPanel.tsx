import { useEffect } from 'preact/hooks';
import { t } from '../../i18n/i18n.ts';
import { online } from '../../state/connectivity.ts';
import { Banner } from '../../ui/Banner.tsx';
import { Button } from '../../ui/Button.tsx';
import { ProgressBar } from '../../ui/ProgressBar.tsx';
import { errorText } from '../common/errors.ts';
import { formatBytes } from '../common/format.ts';
import { ensurePortfolio, firstRun } from './first-run.ts';

/**
 * Checks for a local portfolio and fetches the demo portfolio on first run; shows progress, a
 * clear message when offline (and retries by itself once the network is back).
 */
export function FirstRunPanel() {
  const state = firstRun.value;
  const isOnline = online.value;
  useEffect(() => {
    void ensurePortfolio();
  }, []);
  useEffect(() => {
    if (isOnline && firstRun.peek().phase === 'offline') void ensurePortfolio();
  }, [isOnline]);

  switch (state.phase) {
    case 'checking':
    case 'present':
      return null;
    case 'offline':
      return (
        <Banner
          tone="warn"
          title={t('firstRun.offline.title')}
          testId="first-run"
          actions={
            <Button variant="secondary" onClick={() => void ensurePortfolio()}>
              {t('common.retry')}
            </Button>
          }
        >
          {t('firstRun.offline.explain')}
        </Banner>
      );
    case 'downloading':
      return (
        <div class="panel" data-testid="first-run">
          <ProgressBar
            label={t('firstRun.downloading')}
            value={state.total ? state.received : undefined}
            max={state.total}
            valueText={
              state.total
                ? t('firstRun.downloading.of', {
                    received: formatBytes(state.received),
                    total: formatBytes(state.total),
                  })
                : t('firstRun.downloading.bytes', { received: formatBytes(state.received) })
            }
          />
        </div>
      );
    case 'importing':
      return (
        <div class="panel" data-testid="first-run">
          <ProgressBar label={t('firstRun.importing')} valueText={t('firstRun.importing')} />
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
    case 'failed': {
      const { detail } = errorText(state.error);
      return (
        <Banner
          tone="error"
          title={t('firstRun.failed.title')}
          testId="first-run"
          actions={
            <Button variant="secondary" onClick={() => void ensurePortfolio()}>
              {t('common.retry')}
            </Button>
          }
        >
          {state.network ? t('firstRun.failed.network') : detail}
        </Banner>
      );
    }
  }
}
