import { t } from '../../i18n/i18n.ts';

export function NotFoundPage() {
  return (
    <section>
      <h1>{t('notFound.title')}</h1>
      <a class="btn btn-primary" href="/">
        {t('notFound.back')}
      </a>
    </section>
  );
}
