// The workspace's lists as CSV for Dutch Excel, through the shared writer (shared/export/csv.ts):
// one row per scheduled building (with its state) and one per open fire-safety action.
import type {
  FireSafetyActionGroup,
  FireSafetyOverview,
  ScheduledBuilding,
} from '../../db/index.ts';
import { csvColumns, type AnyCsvColumn } from '../../../shared/export/index.ts';
import type { RoundDueStatus, SeverityGroup } from '../../../shared/domain/index.ts';
import { t } from '../../i18n/i18n.ts';
import type { MessageKey } from '../../i18n/messages.ts';
import {
  formatDwellingAddress,
  roleName,
  severityName,
  actionStatusName,
} from '../common/format.ts';
import { frequencyName } from './fire-safety-format.ts';

const stateKeys: Record<RoundDueStatus, MessageKey> = {
  overdue: 'fireSafety.state.overdue',
  'due-soon': 'fireSafety.state.due-soon',
  planned: 'fireSafety.state.planned',
  paused: 'fireSafety.state.paused',
};

export function stateName(status: RoundDueStatus): string {
  return t(stateKeys[status]);
}

export function severityGroupName(severity: SeverityGroup): string {
  return severity === 'onbekend' ? t('fireSafety.actions.onbekend') : severityName(severity);
}

/** Overdue first, then due soon, planned and paused, as on the screen. */
export function roundCsvRows(overview: FireSafetyOverview): ScheduledBuilding[] {
  return [...overview.overdue, ...overview.dueSoon, ...overview.planned, ...overview.paused];
}

export function roundCsvColumns(): AnyCsvColumn<ScheduledBuilding>[] {
  const col = csvColumns<ScheduledBuilding>();
  return [
    col.text(t('fireSafety.csv.state'), (row) => stateName(row.state.status)),
    col.text(t('fireSafety.csv.complexnummer'), (row) => row.building.complexnummer),
    col.text(t('fireSafety.csv.complexName'), (row) => row.building.complexName),
    col.id(t('fireSafety.csv.bagPandId'), (row) => row.building.bagPandId),
    col.text(
      t('fireSafety.csv.address'),
      (row) => row.building.firstDwelling && formatDwellingAddress(row.building.firstDwelling),
    ),
    col.text(t('fireSafety.csv.frequency'), (row) => frequencyName(row.schedule.frequency)),
    col.date(t('fireSafety.csv.dueOn'), (row) => row.state.dueOn),
    col.date(t('fireSafety.csv.lastRound'), (row) => row.lastRoundOn),
  ];
}

type ActionRow = Omit<FireSafetyActionGroup['items'][number], 'severity'> & {
  severity: SeverityGroup;
};

export function actionCsvRows(groups: readonly FireSafetyActionGroup[]): ActionRow[] {
  return groups.flatMap((group) =>
    group.items.map((item) => ({ ...item, severity: group.severity })),
  );
}

export function actionCsvColumns(): AnyCsvColumn<ActionRow>[] {
  const col = csvColumns<ActionRow>();
  return [
    col.text(t('fireSafety.csv.severity'), (row) => severityGroupName(row.severity)),
    col.text(t('fireSafety.csv.what'), (row) => row.action.action.what),
    col.text(t('fireSafety.csv.owner'), (row) => roleName(row.action.ownerRole)),
    col.date(t('fireSafety.csv.dueDate'), (row) => row.action.dueDate),
    col.boolean(t('fireSafety.csv.overdue'), (row) => row.overdue),
    col.text(t('fireSafety.csv.status'), (row) => actionStatusName(row.action.status)),
    col.text(t('fireSafety.csv.location'), (row) => row.action.finding?.location),
    col.text(t('fireSafety.csv.complexnummer'), (row) => row.action.building?.complexnummer),
    col.id(t('fireSafety.csv.bagPandId'), (row) => row.action.building?.bagPandId),
    col.text(
      t('fireSafety.csv.address'),
      (row) =>
        row.action.building?.firstDwelling &&
        formatDwellingAddress(row.action.building.firstDwelling),
    ),
  ];
}
