import { moduleIds, moduleTargetLevels, type ModuleId } from '../../../shared/domain/module.ts';
import { getAppStore, type DwellingDetail } from '../../db/index.ts';
import { t } from '../../i18n/i18n.ts';
import { useLive } from '../../state/use-live.ts';
import { Fact } from '../../ui/Fact.tsx';
import { ActionList } from '../common/ActionList.tsx';
import { formatDwellingAddress } from '../common/format.ts';
import { InspectionList } from '../common/InspectionList.tsx';
import { LabelValidity } from '../common/LabelValidity.tsx';
import { LabelBadge } from '../common/LabelBadge.tsx';
import { LoadFallback } from '../common/LoadState.tsx';
import { carryForwardSources, type CarryForwardSource } from './identical.ts';
import { ModuleStarter } from './ModuleStarter.tsx';
import { PortfolioBreadcrumb } from './PortfolioBreadcrumb.tsx';

const dwellingModules = moduleIds.filter((module) =>
  moduleTargetLevels[module].includes('verblijfsobject'),
);

function yesNo(value: boolean | null): string {
  return value === null ? t('common.unknown') : value ? t('common.yes') : t('common.no');
}

/** One dwelling (verblijfsobject / VHE): what is known, its inspections, start or resume. */
export function DwellingPage({ dwellingId }: { dwellingId: string }) {
  const store = getAppStore();
  const detail = useLive(() => store.portfolio.watchDwellingDetail(dwellingId), [dwellingId]);
  if (detail.status !== 'ready' || !detail.value)
    return <LoadFallback state={detail} backHref="/portefeuille" backLabel={t('nav.portfolio')} />;
  return <DwellingView detail={detail.value} />;
}

function DwellingView({ detail }: { detail: DwellingDetail }) {
  const store = getAppStore();
  const { dwelling, pand, complex, inspections, openActions } = detail;
  // The complex's inspections tell which identical dwellings were already inspected.
  const complexDetail = useLive(
    () => store.portfolio.watchComplexDetail(dwelling.complexId),
    [dwelling.complexId],
  );
  const sources: Partial<Record<ModuleId, CarryForwardSource[]>> = {};
  if (complexDetail.status === 'ready' && complexDetail.value)
    for (const module of dwellingModules)
      sources[module] = carryForwardSources(complexDetail.value, dwelling.id, module);
  const label = dwelling.energyLabel;
  return (
    <section>
      <PortfolioBreadcrumb complex={complex} pand={pand} />
      <h1>{formatDwellingAddress(dwelling)}</h1>
      <dl class="facts" data-testid="dwelling-facts">
        <Fact label={t('dwelling.vhe')}>{dwelling.vheNummer}</Fact>
        <Fact label={t('dwelling.bagId')}>
          {dwelling.bagVerblijfsobjectId ?? t('common.unknown')}
        </Fact>
        <Fact label={t('dwelling.type')}>{dwelling.woningtype ?? t('common.unknown')}</Fact>
        <Fact label={t('dwelling.area')}>
          {dwelling.areaM2 !== null ? `${dwelling.areaM2} m²` : t('common.unknown')}
        </Fact>
        <Fact label={t('dwelling.floor')}>{dwelling.floor ?? t('common.unknown')}</Fact>
        <Fact label={t('dwelling.lift')}>{yesNo(dwelling.lift)}</Fact>
        <Fact label={t('complex.bouwjaar')}>{pand?.bouwjaar ?? t('common.unknown')}</Fact>
        <Fact label={t('dwelling.label')}>
          <LabelBadge label={label?.class} /> <LabelValidity label={label} showValid />
        </Fact>
      </dl>
      <h2>{t('target.modules')}</h2>
      <ModuleStarter
        level="verblijfsobject"
        targetId={dwelling.id}
        inspections={inspections}
        sources={sources}
      />
      <h2>{t('target.openActions')}</h2>
      <ActionList actions={openActions} testId="dwelling-actions" />
      <h2>{t('target.inspections')}</h2>
      <InspectionList inspections={inspections} testId="dwelling-inspections" />
    </section>
  );
}
