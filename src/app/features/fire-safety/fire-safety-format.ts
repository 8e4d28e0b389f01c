// How the fire-safety workspace names things: a building (pand) by complex and address, a
// schedule's frequency, and how far away or late a round is.
import type { BuildingRef } from '../../db/index.ts';
import type { RoundDueState, RoundFrequency } from '../../../shared/domain/index.ts';
import { t } from '../../i18n/i18n.ts';
import type { MessageKey } from '../../i18n/messages.ts';
import { formatDwellingAddress, formatIsoDate } from '../common/format.ts';

const frequencyKeys: Record<RoundFrequency, MessageKey> = {
  maandelijks: 'fireSafety.frequency.maandelijks',
  'per-kwartaal': 'fireSafety.frequency.per-kwartaal',
  halfjaarlijks: 'fireSafety.frequency.halfjaarlijks',
  jaarlijks: 'fireSafety.frequency.jaarlijks',
};

export function frequencyName(frequency: RoundFrequency): string {
  return t(frequencyKeys[frequency]);
}

/** "Kerkstraat 1, 3011 HE Rotterdam": the first dwelling's address, or the BAG pand id. */
export function buildingTitle(building: BuildingRef): string {
  if (building.firstDwelling) return formatDwellingAddress(building.firstDwelling);
  return t('fireSafety.building.pand', { id: building.bagPandId ?? t('common.unknown') });
}

/** "C-1001 Plusflat Botersloot · Pand 0599… · 12 woningen". */
export function buildingContext(building: BuildingRef): string {
  return [
    building.complexnummer && `${building.complexnummer} ${building.complexName ?? ''}`.trim(),
    building.bagPandId && t('fireSafety.building.pand', { id: building.bagPandId }),
    building.dwellingCount > 0 &&
      t('fireSafety.building.dwellings', { count: building.dwellingCount }),
  ]
    .filter(Boolean)
    .join(' · ');
}

/** "Ronde uiterlijk 1 mrt. 2026 · 12 dagen te laat". */
export function dueText(state: RoundDueState): string {
  if (state.dueOn === undefined || state.daysLeft === undefined)
    return t('fireSafety.state.paused');
  const due = t('fireSafety.due', { date: formatIsoDate(state.dueOn) });
  const distance =
    state.daysLeft < 0
      ? t('fireSafety.overdueDays', { days: -state.daysLeft })
      : state.daysLeft === 0
        ? t('fireSafety.dueToday')
        : t('fireSafety.dueInDays', { days: state.daysLeft });
  return `${due} · ${distance}`;
}
