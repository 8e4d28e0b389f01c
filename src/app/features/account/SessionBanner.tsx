import { useEffect } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { t } from '../../i18n/i18n.ts';
import { signInNeeded } from '../../state/session.ts';
import { Banner } from '../../ui/Banner.tsx';
import { ButtonLink } from '../../ui/ButtonLink.tsx';
import { ensureSessionLoaded } from './session-wiring.ts';

/**
 * "Opnieuw aanmelden" when the token expired or the server refused it. Only a banner: the
 * user keeps working and the outbox waits; nothing is blocked or thrown away.
 */
export function SessionBanner() {
  const { path } = useLocation();
  useEffect(() => {
    void ensureSessionLoaded();
  }, []);
  // The account screen itself shows the sign-in form instead.
  if (!signInNeeded.value || path === '/account') return null;
  return (
    <Banner
      tone="warn"
      title={t('account.reauth.title')}
      testId="reauth-banner"
      actions={
        <ButtonLink href="/account" variant="primary">
          {t('account.reauth.action')}
        </ButtonLink>
      }
    >
      {t('account.reauth.text')}
    </Banner>
  );
}
