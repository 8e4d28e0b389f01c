import { t } from '../../i18n/i18n.ts';

export function HomePage() {
  return (
    <section>
      <h1>{t('home.title')}</h1>
      <p class="muted">{t('home.empty')}</p>
      <p class="note">{t('home.offlineReady')}</p>
    </section>
  );
}
