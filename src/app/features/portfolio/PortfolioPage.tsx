import { t } from '../../i18n/i18n.ts';

export function PortfolioPage() {
  return (
    <section>
      <h1>{t('portfolio.title')}</h1>
      <p class="muted">{t('portfolio.empty')}</p>
    </section>
  );
}
