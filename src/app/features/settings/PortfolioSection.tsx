import { getAppStore } from '../../db/index.ts';
import { t } from '../../i18n/i18n.ts';
import { online } from '../../state/connectivity.ts';
import { useLive } from '../../state/use-live.ts';
import { Button } from '../../ui/Button.tsx';
import { formatDateTime } from '../common/format.ts';
import { ensurePortfolio, firstRun, firstRunBusy } from '../portfolio/first-run.ts';
import { FirstRunPanel } from '../portfolio/FirstRunPanel.tsx';

/** Which portfolio is on the device, and fetching it again from the server. */
export function PortfolioSection() {
  const info = useLive(() => getAppStore().portfolio.watchInfo(), []);
  const busy = firstRunBusy(firstRun.value);
  return (
    <section class="settings-section" aria-labelledby="portfolio-title">
      <h2 id="portfolio-title">{t('settings.portfolio')}</h2>
      {info.status === 'ready' && info.value && (
        <p>
          {t('settings.portfolio.info', {
            organisation: info.value.organisation.name,
            complexes: info.value.complexes,
            dwellings: info.value.dwellings,
            date: formatDateTime(info.value.importedAt),
          })}
        </p>
      )}
      <FirstRunPanel />
      <Button
        variant="secondary"
        disabled={busy || !online.value}
        onClick={() => void ensurePortfolio({ force: true })}
      >
        {t('settings.portfolio.refresh')}
      </Button>
      {!online.value && <p class="muted">{t('settings.portfolio.offline')}</p>}
    </section>
  );
}
