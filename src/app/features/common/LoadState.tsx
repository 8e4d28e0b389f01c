import { t } from '../../i18n/i18n.ts';
import { Banner } from '../../ui/Banner.tsx';
import { ButtonLink } from '../../ui/ButtonLink.tsx';
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
      <ButtonLink href={backHref} variant="secondary">
        {backLabel}
      </ButtonLink>
    </section>
  );
}

/**
 * What a screen of one record shows until the record is there: loading, a read error, or (any
 * other state) not on this device.
 */
export function LoadFallback({
  state,
  backHref,
  backLabel,
}: {
  state: { status: string; error?: unknown };
  backHref: string;
  backLabel: string;
}) {
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error') return <LoadError error={state.error} />;
  return <NotOnDevice backHref={backHref} backLabel={backLabel} />;
}
