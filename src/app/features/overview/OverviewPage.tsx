import { energyLabelClasses } from '../../../shared/domain/energy-label.ts';
import {
  woondealLevels,
  type PortfolioPotential,
} from '../../../shared/domain/portfolio-potential.ts';
import { getAppStore } from '../../db/index.ts';
import { t } from '../../i18n/i18n.ts';
import type { MessageKey } from '../../i18n/messages.ts';
import { Banner } from '../../ui/Banner.tsx';
import { Button } from '../../ui/Button.tsx';
import { ButtonLink } from '../../ui/ButtonLink.tsx';
import { Fact } from '../../ui/Fact.tsx';
import { LoadError, Loading } from '../common/LoadState.tsx';
import { usePromise } from '../common/use-promise.ts';
import { BarChart, type Bar } from './BarChart.tsx';
import { DataTable } from './DataTable.tsx';
import { formatCount } from './overview-format.ts';
import {
  complexColumns,
  extraDwellingColumns,
  gemeenteRows,
  labelColumns,
  woondealColumns,
  type GemeenteTableRow,
} from './overview-tables.ts';
import './overview.css';

const woondealKeys: Record<(typeof woondealLevels)[number], MessageKey> = {
  nultreden: 'overview.col.nultreden',
  rollatorgeschikt: 'overview.col.rollatorgeschikt',
  rolstoelgeschikt: 'overview.col.rolstoelgeschikt',
  zorggeschikt: 'overview.col.zorggeschikt',
};

function labelTone(label: string): string {
  if (label === 'geen') return 'label-none';
  return label.startsWith('A') ? 'label-a' : `label-${label.toLowerCase()}`;
}

function Overview({ potential }: { potential: PortfolioPotential }) {
  const gemeenten = gemeenteRows(potential.gemeenten);
  const total: GemeenteTableRow = { name: t('overview.total'), figures: potential.total };
  const key = (row: GemeenteTableRow) => row.name;

  const extraBars: Bar[] = gemeenten.map((row) => ({
    label: row.name,
    value: row.figures.extraDwellings.total,
  }));
  const woondealBars: Bar[] = woondealLevels.map((level) => ({
    label: t(woondealKeys[level]),
    value: potential.total.woondeal[level],
  }));
  const labelBars: Bar[] = [
    ...energyLabelClasses.map((label) => ({
      label,
      value: potential.total.labels[label],
      tone: labelTone(label),
    })),
    { label: t('overview.col.noLabel'), value: potential.total.labels.geen, tone: 'label-none' },
  ];

  return (
    <>
      <dl class="facts" data-testid="overview-summary">
        <Fact label={t('overview.summary.dwellings')} testId="summary-dwellings">
          {formatCount(potential.total.dwellings)}
        </Fact>
        <Fact label={t('overview.summary.extra')} testId="summary-extra">
          {formatCount(potential.total.extraDwellings.total)}
        </Fact>
        <Fact label={t('overview.summary.woondeal')} testId="summary-nultreden">
          {formatCount(potential.total.woondeal.nultreden)}
        </Fact>
        <Fact label={t('overview.summary.efg')} testId="summary-efg">
          {formatCount(potential.total.efg)}
        </Fact>
      </dl>
      {potential.unscorable > 0 && (
        <Banner tone="warn" testId="overview-unscorable">
          {t('overview.unscorable', { count: potential.unscorable })}
        </Banner>
      )}

      <section aria-labelledby="overview-extra">
        <h2 id="overview-extra">{t('overview.extra.title')}</h2>
        <Banner
          tone="warn"
          title={t('overview.disclaimer.title')}
          live={false}
          testId="overview-disclaimer"
        >
          {t('overview.disclaimer')}
        </Banner>
        <BarChart title={t('overview.extra.chart')} bars={extraBars} testId="chart-extra" />
        <DataTable
          caption={t('overview.table.extra')}
          columns={extraDwellingColumns()}
          rows={gemeenten}
          total={total}
          rowKey={key}
          fileName="extra-woningen-per-gemeente"
          testId="table-extra"
        />
      </section>

      <section aria-labelledby="overview-woondeal">
        <h2 id="overview-woondeal">{t('overview.woondeal.title')}</h2>
        <p class="muted">{t('overview.woondeal.explain')}</p>
        <BarChart
          title={t('overview.woondeal.chart')}
          bars={woondealBars}
          testId="chart-woondeal"
        />
        <DataTable
          caption={t('overview.table.woondeal')}
          columns={woondealColumns()}
          rows={gemeenten}
          total={total}
          rowKey={key}
          fileName="woondeal-per-gemeente"
          testId="table-woondeal"
        />
      </section>

      <section aria-labelledby="overview-labels">
        <h2 id="overview-labels">{t('overview.labels.title')}</h2>
        <BarChart title={t('overview.labels.chart')} bars={labelBars} testId="chart-labels" />
        <DataTable
          caption={t('overview.table.labels')}
          columns={labelColumns()}
          rows={gemeenten}
          total={total}
          rowKey={key}
          fileName="energielabels-per-gemeente"
          testId="table-labels"
        />
      </section>

      <section aria-labelledby="overview-complexes">
        <h2 id="overview-complexes">{t('overview.complexes.title')}</h2>
        <DataTable
          caption={t('overview.table.complexes')}
          columns={complexColumns()}
          rows={potential.complexes}
          rowKey={(row) => row.complexId}
          href={(row) => `/complexen/${row.complexId}`}
          fileName="portefeuille-per-complex"
          testId="table-complexes"
        />
      </section>
    </>
  );
}

/**
 * Portfolio view for beheer and management: indicative extra dwellings, woondeal counts and
 * the label distribution, from what this device holds (works offline). Counted on opening and
 * on request, not live: walking 50,000 dwellings on every synced change would cost battery.
 */
export function OverviewPage() {
  const state = usePromise(() => getAppStore().portfolioInsights.potential(), []);
  return (
    <section>
      <h1>{t('overview.title')}</h1>
      <p class="muted">{t('overview.intro')}</p>
      <p class="muted">{t('overview.counting')}</p>
      {state.status === 'loading' && <Loading />}
      {state.status === 'error' && <LoadError error={state.error} />}
      {state.status === 'ready' &&
        (state.value.complexes.length === 0 ? (
          <>
            <p data-testid="overview-empty">{t('overview.empty')}</p>
            <ButtonLink href="/portefeuille" variant="secondary">
              {t('nav.portfolio')}
            </ButtonLink>
          </>
        ) : (
          <>
            <Button variant="secondary" onClick={state.reload} data-testid="overview-refresh">
              {t('overview.refresh')}
            </Button>
            <Overview potential={state.value} />
          </>
        ))}
    </section>
  );
}
