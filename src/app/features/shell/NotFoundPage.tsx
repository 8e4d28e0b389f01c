import { t } from '../../i18n/i18n.ts';
import { ButtonLink } from '../../ui/ButtonLink.tsx';

export function NotFoundPage() {
  return (
    <section>
      <h1>{t('notFound.title')}</h1>
      <ButtonLink href="/" variant="primary">
        {t('notFound.back')}
      </ButtonLink>
    </section>
  );
}
