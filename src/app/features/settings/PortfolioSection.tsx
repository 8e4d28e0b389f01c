import { getAppStore } from '../../db/index.ts';
import { t } from '../../i18n/i18n.ts';
import { session } from '../../state/session.ts';
import { useLive } from '../../state/use-live.ts';
import { FirstRunPanel } from '../portfolio/FirstRunPanel.tsx';

/** Which portfolio is on the device; it comes and stays current with the signed-in sync. */
export function PortfolioSection() {
  const info = useLive(() => getAppStore().portfolio.watchInfo(), []);
  return (
    <section class="settings-section" aria-labelledby="portfolio-title">
      <h2 id="portfolio-title">{t('settings.portfolio')}</h2>
      {info.status === 'ready' && info.value && (
        <p>
          {t('settings.portfolio.info', {
            organisation: session.value?.user.organisationName ?? '',
            complexes: info.value.complexes,
            dwellings: info.value.dwellings,
          })}
        </p>
      )}
      <FirstRunPanel />
    </section>
  );
}
