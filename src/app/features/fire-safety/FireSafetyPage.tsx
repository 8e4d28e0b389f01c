import { useId, useState } from 'preact/hooks';
import { DUE_SOON_DAYS } from '../../../shared/domain/index.ts';
import { CSV_MIME, toCsv } from '../../../shared/export/index.ts';
import {
  getAppStore,
  type BuildingRef,
  type FireSafetyActionGroup,
  type FireSafetyOverview,
  type ScheduledBuilding,
} from '../../db/index.ts';
import { t } from '../../i18n/i18n.ts';
import type { MessageKey } from '../../i18n/messages.ts';
import { downloadFile } from '../../platform/download.ts';
import { useLive } from '../../state/use-live.ts';
import { Badge } from '../../ui/Badge.tsx';
import { Button } from '../../ui/Button.tsx';
import { ButtonLink } from '../../ui/ButtonLink.tsx';
import { ActionCard } from '../actions/ActionCard.tsx';
import { formatIsoDate, todayIso } from '../common/format.ts';
import { LoadError, Loading } from '../common/LoadState.tsx';
import { usePromise } from '../common/use-promise.ts';
import {
  actionCsvColumns,
  actionCsvRows,
  roundCsvColumns,
  roundCsvRows,
  severityGroupName,
  stateName,
} from './fire-safety-csv.ts';
import { buildingContext, buildingTitle, dueText, frequencyName } from './fire-safety-format.ts';
import { ScheduleEditor } from './ScheduleEditor.tsx';
import { StartRoundButton } from './StartRoundButton.tsx';
import './fire-safety.css';

const roundGroups: {
  key: keyof FireSafetyOverview;
  title: MessageKey;
  tone: 'error' | 'warn' | 'neutral';
}[] = [
  { key: 'overdue', title: 'fireSafety.group.overdue', tone: 'error' },
  { key: 'dueSoon', title: 'fireSafety.group.dueSoon', tone: 'warn' },
  { key: 'planned', title: 'fireSafety.group.planned', tone: 'neutral' },
  { key: 'paused', title: 'fireSafety.group.paused', tone: 'neutral' },
];

/**
 * Team veiligheid's workspace: which buildings are overdue or due for their
 * brandveiligheidsronde, setting a building's schedule, and the open fire-safety actions by
 * severity and due date. Everything reads and writes the device, so it works offline.
 */
export function FireSafetyPage() {
  const store = getAppStore();
  const today = todayIso();
  const overview = useLive(() => store.roundSchedules.watchOverview(today), [today]);
  const actions = useLive(() => store.roundSchedules.watchOpenActions(today), [today]);
  return (
    <section class="fire-safety">
      <h1>{t('fireSafety.title')}</h1>
      <p class="muted">{t('fireSafety.intro')}</p>

      <div class="fire-safety-head">
        <h2>{t('fireSafety.rounds.title')}</h2>
        {overview.status === 'ready' && (
          <Button
            variant="secondary"
            data-testid="export-rounds"
            onClick={() =>
              downloadFile(
                `brandveiligheid-rondes-${today}.csv`,
                CSV_MIME,
                toCsv(roundCsvColumns(), roundCsvRows(overview.value)),
              )
            }
          >
            {t('fireSafety.export.rounds')}
          </Button>
        )}
      </div>
      {overview.status === 'loading' && <Loading />}
      {overview.status === 'error' && <LoadError error={overview.error} />}
      {overview.status === 'ready' && <Rounds overview={overview.value} />}

      <h2>{t('fireSafety.schedule.title')}</h2>
      <PlanBuilding />

      <div class="fire-safety-head">
        <h2>{t('fireSafety.actions.title')}</h2>
        {actions.status === 'ready' && (
          <Button
            variant="secondary"
            data-testid="export-actions"
            onClick={() =>
              downloadFile(
                `brandveiligheid-acties-${today}.csv`,
                CSV_MIME,
                toCsv(actionCsvColumns(), actionCsvRows(actions.value)),
              )
            }
          >
            {t('fireSafety.export.actions')}
          </Button>
        )}
      </div>
      {actions.status === 'loading' && <Loading />}
      {actions.status === 'error' && <LoadError error={actions.error} />}
      {actions.status === 'ready' && <OpenActions groups={actions.value} />}
    </section>
  );
}

function Rounds({ overview }: { overview: FireSafetyOverview }) {
  const total = roundGroups.reduce((sum, group) => sum + overview[group.key].length, 0);
  if (total === 0) return <p class="muted">{t('fireSafety.noSchedules')}</p>;
  return (
    <div data-testid="round-lists">
      {roundGroups.map((group) => {
        const items = overview[group.key];
        if (items.length === 0) return null;
        return (
          <section key={group.key} data-testid={`rounds-${group.key}`}>
            <h3>{t(group.title, { days: DUE_SOON_DAYS })}</h3>
            <ul class="card-list">
              {items.map((item) => (
                <RoundCard key={item.schedule.id} item={item} tone={group.tone} />
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}

function RoundCard({
  item,
  tone,
}: {
  item: ScheduledBuilding;
  tone: 'error' | 'warn' | 'neutral';
}) {
  const { building, schedule, state } = item;
  const title = buildingTitle(building);
  return (
    <li>
      <div class="card card-tap round-card" data-testid="round-card" data-pand={building.pandId}>
        <div class="card-main">
          <a class="card-title card-link" href={`/brandveiligheid/panden/${building.pandId}`}>
            {title}
          </a>
          <div class="muted">{buildingContext(building)}</div>
          <div data-testid="round-due">{dueText(state)}</div>
          <div class="muted">
            {frequencyName(schedule.frequency)} ·{' '}
            {item.lastRoundOn
              ? t('fireSafety.lastRound', { date: formatIsoDate(item.lastRoundOn) })
              : t('fireSafety.noRoundYet')}
          </div>
        </div>
        <div class="card-side">
          <Badge tone={tone} testId="round-state">
            {stateName(state.status)}
          </Badge>
        </div>
        <div class="button-row">
          {/* A paused schedule starts no new round, but one in progress can still be finished. */}
          {(state.status !== 'paused' || item.openRound) && (
            <StartRoundButton pandId={building.pandId} openRound={item.openRound} label={title} />
          )}
          <ButtonLink
            href={`/brandveiligheid/panden/${building.pandId}`}
            aria-label={`${t('fireSafety.openFile')}: ${title}`}
          >
            {t('fireSafety.openFile')}
          </ButtonLink>
        </div>
      </div>
    </li>
  );
}

/** Choose a building (complex, then pand) and set its schedule. */
function PlanBuilding() {
  const id = useId();
  const buildings = usePromise(() => getAppStore().roundSchedules.buildings(), []);
  const [complexId, setComplexId] = useState('');
  const [pandId, setPandId] = useState('');
  if (buildings.status === 'loading') return <Loading />;
  if (buildings.status === 'error') return <LoadError error={buildings.error} />;
  const complexes = new Map<string, BuildingRef>();
  for (const building of buildings.value)
    if (!complexes.has(building.complexId)) complexes.set(building.complexId, building);
  const panden = buildings.value.filter((building) => building.complexId === complexId);
  return (
    <div class="plan-building" data-testid="plan-building">
      <div class="field">
        <label class="field-label" for={`${id}-complex`}>
          {t('fireSafety.schedule.complex')}
        </label>
        <select
          id={`${id}-complex`}
          class="input"
          value={complexId}
          onChange={(event) => {
            setComplexId(event.currentTarget.value);
            setPandId('');
          }}
        >
          <option value="">{t('fireSafety.schedule.choose')}</option>
          {[...complexes.values()].map((building) => (
            <option key={building.complexId} value={building.complexId}>
              {`${building.complexnummer ?? ''} ${building.complexName ?? ''}`.trim()}
            </option>
          ))}
        </select>
      </div>
      {complexId && (
        <div class="field">
          <label class="field-label" for={`${id}-pand`}>
            {t('fireSafety.schedule.pand')}
          </label>
          <select
            id={`${id}-pand`}
            class="input"
            value={pandId}
            onChange={(event) => setPandId(event.currentTarget.value)}
          >
            <option value="">{t('fireSafety.schedule.choose')}</option>
            {panden.map((building) => (
              <option key={building.pandId} value={building.pandId}>
                {buildingTitle(building)}
              </option>
            ))}
          </select>
        </div>
      )}
      {pandId && <PandSchedule key={pandId} pandId={pandId} />}
    </div>
  );
}

function PandSchedule({ pandId }: { pandId: string }) {
  const schedule = useLive(() => getAppStore().roundSchedules.watch(pandId), [pandId]);
  if (schedule.status === 'loading') return <Loading />;
  if (schedule.status === 'error') return <LoadError error={schedule.error} />;
  return <ScheduleEditor pandId={pandId} schedule={schedule.value} />;
}

function OpenActions({ groups }: { groups: FireSafetyActionGroup[] }) {
  if (groups.length === 0) return <p class="muted">{t('fireSafety.actions.none')}</p>;
  return (
    <div data-testid="fire-safety-actions">
      {groups.map((group) => (
        <section key={group.severity} data-testid={`actions-${group.severity}`}>
          <h3>{severityGroupName(group.severity)}</h3>
          <ul class="card-list">
            {group.items.map(({ action: item }) => (
              <ActionCard
                key={item.id}
                item={{
                  action: item.action,
                  finding: item.finding,
                  severity: item.finding?.severity,
                  module: 'brandveiligheidsronde',
                  target: item.building && { level: 'pand', id: item.building.pandId },
                }}
              />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
