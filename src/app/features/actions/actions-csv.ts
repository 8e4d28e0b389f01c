// The Acties list as CSV for Dutch Excel, through the shared writer (shared/export/csv.ts).
import { isOverdue } from '../../../shared/domain/action.ts';
import { csvColumns, type AnyCsvColumn } from '../../../shared/export/index.ts';
import { t } from '../../i18n/i18n.ts';
import {
  actionStatusName,
  moduleName,
  roleName,
  severityName,
  todayIso,
} from '../common/format.ts';
import type { ActionInContext } from './action-context.ts';

export function actionsCsvColumns(today: string = todayIso()): AnyCsvColumn<ActionInContext>[] {
  const col = csvColumns<ActionInContext>();
  return [
    col.text(t('actions.csv.what'), (item) => item.action.what),
    col.text(t('actions.csv.status'), (item) => actionStatusName(item.action.status)),
    col.text(t('actions.csv.severity'), (item) => item.severity && severityName(item.severity)),
    col.date(t('actions.csv.dueDate'), (item) => item.action.dueDate),
    col.boolean(t('actions.csv.overdue'), (item) => isOverdue(item.action, today)),
    col.text(t('actions.csv.owner'), (item) => roleName(item.action.ownerRole)),
    col.text(t('actions.csv.module'), (item) => item.module && moduleName(item.module)),
    col.text(t('actions.csv.location'), (item) => item.finding?.location),
    col.text(t('actions.csv.finding'), (item) => item.finding?.description),
  ];
}
