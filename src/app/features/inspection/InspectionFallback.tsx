import { t } from '../../i18n/i18n.ts';
import { Banner } from '../../ui/Banner.tsx';
import { LoadFallback } from '../common/LoadState.tsx';
import type { InspectionData } from './use-inspection.ts';

/**
 * What every screen of one inspection shows until it is ready: loading, an error, not on this
 * device, or an inspection made with a form version this app does not know (update the app).
 */
export function InspectionFallback({
  data,
}: {
  data: Exclude<InspectionData, { status: 'ready' }>;
}) {
  if (data.status === 'unknown-template')
    return (
      <Banner tone="error" title={t('inspection.unknownTemplate.title')}>
        {t('inspection.unknownTemplate.explain', {
          version: data.inspection.templateVersion,
        })}
      </Banner>
    );
  return <LoadFallback state={data} backHref="/" backLabel={t('nav.home')} />;
}
