import { getAppStore, type BuildingFile } from '../../db/index.ts';
import type { BuildingEvent } from '../../../shared/domain/index.ts';
import { t } from '../../i18n/i18n.ts';
import { ActionStepPhotos } from '../actions/ActionStepPhotos.tsx';
import { userName } from '../users/colleague-names.ts';
import { useLive } from '../../state/use-live.ts';
import { Badge } from '../../ui/Badge.tsx';
import {
  actionStatusName,
  formatDateTime,
  formatIsoDate,
  inspectionStatusName,
  severityName,
  todayIso,
  type InspectionStatusName,
} from '../common/format.ts';
import { LoadFallback } from '../common/LoadState.tsx';
import { stateName } from './fire-safety-csv.ts';
import { buildingContext, buildingTitle, dueText } from './fire-safety-format.ts';
import { ScheduleEditor } from './ScheduleEditor.tsx';
import { StartRoundButton } from './StartRoundButton.tsx';
import './fire-safety.css';

/** One building's fire-safety file: its schedule and due state, and its history. */
export function BuildingPage({ pandId }: { pandId: string }) {
  const today = todayIso();
  const file = useLive(
    () => getAppStore().roundSchedules.watchBuilding(pandId, today),
    [pandId, today],
  );
  if (file.status !== 'ready' || !file.value)
    return (
      <LoadFallback state={file} backHref="/brandveiligheid" backLabel={t('fireSafety.back')} />
    );
  return <BuildingDetail file={file.value} />;
}

function BuildingDetail({ file }: { file: BuildingFile }) {
  const { building, schedule, state } = file;
  const title = buildingTitle(building);
  return (
    <section class="fire-safety">
      <a href="/brandveiligheid">{t('fireSafety.back')}</a>
      <h1>{title}</h1>
      <p class="muted">{buildingContext(building)}</p>
      {state ? (
        <p data-testid="building-due">
          <Badge tone={state.status === 'overdue' ? 'error' : 'neutral'}>
            {stateName(state.status)}
          </Badge>{' '}
          {dueText(state)}
        </p>
      ) : (
        <p class="muted">{t('fireSafety.schedule.none')}</p>
      )}
      <p class="muted" data-testid="building-last-round">
        {file.lastRoundOn
          ? t('fireSafety.lastRound', { date: formatIsoDate(file.lastRoundOn) })
          : t('fireSafety.noRoundYet')}
      </p>
      <div class="button-row">
        <StartRoundButton pandId={building.pandId} openRound={file.openRound} label={title} />
      </div>

      <h2>{t('fireSafety.schedule.title')}</h2>
      <ScheduleEditor pandId={building.pandId} schedule={schedule} />

      <h2>{t('fireSafety.history.title')}</h2>
      {file.events.length === 0 ? (
        <p class="muted">{t('fireSafety.history.none')}</p>
      ) : (
        <ol class="building-history" data-testid="building-history">
          {file.events.map((event) => (
            <li key={eventKey(event)} data-kind={event.kind}>
              <HistoryEvent event={event} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function eventKey(event: BuildingEvent): string {
  if (event.kind === 'round') return `round-${event.inspectionId}`;
  if (event.kind === 'finding') return `finding-${event.findingId}`;
  return `action-${event.actionId}-${event.status}-${event.at}`;
}

function when(at: string): string {
  return at.length === 10 ? formatIsoDate(at) : formatDateTime(at);
}

function HistoryEvent({ event }: { event: BuildingEvent }) {
  if (event.kind === 'round')
    return (
      <>
        <div class="muted">{when(event.at)}</div>
        <a href={`/inspecties/${event.inspectionId}`}>
          {t('fireSafety.history.round', {
            status: inspectionStatusName(event.status as InspectionStatusName),
          })}
        </a>
      </>
    );
  if (event.kind === 'finding')
    return (
      <>
        <div class="muted">{when(event.at)}</div>
        {t('fireSafety.history.finding', {
          severity: severityName(event.severity),
          location: event.location,
          text: event.description,
        })}
      </>
    );
  return (
    <>
      <div class="muted">{when(event.at)}</div>
      <a href={`/acties/${event.actionId}`}>
        {t('fireSafety.history.action', {
          what: event.what,
          status: actionStatusName(event.status),
          who: userName(event.by),
        })}
      </a>
      {event.note && <span class="muted"> — {event.note}</span>}
      {event.photoIds && (
        <span class="muted"> · {t('actions.photo.count', { count: event.photoIds.length })}</span>
      )}
      {event.photoIds && <ActionStepPhotos hashes={event.photoIds} />}
    </>
  );
}
