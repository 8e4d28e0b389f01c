import { energyLabelClasses } from '../../../shared/domain/energy-label.ts';
import { moduleIds, moduleTargetLevels } from '../../../shared/domain/module.ts';
import { getAppStore, type ComplexDetail, type LabelCounts } from '../../db/index.ts';
import { t } from '../../i18n/i18n.ts';
import { useLive } from '../../state/use-live.ts';
import { Fact } from '../../ui/Fact.tsx';
import { ActionList } from '../common/ActionList.tsx';
import { formatDwellingAddress } from '../common/format.ts';
import { InspectionList } from '../common/InspectionList.tsx';
import { LabelValidity } from '../common/LabelValidity.tsx';
import { LabelBadge } from '../common/LabelBadge.tsx';
import { LoadFallback } from '../common/LoadState.tsx';
import { ReportButton } from '../reports/ReportButton.tsx';
import { ModuleStarter } from './ModuleStarter.tsx';
import { PortfolioBreadcrumb } from './PortfolioBreadcrumb.tsx';

export function bouwjaarText(bouwjaar: ComplexDetail['bouwjaar']): string {
  if (!bouwjaar) return t('common.unknown');
  return bouwjaar.min === bouwjaar.max
    ? String(bouwjaar.min)
    : t('complex.bouwjaar.range', { min: bouwjaar.min, max: bouwjaar.max });
}

function LabelCountsView({ labels }: { labels: LabelCounts }) {
  const classes = [...energyLabelClasses, 'onbekend' as const].filter(
    (label) => (labels[label] ?? 0) > 0,
  );
  return (
    <ul class="label-counts">
      {classes.map((label) => (
        <li key={label}>
          <LabelBadge label={label === 'onbekend' ? null : label} /> × {labels[label]}
        </li>
      ))}
    </ul>
  );
}

/** A complex with its panden and dwellings and what is known: bouwjaar, labels, inspections, actions. */
export function ComplexPage({ complexId }: { complexId: string }) {
  const store = getAppStore();
  const detail = useLive(() => store.portfolio.watchComplexDetail(complexId), [complexId]);
  if (detail.status !== 'ready' || !detail.value)
    return <LoadFallback state={detail} backHref="/portefeuille" backLabel={t('nav.portfolio')} />;
  const { complex, panden, dwellingCount, bouwjaar, labels, inspections, openActions } =
    detail.value;
  const complexModules = moduleIds.filter((module) =>
    moduleTargetLevels[module].includes('complex'),
  );
  return (
    <section>
      <PortfolioBreadcrumb />
      <h1>
        {complex.complexnummer} {complex.name}
      </h1>
      <dl class="facts" data-testid="complex-facts">
        <Fact label={t('complex.gemeente')}>{complex.gemeente ?? t('common.unknown')}</Fact>
        <Fact label={t('complex.bouwjaar')}>{bouwjaarText(bouwjaar)}</Fact>
        <Fact label={t('complex.panden')}>{panden.length}</Fact>
        <Fact label={t('complex.dwellings')}>{dwellingCount}</Fact>
        <Fact label={t('complex.labels')} wide>
          <LabelCountsView labels={labels} />
        </Fact>
      </dl>
      <ReportButton request={{ kind: 'complex', complexId: complex.id }} />
      {complexModules.length > 0 && (
        <>
          <h2>{t('target.modules')}</h2>
          <ModuleStarter
            level="complex"
            targetId={complex.id}
            inspections={inspections.filter((item) => item.targetLevel === 'complex')}
          />
        </>
      )}
      <h2>{t('target.openActions')}</h2>
      <ActionList actions={openActions} testId="complex-actions" />
      <h2>{t('target.inspections')}</h2>
      <InspectionList inspections={inspections} showTarget testId="complex-inspections" />
      <h2>{t('complex.pandenAndDwellings')}</h2>
      {panden.map(({ pand, dwellings }) => (
        <section key={pand.id} class="pand-block" data-testid="pand">
          <h3>
            <a href={`/panden/${pand.id}`}>
              {t('pand.title', { id: pand.bagPandId ?? t('common.unknown') })}
            </a>
          </h3>
          <p class="muted">
            {t('pand.summary', {
              bouwjaar: pand.bouwjaar ?? t('common.unknown'),
              storeys: pand.storeys ?? t('common.unknown'),
              dwellings: dwellings.length,
            })}
          </p>
          <ul class="dwelling-grid">
            {dwellings.map((dwelling) => (
              <li key={dwelling.id}>
                <a class="dwelling-tile" href={`/woningen/${dwelling.id}`}>
                  <span class="dwelling-address">{formatDwellingAddress(dwelling)}</span>
                  <span class="muted">
                    {[
                      dwelling.woningtype,
                      dwelling.areaM2 !== null ? `${dwelling.areaM2} m²` : null,
                      dwelling.floor !== null
                        ? t('dwelling.floorShort', { floor: dwelling.floor })
                        : null,
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </span>
                  <LabelBadge label={dwelling.energyLabel?.class} />
                  <LabelValidity label={dwelling.energyLabel} />
                </a>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </section>
  );
}
