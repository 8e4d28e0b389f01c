import { t } from '../../i18n/i18n.ts';
import { Banner } from '../../ui/Banner.tsx';
import { errorText } from './errors.ts';

/** What a screen shows while its data loads, or when it could not be read. */
export function Loading() {
  return (
    <p class="muted" role="status">
      {t('common.loading')}
    </p>
  );
}

export function LoadError({ error }: { error: unknown }) {
  const { title, detail } = errorText(error);
  return (
    <Banner tone="error" title={title}>
      {detail}
    </Banner>
  );
}

/** The entity is not on this device (wrong link, or a portfolio without it). */
export function NotOnDevice({ backHref, backLabel }: { backHref: string; backLabel: string }) {
  return (
    <section>
      <h1>{t('common.notOnDevice')}</h1>
      <p class="muted">{t('common.notOnDevice.explain')}</p>
      <a class="btn btn-secondary" href={backHref}>
        {backLabel}
      </a>
    </section>
  );
}
