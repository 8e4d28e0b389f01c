import { useEffect } from 'preact/hooks';
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
  useEffect(() => {
    void ensureSessionLoaded();
  }, []);
  if (!signInNeeded.value) return null;
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
