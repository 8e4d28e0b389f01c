import { locale, setLocale, t } from '../../i18n/i18n.ts';
import type { Locale } from '../../i18n/messages.ts';
import { BackupSection } from './BackupSection.tsx';
import { OrganisationSection } from './OrganisationSection.tsx';
import { PortfolioSection } from './PortfolioSection.tsx';
import { StorageSection } from './StorageSection.tsx';
import { SyncPanel } from '../sync/SyncPanel.tsx';

const choices: Locale[] = ['nl', 'en'];

export function SettingsPage() {
  return (
    <section>
      <h1>{t('settings.title')}</h1>
      <fieldset class="choice-group">
        <legend>{t('settings.language')}</legend>
        {choices.map((choice) => (
          <label key={choice} class="choice">
            <input
              type="radio"
              name="locale"
              value={choice}
              checked={locale.value === choice}
              onChange={() => setLocale(choice)}
            />
            {t(choice === 'nl' ? 'settings.language.nl' : 'settings.language.en')}
          </label>
        ))}
      </fieldset>
      <SyncPanel />
      <StorageSection />
      <BackupSection />
      <PortfolioSection />
      <OrganisationSection />
    </section>
  );
}
