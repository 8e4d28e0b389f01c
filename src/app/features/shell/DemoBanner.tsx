import { isDemoOrganisation } from '../../../shared/demo.ts';
import { t } from '../../i18n/i18n.ts';
import { session } from '../../state/session.ts';
import { Banner } from '../../ui/Banner.tsx';

/**
 * "Demo-omgeving" on every screen while signed in to the demo organisation, whose passwords the
 * README publishes: nobody should mistake it for their corporation's real Schouw.
 */
export function DemoBanner() {
  const slug = session.value?.user.organisationSlug;
  if (slug === undefined || !isDemoOrganisation(slug)) return null;
  return (
    <Banner tone="warn" title={t('demo.banner.title')} live={false} testId="demo-banner">
      {t('demo.banner.text')}
    </Banner>
  );
}
