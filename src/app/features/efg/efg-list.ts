// What the EFG screen does with the repository's list: filter by status and complex, group per
// complex, and the columns of the CSV download. Pure (apart from the message catalogue).
import type { EfgDropReason, EfgWorkflowStatus } from '../../../shared/domain/efg-status.ts';
import type { EnergyMeasureId } from '../../../shared/domain/energy-label.ts';
import { csvColumns, type AnyCsvColumn } from '../../../shared/export/csv.ts';
import type { EfgCandidate } from '../../db/index.ts';
import { t } from '../../i18n/i18n.ts';
import type { MessageKey } from '../../i18n/messages.ts';
import { formatDwellingAddress } from '../common/format.ts';

export const ALL = 'alle';

export interface EfgFilter {
  status: EfgWorkflowStatus | typeof ALL;
  complexId: string;
}

export const NO_FILTER: EfgFilter = { status: ALL, complexId: ALL };

export function filterCandidates(
  candidates: readonly EfgCandidate[],
  filter: EfgFilter,
): EfgCandidate[] {
  return candidates.filter(
    (candidate) =>
      (filter.status === ALL || candidate.status === filter.status) &&
      (filter.complexId === ALL || candidate.complexId === filter.complexId),
  );
}

export interface ComplexGroup {
  complexId: string;
  complexnummer: string;
  complexName: string;
  candidates: EfgCandidate[];
}

/** Groups in the order the list already has (complex, then address). */
export function groupByComplex(candidates: readonly EfgCandidate[]): ComplexGroup[] {
  const groups = new Map<string, ComplexGroup>();
  for (const candidate of candidates) {
    let group = groups.get(candidate.complexId);
    if (!group) {
      group = {
        complexId: candidate.complexId,
        complexnummer: candidate.complexnummer,
        complexName: candidate.complexName,
        candidates: [],
      };
      groups.set(candidate.complexId, group);
    }
    group.candidates.push(candidate);
  }
  return [...groups.values()];
}

/** The complexes that have dwellings on the list, for the complex filter. */
export function complexesOf(
  candidates: readonly EfgCandidate[],
): Omit<ComplexGroup, 'candidates'>[] {
  return groupByComplex(candidates).map(({ candidates: _, ...complex }) => complex);
}

const statusKeys: Record<EfgWorkflowStatus, MessageKey> = {
  kandidaat: 'efg.status.kandidaat',
  'in-voorbereiding': 'efg.status.in-voorbereiding',
  'maatregelen-gepland': 'efg.status.maatregelen-gepland',
  uitgevoerd: 'efg.status.uitgevoerd',
  'nieuw-label-geregistreerd': 'efg.status.nieuw-label-geregistreerd',
  afgevallen: 'efg.status.afgevallen',
};

const measureKeys: Record<EnergyMeasureId, MessageKey> = {
  spouwmuurisolatie: 'efg.measure.spouwmuurisolatie',
  dakisolatie: 'efg.measure.dakisolatie',
  vloerisolatie: 'efg.measure.vloerisolatie',
  'hr-plus-plus-glas': 'efg.measure.hr-plus-plus-glas',
  'triple-glas': 'efg.measure.triple-glas',
  'hr-ketel-naar-hybride-warmtepomp': 'efg.measure.hr-ketel-naar-hybride-warmtepomp',
  zonnepanelen: 'efg.measure.zonnepanelen',
  'ventilatie-kierdichting': 'efg.measure.ventilatie-kierdichting',
};

const dropKeys: Record<EfgDropReason, MessageKey> = {
  monument: 'efg.drop.monument',
  'sloop-gepland': 'efg.drop.sloop-gepland',
  verkocht: 'efg.drop.verkocht',
  'label-niet-efg': 'efg.drop.label-niet-efg',
  anders: 'efg.drop.anders',
};

export function efgStatusName(status: EfgWorkflowStatus): string {
  return t(statusKeys[status]);
}

export function measureName(measure: EnergyMeasureId): string {
  return t(measureKeys[measure]);
}

export function dropReasonName(reason: EfgDropReason): string {
  return t(dropKeys[reason]);
}

/** The CSV of the (filtered) list; `inspectorName` names a planned opname's inspector. */
export function efgCsvColumns(
  inspectorName: (userId: string) => string,
): AnyCsvColumn<EfgCandidate>[] {
  const col = csvColumns<EfgCandidate>();
  return [
    col.text(t('efg.csv.complex'), (c) => c.complexnummer),
    col.text(t('efg.csv.complexName'), (c) => c.complexName),
    col.text(t('efg.csv.vhe'), (c) => c.vheNummer),
    col.text(t('efg.csv.address'), (c) => formatDwellingAddress(c.address)),
    col.text(t('efg.csv.label'), (c) => c.label?.class),
    col.date(t('efg.csv.registered'), (c) => c.label?.registrationDate),
    col.date(t('efg.csv.validUntil'), (c) => c.label?.validUntil),
    col.boolean(t('efg.csv.expired'), (c) => c.expired),
    col.text(t('efg.csv.status'), (c) => efgStatusName(c.status)),
    col.text(t('efg.csv.dropReason'), (c) =>
      c.status === 'afgevallen' && c.efgCase?.drop
        ? [dropReasonName(c.efgCase.drop.reason), c.efgCase.drop.note].filter(Boolean).join(': ')
        : undefined,
    ),
    col.date(t('efg.csv.lastOpname'), (c) => c.lastOpname?.day || undefined),
    col.text(t('efg.csv.measures'), (c) =>
      c.lastOpname?.proposedMeasures.map(measureName).join(', '),
    ),
    col.date(t('efg.csv.planned'), (c) => c.planned?.plannedFor || undefined),
    col.text(t('efg.csv.inspector'), (c) =>
      c.planned?.inspectorId ? inspectorName(c.planned.inspectorId) : undefined,
    ),
  ];
}
