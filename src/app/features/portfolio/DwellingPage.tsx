import { moduleIds, moduleTargetLevels, type ModuleId } from '../../../shared/domain/module.ts';
import { getAppStore, type DwellingDetail } from '../../db/index.ts';
import { t } from '../../i18n/i18n.ts';
import { useLive } from '../../state/use-live.ts';
import { ActionList } from '../common/ActionList.tsx';
import { formatDwellingAddress, formatIsoDate } from '../common/format.ts';
import { InspectionList } from '../common/InspectionList.tsx';
import { LabelBadge } from '../common/LabelBadge.tsx';
import { Loading, LoadError, NotOnDevice } from '../common/LoadState.tsx';
import { carryForwardSources, type CarryForwardSource } from './identical.ts';
import { ModuleStarter } from './ModuleStarter.tsx';

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
  if (detail.status === 'loading') return <Loading />;
  if (detail.status === 'error') return <LoadError error={detail.error} />;
  if (!detail.value) return <NotOnDevice backHref="/portefeuille" backLabel={t('nav.portfolio')} />;
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
      <nav class="breadcrumb" aria-label={t('nav.breadcrumb')}>
        <a href="/portefeuille">{t('nav.portfolio')}</a>
        {complex && (
          <a href={`/complexen/${complex.id}`}>
            {complex.complexnummer} {complex.name}
          </a>
        )}
        {pand && (
          <a href={`/panden/${pand.id}`}>
            {t('pand.title', { id: pand.bagPandId ?? t('common.unknown') })}
          </a>
        )}
      </nav>
      <h1>{formatDwellingAddress(dwelling)}</h1>
      <dl class="facts" data-testid="dwelling-facts">
        <div>
          <dt>{t('dwelling.vhe')}</dt>
          <dd>{dwelling.vheNummer}</dd>
        </div>
        <div>
          <dt>{t('dwelling.bagId')}</dt>
          <dd>{dwelling.bagVerblijfsobjectId ?? t('common.unknown')}</dd>
        </div>
        <div>
          <dt>{t('dwelling.type')}</dt>
          <dd>{dwelling.woningtype ?? t('common.unknown')}</dd>
        </div>
        <div>
          <dt>{t('dwelling.area')}</dt>
          <dd>{dwelling.areaM2 !== null ? `${dwelling.areaM2} m²` : t('common.unknown')}</dd>
        </div>
        <div>
          <dt>{t('dwelling.floor')}</dt>
          <dd>{dwelling.floor ?? t('common.unknown')}</dd>
        </div>
        <div>
          <dt>{t('dwelling.lift')}</dt>
          <dd>{yesNo(dwelling.lift)}</dd>
        </div>
        <div>
          <dt>{t('complex.bouwjaar')}</dt>
          <dd>{pand?.bouwjaar ?? t('common.unknown')}</dd>
        </div>
        <div>
          <dt>{t('dwelling.label')}</dt>
          <dd>
            <LabelBadge label={label?.class} />{' '}
            {label && (
              <span class="muted">
                {t('dwelling.labelValid', { date: formatIsoDate(label.validUntil) })}
              </span>
            )}
          </dd>
        </div>
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
