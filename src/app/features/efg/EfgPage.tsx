import { useEffect, useMemo, useState } from 'preact/hooks';
import type { DirectoryUser } from '../../../shared/auth.ts';
import { efgProgress } from '../../../shared/domain/efg-progress.ts';
import { efgTransitions, type EfgWorkflowStatus } from '../../../shared/domain/efg-status.ts';
import { may } from '../../../shared/domain/role.ts';
import { CSV_MIME, toCsv } from '../../../shared/export/csv.ts';
import { getAppStore } from '../../db/index.ts';
import { t } from '../../i18n/i18n.ts';
import { downloadFile } from '../../platform/download.ts';
import { online } from '../../state/connectivity.ts';
import { authToken, session } from '../../state/session.ts';
import { useLive } from '../../state/use-live.ts';
import { Banner } from '../../ui/Banner.tsx';
import { Button } from '../../ui/Button.tsx';
import { Field } from '../../ui/Field.tsx';
import { Loading, LoadError } from '../common/LoadState.tsx';
import { todayIso } from '../common/format.ts';
import { colleagueDirectory, userName } from '../users/colleague-names.ts';
import { EfgDwellingCard } from './EfgDwellingCard.tsx';
import { EfgProgressPanel } from './EfgProgressPanel.tsx';
import {
  ALL,
  complexesOf,
  efgCsvColumns,
  efgStatusName,
  filterCandidates,
  groupByComplex,
  NO_FILTER,
  type EfgFilter,
} from './efg-list.ts';
import { fetchEfgTarget } from './efg-target-api.ts';
import './efg.css';

const STATUSES = Object.keys(efgTransitions) as EfgWorkflowStatus[];

/** Inspecteurs first, then colleagues of other roles (anyone may carry out an inspection). */
function inspectorChoices(users: readonly DirectoryUser[] | undefined): DirectoryUser[] {
  const rank = (user: DirectoryUser) => (user.role === 'inspecteur' ? 0 : 1);
  return [...(users ?? [])].sort(
    (a, b) => rank(a) - rank(b) || a.displayName.localeCompare(b.displayName, 'nl'),
  );
}

/** The sustainability team's EFG workspace: list per complex, workflow, planning and progress. */
export function EfgPage() {
  const store = getAppStore();
  const today = todayIso();
  const list = useLive(() => store.efg.watch(today), [today]);
  const target = useLive(() => store.efg.watchTarget(), []);
  const [filter, setFilter] = useState<EfgFilter>(NO_FILTER);
  const user = session.value?.user;
  const canChange = user !== undefined && may(user.role, 'efg.status.wijzigen');
  const reachable = online.value;

  // The target lives on the server; the device keeps the last answer for offline use.
  useEffect(() => {
    const token = authToken();
    if (!token || !reachable) return;
    let cancelled = false;
    void fetchEfgTarget(token).then(async (result) => {
      if (!cancelled && result.ok) await store.efg.rememberTarget(result.value.target);
    });
    return () => {
      cancelled = true;
    };
  }, [reachable, user?.id]);

  const candidates = list.status === 'ready' ? list.value : [];
  const progress = useMemo(
    () => (target.status === 'ready' ? efgProgress(candidates, today, target.value) : undefined),
    [candidates, target, today],
  );
  const shown = filterCandidates(candidates, filter);
  const groups = groupByComplex(shown);
  const complexes = complexesOf(candidates);
  const inspectors = inspectorChoices(colleagueDirectory.value?.users);

  const download = () =>
    downloadFile(`efg-lijst-${today}.csv`, CSV_MIME, toCsv(efgCsvColumns(userName), shown));

  return (
    <section class="efg">
      <h1>{t('efg.title')}</h1>
      <p class="muted">{t('efg.intro')}</p>
      {!user && (
        <Banner tone="info" title={t('efg.signIn.title')}>
          {t('efg.signIn')} <a href="/account">{t('nav.account')}</a>
        </Banner>
      )}
      {user && !canChange && <Banner tone="info">{t('efg.readOnly')}</Banner>}
      {list.status === 'loading' && <Loading />}
      {list.status === 'error' && <LoadError error={list.error} />}
      {progress && <EfgProgressPanel progress={progress} canEdit={canChange} />}
      {list.status === 'ready' && (
        <>
          <h2>{t('efg.list.title')}</h2>
          <div class="efg-filters">
            <Field id="efg-filter-status" label={t('efg.filter.status')}>
              <select
                id="efg-filter-status"
                class="input"
                value={filter.status}
                onChange={(event) =>
                  setFilter({
                    ...filter,
                    status: event.currentTarget.value as EfgFilter['status'],
                  })
                }
              >
                <option value={ALL}>{t('efg.filter.all')}</option>
                {STATUSES.map((status) => (
                  <option key={status} value={status}>
                    {efgStatusName(status)}
                  </option>
                ))}
              </select>
            </Field>
            <Field id="efg-filter-complex" label={t('efg.filter.complex')}>
              <select
                id="efg-filter-complex"
                class="input"
                value={filter.complexId}
                onChange={(event) => setFilter({ ...filter, complexId: event.currentTarget.value })}
              >
                <option value={ALL}>{t('efg.filter.all')}</option>
                {complexes.map((complex) => (
                  <option key={complex.complexId} value={complex.complexId}>
                    {complex.complexnummer} {complex.complexName}
                  </option>
                ))}
              </select>
            </Field>
            <Button
              variant="secondary"
              onClick={download}
              disabled={shown.length === 0}
              data-testid="efg-csv"
            >
              {t('efg.csv')}
            </Button>
          </div>
          <p class="muted" data-testid="efg-shown">
            {t('efg.list.shown', { shown: shown.length, total: candidates.length })}
          </p>
          {candidates.length === 0 ? (
            <p class="empty muted">{t('efg.list.empty')}</p>
          ) : (
            groups.map((group) => (
              <section
                key={group.complexId}
                class="efg-complex"
                data-testid="efg-complex"
                aria-labelledby={`efg-complex-${group.complexId}`}
              >
                <h3 id={`efg-complex-${group.complexId}`}>
                  <a href={`/complexen/${group.complexId}`}>
                    {group.complexnummer} {group.complexName}
                  </a>{' '}
                  <span class="muted">({group.candidates.length})</span>
                </h3>
                <ul class="card-list">
                  {group.candidates.map((candidate) => (
                    <EfgDwellingCard
                      key={candidate.dwellingId}
                      candidate={candidate}
                      canChange={canChange}
                      inspectors={inspectors}
                    />
                  ))}
                </ul>
              </section>
            ))
          )}
        </>
      )}
    </section>
  );
}
