import { isOverdue, type ActionStatus } from '../../shared/domain/action.ts';
import { formatHuisnummer } from '../../shared/domain/address.ts';
import { isEfgClass, isExpired, type EnergyLabelClass } from '../../shared/domain/energy-label.ts';
import { GeoPositionSchema } from '../../shared/domain/finding.ts';
import { conditionScore, Nen2767RatingSchema } from '../../shared/domain/nen2767.ts';
import { centroid, dutchDay, type LonLat } from '../../shared/export/index.ts';
import { isDeleted, recordValues, type RecordState } from '../../shared/sync/merge.ts';
import type { Queryable } from '../store/store.ts';

// Reads one organisation's data for the exports: the portfolio tables (with each dwelling's
// current label in energy_label_*) and the merged state of synced records (fields -> name ->
// value). Every query is filtered by organisation_id; nothing here takes an id from a caller
// without it.

export interface DwellingRow {
  verblijfsobjectId: string;
  complexId: string;
  complexnummer: string;
  complexnaam: string;
  gemeente: string | null;
  pandId: string;
  bagPandId: string | null;
  bouwjaar: number | null;
  bouwlagen: number | null;
  vheNummer: string;
  bagVerblijfsobjectId: string | null;
  postcode: string | null;
  huisnummer: number | null;
  huisletter: string | null;
  toevoeging: string | null;
  woonplaats: string | null;
  /** "100A-2, 3011 HE Rotterdam" (no street in the portfolio), empty parts left out. */
  adres: string;
  woningtype: string | null;
  areaM2: number | null;
  floor: number | null;
  lift: boolean | null;
  label: EnergyLabelClass | null;
  registrationDate: string | null;
  recordingDate: string | null;
  validUntil: string | null;
  ep2: number | null;
  energyIndex: number | null;
  labelSource: string | null;
  /** Null without a label. */
  expired: boolean | null;
}

export interface EfgRow extends DwellingRow {
  /** The EFG case status (sync entity efgCase, id = verblijfsobject id); null without a case. */
  efgStatus: string | null;
  efgDropReason: string | null;
  efgStatusSince: string | null;
}

interface DwellingQueryRow {
  id: string;
  complex_id: string;
  complexnummer: string;
  complex_name: string;
  gemeente: string | null;
  pand_id: string;
  bag_pand_id: string | null;
  bouwjaar: number | null;
  storeys: number | null;
  vhe_nummer: string;
  bag_verblijfsobject_id: string | null;
  postcode: string | null;
  huisnummer: number | null;
  huisletter: string | null;
  toevoeging: string | null;
  woonplaats: string | null;
  woningtype: string | null;
  area_m2: number | null;
  floor: number | null;
  lift: boolean | null;
  energy_label_class: EnergyLabelClass | null;
  energy_label_registration_date: string | null;
  energy_label_recording_date: string | null;
  energy_label_valid_until: string | null;
  energy_label_ep2: number | null;
  energy_label_energy_index: number | null;
  energy_label_source: string | null;
}

function address(row: DwellingQueryRow): string {
  const number =
    row.huisnummer === null
      ? ''
      : formatHuisnummer({
          huisnummer: row.huisnummer,
          ...(row.huisletter ? { huisletter: row.huisletter } : {}),
          ...(row.toevoeging ? { toevoeging: row.toevoeging } : {}),
        });
  const place = [row.postcode, row.woonplaats].filter((part) => part).join(' ');
  return [number, place].filter((part) => part).join(', ');
}

function toDwelling(row: DwellingQueryRow, today: string): DwellingRow {
  const label =
    row.energy_label_class && row.energy_label_registration_date && row.energy_label_valid_until
      ? {
          registrationDate: row.energy_label_registration_date,
          validUntil: row.energy_label_valid_until,
        }
      : null;
  return {
    verblijfsobjectId: row.id,
    complexId: row.complex_id,
    complexnummer: row.complexnummer,
    complexnaam: row.complex_name,
    gemeente: row.gemeente,
    pandId: row.pand_id,
    bagPandId: row.bag_pand_id,
    bouwjaar: row.bouwjaar,
    bouwlagen: row.storeys,
    vheNummer: row.vhe_nummer,
    bagVerblijfsobjectId: row.bag_verblijfsobject_id,
    postcode: row.postcode,
    huisnummer: row.huisnummer,
    huisletter: row.huisletter,
    toevoeging: row.toevoeging,
    woonplaats: row.woonplaats,
    adres: address(row),
    woningtype: row.woningtype,
    areaM2: row.area_m2,
    floor: row.floor,
    lift: row.lift,
    label: row.energy_label_class,
    registrationDate: row.energy_label_registration_date,
    recordingDate: row.energy_label_recording_date,
    validUntil: row.energy_label_valid_until,
    ep2: row.energy_label_ep2,
    energyIndex: row.energy_label_energy_index,
    labelSource: row.energy_label_source,
    expired: label ? isExpired(label, today) : null,
  };
}

const DWELLING_SELECT = `
  SELECT v.id, c.id AS complex_id, c.complexnummer, c.name AS complex_name, c.gemeente,
         p.id AS pand_id, p.bag_pand_id, p.bouwjaar, p.storeys,
         v.vhe_nummer, v.bag_verblijfsobject_id, v.postcode, v.huisnummer, v.huisletter,
         v.toevoeging, v.woonplaats, v.woningtype, v.area_m2, v.floor, v.lift,
         v.energy_label_class, v.energy_label_registration_date, v.energy_label_recording_date,
         v.energy_label_valid_until, v.energy_label_ep2, v.energy_label_energy_index,
         v.energy_label_source
  FROM verblijfsobjecten v
  JOIN panden p ON p.organisation_id = v.organisation_id AND p.id = v.pand_id
  JOIN complexes c ON c.organisation_id = p.organisation_id AND c.id = p.complex_id
  WHERE v.organisation_id = $1`;

/** Every dwelling of the organisation with its current label, by complexnummer and VHE. */
export async function readDwellings(
  db: Queryable,
  organisationId: string,
  today: string,
): Promise<DwellingRow[]> {
  const { rows } = await db.query<DwellingQueryRow>(
    `${DWELLING_SELECT} ORDER BY c.complexnummer, v.vhe_nummer`,
    [organisationId],
  );
  return rows.map((row) => toDwelling(row, today));
}

interface SyncRow {
  id: string;
  fields: RecordState['fields'];
  deleted_hlc: string | null;
}

/** The live records of one synced entity as merged values, keyed by id. */
export async function readSyncValues(
  db: Queryable,
  organisationId: string,
  entity: string,
): Promise<Map<string, Record<string, unknown>>> {
  const { rows } = await db.query<SyncRow>(
    `SELECT id, fields, deleted_hlc FROM sync_records
     WHERE organisation_id = $1 AND entity = $2 ORDER BY id`,
    [organisationId, entity],
  );
  const values = new Map<string, Record<string, unknown>>();
  for (const row of rows) {
    const state: RecordState =
      row.deleted_hlc === null
        ? { fields: row.fields }
        : { fields: row.fields, deletedHlc: row.deleted_hlc };
    if (!isDeleted(state)) values.set(row.id, recordValues(state));
  }
  return values;
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

// Synced values were checked when pushed, but a record written by an older app version must
// not make a whole export fail: a value that is no date becomes an empty cell.
function dayOf(value: unknown): string | null {
  const instant = text(value);
  if (instant === null) return null;
  try {
    return dutchDay(instant);
  } catch {
    return null;
  }
}

function dateText(value: unknown): string | null {
  const date = text(value);
  return date !== null && /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : null;
}

function lastStepAt(history: unknown): string | null {
  if (!Array.isArray(history)) return null;
  const last: unknown = history.at(-1);
  return typeof last === 'object' && last !== null ? text((last as { at?: unknown }).at) : null;
}

/**
 * Every dwelling whose current label is E, F or G (expired or not: expiry does not improve a
 * dwelling), with its EFG case status when the sustainability team opened one.
 */
export async function readEfgRows(
  db: Queryable,
  organisationId: string,
  today: string,
): Promise<EfgRow[]> {
  const [dwellings, cases] = await Promise.all([
    readDwellings(db, organisationId, today),
    readSyncValues(db, organisationId, 'efgCase'),
  ]);
  return dwellings
    .filter((dwelling) => dwelling.label !== null && isEfgClass(dwelling.label))
    .map((dwelling) => {
      const efgCase = cases.get(dwelling.verblijfsobjectId);
      const drop = efgCase?.drop;
      const since = lastStepAt(efgCase?.history);
      return {
        ...dwelling,
        efgStatus: text(efgCase?.status),
        efgDropReason:
          typeof drop === 'object' && drop !== null
            ? text((drop as { reason?: unknown }).reason)
            : null,
        efgStatusSince: dayOf(since),
      };
    });
}

export interface ActionRow {
  id: string;
  what: string;
  status: ActionStatus | null;
  closed: boolean;
  overdue: boolean;
  severity: string | null;
  ownerRole: string | null;
  dueDate: string | null;
  moduleId: string | null;
  createdOn: string | null;
  closedOn: string | null;
  findingLocation: string | null;
  bagPandId: string | null;
  complexId: string | null;
  complexnummer: string | null;
  complexnaam: string | null;
}

const CLOSED: readonly string[] = ['afgerond', 'vervallen'];

interface PandRef {
  id: string;
  bag_pand_id: string | null;
  complex_id: string;
}

interface ComplexRef {
  id: string;
  complexnummer: string;
  name: string;
  gemeente: string | null;
}

async function readPortfolioRefs(db: Queryable, organisationId: string) {
  const [panden, complexes] = await Promise.all([
    db.query<PandRef>('SELECT id, bag_pand_id, complex_id FROM panden WHERE organisation_id = $1', [
      organisationId,
    ]),
    db.query<ComplexRef>(
      'SELECT id, complexnummer, name, gemeente FROM complexes WHERE organisation_id = $1 ORDER BY complexnummer',
      [organisationId],
    ),
  ]);
  return {
    panden: new Map(panden.rows.map((pand) => [pand.id, pand])),
    complexes: new Map(complexes.rows.map((complex) => [complex.id, complex])),
    complexList: complexes.rows,
  };
}

/** Open and closed actions with the severity of their finding and the pand/complex they concern. */
export async function readActionRows(
  db: Queryable,
  organisationId: string,
  today: string,
): Promise<ActionRow[]> {
  const [actions, findings, inspections, refs] = await Promise.all([
    readSyncValues(db, organisationId, 'action'),
    readSyncValues(db, organisationId, 'finding'),
    readSyncValues(db, organisationId, 'inspection'),
    readPortfolioRefs(db, organisationId),
  ]);
  const rows: ActionRow[] = [];
  for (const [id, action] of actions) {
    const finding = findings.get(text(action.findingId) ?? '');
    const inspectionId = text(action.inspectionId) ?? text(finding?.inspectionId);
    const inspection = inspections.get(inspectionId ?? '');
    const pand = refs.panden.get(
      text(action.pandId) ??
        (inspection?.targetLevel === 'pand' ? (text(inspection.targetId) ?? '') : ''),
    );
    const complex = refs.complexes.get(pand?.complex_id ?? text(inspection?.complexId) ?? '');
    const status = text(action.status) as ActionStatus | null;
    const dueDate = dateText(action.dueDate);
    const history = Array.isArray(action.history) ? (action.history as unknown[]) : [];
    const created = lastStepAt(history.slice(0, 1));
    const closed = status !== null && CLOSED.includes(status);
    const closedAt = closed ? lastStepAt(history) : null;
    rows.push({
      id,
      what: text(action.what) ?? '',
      status,
      closed,
      overdue: status !== null && dueDate !== null && isOverdue({ status, dueDate }, today),
      severity: text(finding?.severity),
      ownerRole: text(action.ownerRole),
      dueDate,
      moduleId: text(action.moduleId) ?? text(inspection?.module),
      createdOn: dayOf(created),
      closedOn: dayOf(closedAt),
      findingLocation: text(finding?.location),
      bagPandId: pand?.bag_pand_id ?? null,
      complexId: complex?.id ?? null,
      complexnummer: complex?.complexnummer ?? null,
      complexnaam: complex?.name ?? null,
    });
  }
  // Open work first, by due date; then closed, newest due date first.
  return rows.sort(
    (a, b) =>
      Number(a.closed) - Number(b.closed) ||
      (a.closed ? -1 : 1) * (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999') ||
      a.id.localeCompare(b.id),
  );
}

export interface ComplexRow {
  id: string;
  complexnummer: string;
  naam: string;
  gemeente: string | null;
  panden: number;
  woningen: number;
  efgWoningen: number;
  verlopenLabels: number;
  woningenZonderLabel: number;
  openActies: number;
  achterstalligeActies: number;
  /** achterstallig (overdue actions) > efg (EFG dwellings) > in-orde. */
  status: 'achterstallig' | 'efg' | 'in-orde';
  /** Centroid of the coordinates of its panden/verblijfsobjecten; null when none are known. */
  position: LonLat | null;
}

/** Coordinate column pairs the portfolio tables may carry (WGS 84 degrees). */
const COORDINATE_PAIRS: readonly (readonly [lat: string, lon: string])[] = [
  ['lat', 'lon'],
  ['latitude', 'longitude'],
  ['wgs84_lat', 'wgs84_lon'],
  ['centroid_lat', 'centroid_lon'],
];

/**
 * The WGS 84 coordinate columns of panden and verblijfsobjecten, when a migration added them
 * (0006: verblijfsobjecten latitude/longitude, panden centroid_lat/centroid_lon from the BAG
 * import). Looked up rather than assumed, so the export keeps working on a schema without them.
 */
export async function coordinateColumns(
  db: Queryable,
): Promise<{ table: 'panden' | 'verblijfsobjecten'; lat: string; lon: string }[]> {
  const { rows } = await db.query<{ table_name: string; column_name: string }>(
    `SELECT table_name, column_name FROM information_schema.columns
     WHERE table_schema = current_schema() AND table_name IN ('panden', 'verblijfsobjecten')`,
  );
  const found: { table: 'panden' | 'verblijfsobjecten'; lat: string; lon: string }[] = [];
  for (const table of ['verblijfsobjecten', 'panden'] as const) {
    const columns = new Set(
      rows.filter((row) => row.table_name === table).map((row) => row.column_name),
    );
    const pair = COORDINATE_PAIRS.find(([lat, lon]) => columns.has(lat) && columns.has(lon));
    if (pair) found.push({ table, lat: pair[0], lon: pair[1] });
  }
  return found;
}

/**
 * Per complex the points to average: its dwellings' BAG points when it has any, otherwise the
 * centroids of its panden (mixing both would weigh a building twice).
 */
async function complexPositions(
  db: Queryable,
  organisationId: string,
): Promise<Map<string, LonLat[]>> {
  const positions = new Map<string, LonLat[]>();
  // Verblijfsobjecten come first in coordinateColumns, so their points win.
  for (const source of await coordinateColumns(db)) {
    // Identifiers come from the fixed list above, never from input.
    const sql =
      source.table === 'panden'
        ? `SELECT p.complex_id, p.${source.lat} AS lat, p.${source.lon} AS lon FROM panden p
           WHERE p.organisation_id = $1 AND p.${source.lat} IS NOT NULL AND p.${source.lon} IS NOT NULL`
        : `SELECT p.complex_id, v.${source.lat} AS lat, v.${source.lon} AS lon
           FROM verblijfsobjecten v
           JOIN panden p ON p.organisation_id = v.organisation_id AND p.id = v.pand_id
           WHERE v.organisation_id = $1 AND v.${source.lat} IS NOT NULL AND v.${source.lon} IS NOT NULL`;
    const { rows } = await db.query<{
      complex_id: string;
      lat: number | string;
      lon: number | string;
    }>(sql, [organisationId]);
    const fromSource = new Map<string, LonLat[]>();
    for (const row of rows) {
      const point = { lat: Number(row.lat), lon: Number(row.lon) };
      if (!Number.isFinite(point.lat) || !Number.isFinite(point.lon)) continue;
      const list = fromSource.get(row.complex_id);
      if (list) list.push(point);
      else fromSource.set(row.complex_id, [point]);
    }
    for (const [complexId, points] of fromSource)
      if (!positions.has(complexId)) positions.set(complexId, points);
  }
  return positions;
}

/** Every complex with counts and a status, and its position when coordinates are known. */
export async function readComplexRows(
  db: Queryable,
  organisationId: string,
  today: string,
): Promise<ComplexRow[]> {
  const [refs, dwellings, actions, positions] = await Promise.all([
    readPortfolioRefs(db, organisationId),
    readDwellings(db, organisationId, today),
    readActionRows(db, organisationId, today),
    complexPositions(db, organisationId),
  ]);
  const count = <Item>(items: Iterable<Item>, key: (item: Item) => string | null) => {
    const counts = new Map<string, Item[]>();
    for (const item of items) {
      const id = key(item);
      if (id === null) continue;
      const list = counts.get(id) ?? [];
      list.push(item);
      counts.set(id, list);
    }
    return counts;
  };
  const pandenByComplex = count(refs.panden.values(), (pand) => pand.complex_id);
  const dwellingsByComplex = count(dwellings, (dwelling) => dwelling.complexId);
  const actionsByComplex = count(actions, (action) => action.complexId);
  return refs.complexList.map((complex): ComplexRow => {
    const own = dwellingsByComplex.get(complex.id) ?? [];
    const ownActions = actionsByComplex.get(complex.id) ?? [];
    const efg = own.filter((dwelling) => dwelling.label !== null && isEfgClass(dwelling.label));
    const overdue = ownActions.filter((action) => action.overdue).length;
    return {
      id: complex.id,
      complexnummer: complex.complexnummer,
      naam: complex.name,
      gemeente: complex.gemeente,
      panden: pandenByComplex.get(complex.id)?.length ?? 0,
      woningen: own.length,
      efgWoningen: efg.length,
      verlopenLabels: own.filter((dwelling) => dwelling.expired === true).length,
      woningenZonderLabel: own.filter((dwelling) => dwelling.label === null).length,
      openActies: ownActions.filter((action) => !action.closed).length,
      achterstalligeActies: overdue,
      status: overdue > 0 ? 'achterstallig' : efg.length > 0 ? 'efg' : 'in-orde',
      position: centroid(positions.get(complex.id) ?? []),
    };
  });
}

// Columns that never leave the server, whatever table they are added to later.
const SECRET_COLUMN = /password|token|secret/i;
// Tables that hold device or sign-in bookkeeping rather than the organisation's data.
const SKIPPED_TABLES = new Set(['sync_records', 'sync_counters', 'organisations']);

export interface OrganisationExport {
  format: 'schouw-organisatie';
  version: 1;
  organisation: Record<string, unknown>;
  /** Rows of every table that has an organisation_id column (secret columns left out). */
  tables: Record<string, Record<string, unknown>[]>;
  /** Synced records (inspections, answers, findings, actions, …) as merged values, by entity. */
  records: Record<string, Record<string, unknown>[]>;
  /** Ids of deleted synced records, by entity. */
  deletedRecords: Record<string, string[]>;
}

/**
 * Everything of one organisation: every table with an organisation_id column (found in the
 * schema, so tables of later migrations are included without a change here) minus secret
 * columns such as password hashes; sessions (keyed by user) are never included.
 */
export async function readOrganisationExport(
  db: Queryable,
  organisationId: string,
): Promise<OrganisationExport> {
  const organisation = await db.query<Record<string, unknown>>(
    'SELECT id, name, slug, created_at FROM organisations WHERE id = $1',
    [organisationId],
  );
  const { rows: columns } = await db.query<{ table_name: string; column_name: string }>(
    `SELECT c.table_name, c.column_name FROM information_schema.columns c
     JOIN information_schema.tables t
       ON t.table_schema = c.table_schema AND t.table_name = c.table_name
     WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
       AND c.table_name IN (
         SELECT table_name FROM information_schema.columns
         WHERE table_schema = current_schema() AND column_name = 'organisation_id')
     ORDER BY c.table_name, c.ordinal_position`,
  );
  const byTable = new Map<string, string[]>();
  for (const { table_name: table, column_name: column } of columns) {
    if (SKIPPED_TABLES.has(table) || SECRET_COLUMN.test(column)) continue;
    byTable.set(table, [...(byTable.get(table) ?? []), column]);
  }
  const tables: OrganisationExport['tables'] = {};
  for (const [table, names] of byTable) {
    // Names come from the database catalogue; quoted so any valid name works.
    const list = names.map((name) => `"${name.replaceAll('"', '""')}"`).join(', ');
    const order = names.includes('id') ? ' ORDER BY "id"' : '';
    const { rows } = await db.query<Record<string, unknown>>(
      `SELECT ${list} FROM "${table.replaceAll('"', '""')}" WHERE organisation_id = $1${order}`,
      [organisationId],
    );
    tables[table] = rows;
  }
  const { rows: synced } = await db.query<SyncRow & { entity: string }>(
    `SELECT entity, id, fields, deleted_hlc FROM sync_records
     WHERE organisation_id = $1 AND entity NOT IN ('complex', 'pand', 'verblijfsobject')
     ORDER BY entity, id`,
    [organisationId],
  );
  const records: OrganisationExport['records'] = {};
  const deletedRecords: OrganisationExport['deletedRecords'] = {};
  for (const row of synced) {
    const state: RecordState =
      row.deleted_hlc === null
        ? { fields: row.fields }
        : { fields: row.fields, deletedHlc: row.deleted_hlc };
    if (isDeleted(state)) (deletedRecords[row.entity] ??= []).push(row.id);
    else (records[row.entity] ??= []).push({ id: row.id, ...recordValues(state) });
  }
  return {
    format: 'schouw-organisatie',
    version: 1,
    organisation: organisation.rows[0] ?? { id: organisationId },
    tables,
    records,
    deletedRecords,
  };
}

export interface InspectionRow {
  id: string;
  module: string | null;
  status: string | null;
  targetLevel: string | null;
  /** The complexnummer, BAG pand id (or pand uuid) or VHE-nummer of what was inspected. */
  target: string | null;
  complexnummer: string | null;
  complexnaam: string | null;
  plannedFor: string | null;
  startedOn: string | null;
  finishedOn: string | null;
  inspector: string | null;
  findings: number;
  openActions: number;
}

export interface FindingRow {
  id: string;
  inspectionId: string | null;
  module: string | null;
  complexnummer: string | null;
  location: string | null;
  description: string | null;
  severity: string | null;
  /** NEN 2767 condition score 1..6 when the finding was rated. */
  conditionScore: number | null;
  photos: number;
  createdOn: string | null;
  lat: number | null;
  lon: number | null;
}

async function readInspectionContext(db: Queryable, organisationId: string) {
  const [inspections, findings, refs, dwellings, users] = await Promise.all([
    readSyncValues(db, organisationId, 'inspection'),
    readSyncValues(db, organisationId, 'finding'),
    readPortfolioRefs(db, organisationId),
    db.query<{ id: string; vhe_nummer: string }>(
      'SELECT id, vhe_nummer FROM verblijfsobjecten WHERE organisation_id = $1',
      [organisationId],
    ),
    db.query<{ id: string; display_name: string }>(
      'SELECT id, display_name FROM users WHERE organisation_id = $1',
      [organisationId],
    ),
  ]);
  return {
    inspections,
    findings,
    refs,
    vheNummers: new Map(dwellings.rows.map((row) => [row.id, row.vhe_nummer])),
    userNames: new Map(users.rows.map((row) => [row.id, row.display_name])),
  };
}

/** Every inspection with what it inspected, who, when, and its findings and open actions. */
export async function readInspectionRows(
  db: Queryable,
  organisationId: string,
): Promise<InspectionRow[]> {
  const [context, actions] = await Promise.all([
    readInspectionContext(db, organisationId),
    readSyncValues(db, organisationId, 'action'),
  ]);
  const findingCount = new Map<string, number>();
  for (const finding of context.findings.values()) {
    const id = text(finding.inspectionId);
    if (id !== null) findingCount.set(id, (findingCount.get(id) ?? 0) + 1);
  }
  const openActions = new Map<string, number>();
  for (const action of actions.values()) {
    const id = text(action.inspectionId);
    const status = text(action.status);
    if (id !== null && status !== null && !CLOSED.includes(status))
      openActions.set(id, (openActions.get(id) ?? 0) + 1);
  }
  const rows: InspectionRow[] = [];
  for (const [id, inspection] of context.inspections) {
    const level = text(inspection.targetLevel);
    const targetId = text(inspection.targetId) ?? '';
    const complex = context.refs.complexes.get(text(inspection.complexId) ?? '');
    const target =
      level === 'complex'
        ? (context.refs.complexes.get(targetId)?.complexnummer ?? null)
        : level === 'pand'
          ? (context.refs.panden.get(targetId)?.bag_pand_id ?? targetId)
          : (context.vheNummers.get(targetId) ?? null);
    const inspectorId = text(inspection.inspectorId);
    rows.push({
      id,
      module: text(inspection.module),
      status: text(inspection.status),
      targetLevel: level,
      target,
      complexnummer: complex?.complexnummer ?? null,
      complexnaam: complex?.name ?? null,
      plannedFor: dateText(inspection.plannedFor),
      startedOn: dayOf(inspection.startedAt),
      finishedOn: dayOf(inspection.finishedAt),
      inspector: inspectorId === null ? null : (context.userNames.get(inspectorId) ?? null),
      findings: findingCount.get(id) ?? 0,
      openActions: openActions.get(id) ?? 0,
    });
  }
  return rows.sort(
    (a, b) =>
      (b.startedOn ?? b.plannedFor ?? '').localeCompare(a.startedOn ?? a.plannedFor ?? '') ||
      a.id.localeCompare(b.id),
  );
}

/** Every finding with its severity, NEN 2767 score, photo count and position. */
export async function readFindingRows(
  db: Queryable,
  organisationId: string,
): Promise<FindingRow[]> {
  const context = await readInspectionContext(db, organisationId);
  const rows: FindingRow[] = [];
  for (const [id, finding] of context.findings) {
    const inspectionId = text(finding.inspectionId);
    const inspection = context.inspections.get(inspectionId ?? '');
    const complex = context.refs.complexes.get(text(inspection?.complexId) ?? '');
    const rating = Nen2767RatingSchema.safeParse(finding.nen2767);
    const position = GeoPositionSchema.safeParse(finding.position);
    rows.push({
      id,
      inspectionId,
      module: text(inspection?.module),
      complexnummer: complex?.complexnummer ?? null,
      location: text(finding.location),
      description: text(finding.description),
      severity: text(finding.severity),
      conditionScore: rating.success ? conditionScore(rating.data) : null,
      photos: Array.isArray(finding.photoIds) ? finding.photoIds.length : 0,
      createdOn: dayOf(finding.createdAt),
      lat: position.success ? position.data.lat : null,
      lon: position.success ? position.data.lon : null,
    });
  }
  return rows.sort(
    (a, b) => (b.createdOn ?? '').localeCompare(a.createdOn ?? '') || a.id.localeCompare(b.id),
  );
}
