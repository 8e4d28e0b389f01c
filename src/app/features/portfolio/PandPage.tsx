import { getAppStore } from '../../db/index.ts';
import { t } from '../../i18n/i18n.ts';
import { useLive } from '../../state/use-live.ts';
import { Fact } from '../../ui/Fact.tsx';
import { formatDwellingAddress } from '../common/format.ts';
import { InspectionList } from '../common/InspectionList.tsx';
import { LabelValidity } from '../common/LabelValidity.tsx';
import { LabelBadge } from '../common/LabelBadge.tsx';
import { Loading, LoadError, LoadFallback } from '../common/LoadState.tsx';
import { usePromise } from '../common/use-promise.ts';
import { ModuleStarter } from './ModuleStarter.tsx';
import { PortfolioBreadcrumb } from './PortfolioBreadcrumb.tsx';

/** A pand (BAG building): its dwellings, inspections at pand level, start or resume. */
export function PandPage({ pandId }: { pandId: string }) {
  const store = getAppStore();
  // The repository has no live pand query; the pand itself is reference data that only changes
  // on a portfolio import. Its inspections are live.
  const pand = usePromise(() => store.portfolio.pand(pandId), [pandId]);
  const inspections = useLive(() => store.inspections.watchForTarget('pand', pandId), [pandId]);
  const complexes = usePromise(() => store.portfolio.listComplexes(), []);
  if (pand.status !== 'ready' || !pand.value)
    return <LoadFallback state={pand} backHref="/portefeuille" backLabel={t('nav.portfolio')} />;
  const { pand: row, dwellings } = pand.value;
  const complex =
    complexes.status === 'ready'
      ? complexes.value.find((item) => item.id === row.complexId)
      : undefined;
  return (
    <section>
      <PortfolioBreadcrumb complex={complex} />
      <h1>{t('pand.title', { id: row.bagPandId ?? t('common.unknown') })}</h1>
      <dl class="facts">
        <Fact label={t('complex.bouwjaar')}>{row.bouwjaar ?? t('common.unknown')}</Fact>
        <Fact label={t('pand.storeys')}>{row.storeys ?? t('common.unknown')}</Fact>
        <Fact label={t('complex.dwellings')}>{dwellings.length}</Fact>
      </dl>
      <h2>{t('target.modules')}</h2>
      {inspections.status === 'ready' ? (
        <ModuleStarter level="pand" targetId={row.id} inspections={inspections.value} />
      ) : inspections.status === 'error' ? (
        <LoadError error={inspections.error} />
      ) : (
        <Loading />
      )}
      <h2>{t('target.inspections')}</h2>
      {inspections.status === 'ready' && <InspectionList inspections={inspections.value} />}
      <h2>{t('complex.dwellings')}</h2>
      <ul class="dwelling-grid">
        {dwellings.map((dwelling) => (
          <li key={dwelling.id}>
            <a class="dwelling-tile" href={`/woningen/${dwelling.id}`}>
              <span class="dwelling-address">{formatDwellingAddress(dwelling)}</span>
              <span class="muted">{dwelling.vheNummer}</span>
              <LabelBadge label={dwelling.energyLabel?.class} />
              <LabelValidity label={dwelling.energyLabel} />
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
