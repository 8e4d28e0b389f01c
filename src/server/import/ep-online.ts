import { addressKey } from '../../shared/domain/address.ts';
import { parseBagId } from '../../shared/domain/bag.ts';
import {
  EnergyLabelRecordSchema,
  energyLabelClasses,
  labelClassMismatch,
  type EnergyLabelRecord,
} from '../../shared/domain/energy-label.ts';
import { uuidv7 } from '../../shared/ids.ts';
import type { Queryable, Store } from '../store/store.ts';
import { readCsvRecords } from './csv-stream.ts';
import { openImportText } from './input.ts';
import {
  addProblem,
  addSkipped,
  countWritten,
  emptyReport,
  hasHeaderWidth,
  headerColumns,
  ImportFileError,
  MAX_LISTED,
  requireColumns,
  type ImportReport,
} from './report.ts';
import { recordImportRun, type ImportRunContext, type ImportWork } from './runs.ts';

// Imports RVO's EP-online totaalbestand (all registered energy labels of the Netherlands,
// ~5 million rows) for one organisation. Memory stays bounded by the organisation, not the
// file: the text is streamed row by row, only the organisation's dwellings are indexed (BAG id
// and address), and only the labels of those dwellings are kept. Two phases: reading the file
// holds no transaction (so the server keeps answering, also on the single-connection embedded
// store, and progress can be written), then all kept labels are written in ONE transaction.
// A fatal problem anywhere in the file (e.g. invalid UTF-8 in the last row) therefore stops
// the import before anything is written: nothing is ever half-imported.

export const SKIP = {
  utiliteit: 'utiliteitsgebouw (geen woning)',
  vergunningsaanvraag: 'status Vergunningsaanvraag',
  unmatched: 'niet in de portefeuille',
  invalid: 'ongeldige regel',
  duplicate: 'dubbel in het bestand',
} as const;

const COLUMN = {
  opnamedatum: 'pand_opnamedatum',
  registratiedatum: 'pand_registratiedatum',
  geldigTot: 'meting_geldig_tot',
  klasse: 'pand_energieklasse',
  gebouwklasse: 'pand_gebouwklasse',
  postcode: 'pand_postcode',
  huisnummer: 'pand_huisnummer',
  bagVerblijfsobjectId: 'pand_bagverblijfsobjectid',
  status: 'pand_status',
  berekeningstype: 'pand_berekeningstype',
  energieindex: 'pand_energieindex',
  ep2: 'pand_primaire_fossiele_energie',
  ep2Emg: 'pand_primaire_fossiele_energie_emg_forfaitair',
  huisnummerToev: 'pand_huisnummer_toev',
  huisletter: 'pand_huisletter',
  toevoeging: 'pand_huisnummertoevoeging',
  gebouwtype: 'pand_gebouwtype',
} as const;

const REQUIRED: readonly string[] = [
  COLUMN.opnamedatum,
  COLUMN.registratiedatum,
  COLUMN.geldigTot,
  COLUMN.klasse,
  COLUMN.gebouwklasse,
  COLUMN.postcode,
  COLUMN.huisnummer,
  COLUMN.bagVerblijfsobjectId,
];

const PREAMBLE = new Set(['publicatiedatum', 'laatstverwerktemutatievolgnummer']);

export interface EpOnlineImportOptions {
  organisationId: string;
  /** Rows per INSERT statement. */
  batchSize?: number;
  /** Called every `progressEvery` rows read. */
  onProgress?: (rowsRead: number) => void;
  progressEvery?: number;
}

interface LabelRow {
  verblijfsobjectId: string;
  record: EnergyLabelRecord;
  bagVerblijfsobjectId: string | null;
  gebouwtype: string | null;
}

/** Imports an EP-online file (CSV or ZIP) and records the run. */
export function importEpOnlineFile(
  store: Store,
  file: string,
  options: EpOnlineImportOptions,
): Promise<ImportReport & { runId: string }> {
  return recordImportRun(
    store,
    'ep-online',
    options.organisationId,
    file,
    epOnlineWork(file, options),
  );
}

/** The import of one file, to be recorded as a run (see runs.ts). */
export function epOnlineWork(file: string, options: EpOnlineImportOptions): ImportWork {
  return (db, context) =>
    importEpOnline(db, openImportText(file, context.bytesRead), options, context);
}

/** The organisation's dwellings by BAG verblijfsobject id and by address key. */
async function loadMatchIndex(tx: Queryable, organisationId: string) {
  const result = await tx.query<{
    id: string;
    bag_verblijfsobject_id: string | null;
    postcode: string | null;
    huisnummer: number | null;
    huisletter: string | null;
    toevoeging: string | null;
  }>(
    `SELECT id, bag_verblijfsobject_id, postcode, huisnummer, huisletter, toevoeging
     FROM verblijfsobjecten WHERE organisation_id = $1`,
    [organisationId],
  );
  const byBagId = new Map<string, string>();
  const byAddress = new Map<string, { id: string; bagId: string | null } | null>();
  const postcodes = new Set<string>();
  for (const row of result.rows) {
    if (row.bag_verblijfsobject_id) byBagId.set(row.bag_verblijfsobject_id, row.id);
    if (row.postcode && row.huisnummer !== null) {
      const key = addressKey({
        postcode: row.postcode,
        huisnummer: row.huisnummer,
        huisletter: row.huisletter,
        toevoeging: row.toevoeging,
      });
      if (key) {
        // Two dwellings on one address cannot be told apart: such an address matches nothing.
        byAddress.set(
          key,
          byAddress.has(key) ? null : { id: row.id, bagId: row.bag_verblijfsobject_id },
        );
        postcodes.add(key.slice(0, key.indexOf('|')));
      }
    }
  }
  return { byBagId, byAddress, postcodes, dwellings: result.rows.length };
}

export async function importEpOnline(
  store: Store,
  text: AsyncIterable<string>,
  options: EpOnlineImportOptions,
  context: ImportRunContext,
): Promise<ImportReport> {
  const report = emptyReport('ep-online');
  const batchSize = options.batchSize ?? 1000;
  const progressEvery = options.progressEvery ?? 100_000;
  const index = await loadMatchIndex(store, options.organisationId);
  report.details.dwellingsInPortfolio = index.dwellings;

  let columns: Map<string, number> | undefined;
  let headerLength = 0;
  const seenLabels = new Set<string>();
  const touched = new Set<string>();
  // The organisation's labels only (one per dwelling per registration): bounded like the index.
  const labels: LabelRow[] = [];

  for await (const record of readCsvRecords(text)) {
    if (!columns) {
      const first = (record.fields[0] ?? '').trim().toLowerCase();
      if (PREAMBLE.has(first)) {
        report.details[record.fields[0]?.trim() ?? first] = (record.fields[1] ?? '').trim();
        continue;
      }
      columns = headerColumns(record.fields);
      requireColumns(columns, REQUIRED, record.line);
      headerLength = record.fields.length;
      continue;
    }

    report.rowsRead += 1;
    if (report.rowsRead % progressEvery === 0) {
      options.onProgress?.(report.rowsRead);
      context.progress(report.rowsRead);
    }
    if (!hasHeaderWidth(report, record, headerLength, SKIP.invalid)) continue;
    const get = (column: string): string => {
      const position = columns?.get(column);
      return position === undefined ? '' : (record.fields[position] ?? '').trim();
    };

    if (get(COLUMN.gebouwklasse).toUpperCase() !== 'W') {
      addSkipped(report, SKIP.utiliteit);
      continue;
    }
    if (get(COLUMN.status).toLowerCase() === 'vergunningsaanvraag') {
      addSkipped(report, SKIP.vergunningsaanvraag);
      continue;
    }

    const match = matchDwelling(index, get);
    if (match.verblijfsobjectId === undefined) {
      if (match.problem) {
        addProblem(report, { row: record.line, column: match.column, message: match.problem });
        addSkipped(report, SKIP.invalid);
        continue;
      }
      report.unmatched += 1;
      addSkipped(report, SKIP.unmatched);
      if (report.unmatchedRows.length < MAX_LISTED) {
        const suffix = [
          get(COLUMN.huisnummerToev),
          get(COLUMN.huisletter),
          get(COLUMN.toevoeging),
        ].join('');
        report.unmatchedRows.push({
          row: record.line,
          column: null,
          message:
            `Geen woning in de portefeuille voor BAG-id ${get(COLUMN.bagVerblijfsobjectId) || '-'}, ` +
            `adres ${get(COLUMN.postcode)} ${get(COLUMN.huisnummer)}${suffix}.`,
        });
      }
      continue;
    }

    const parsed = parseLabel(get);
    if (!parsed.ok) {
      addProblem(report, { row: record.line, column: parsed.column, message: parsed.message });
      addSkipped(report, SKIP.invalid);
      continue;
    }
    const mismatch = labelClassMismatch(parsed.record);
    if (mismatch) {
      // Registered data counts legally: keep the label, but tell the operator.
      addProblem(report, { row: record.line, column: COLUMN.klasse, message: mismatch });
    }
    const key = `${match.verblijfsobjectId}|${parsed.record.registrationDate}|${parsed.record.recordingDate}`;
    if (seenLabels.has(key)) {
      addSkipped(report, SKIP.duplicate);
      continue;
    }
    seenLabels.add(key);
    touched.add(match.verblijfsobjectId);
    labels.push({
      verblijfsobjectId: match.verblijfsobjectId,
      record: parsed.record,
      bagVerblijfsobjectId: match.bagId,
      gebouwtype: get(COLUMN.gebouwtype) || null,
    });
  }

  if (!columns) {
    throw new ImportFileError(
      'Het bestand heeft geen kopregel; er is niets geïmporteerd (no header, nothing imported)',
    );
  }
  options.onProgress?.(report.rowsRead);
  context.progress(report.rowsRead);
  report.details.dwellingsLabelChanged = await store.transaction(async (tx) => {
    for (let start = 0; start < labels.length; start += batchSize) {
      const batch = labels.slice(start, start + batchSize);
      countWritten(report, batch.length, await writeLabels(tx, batch, context));
    }
    return recomputeCurrentLabels(tx, options.organisationId, [...touched], batchSize);
  });
  report.details.dwellingsWithLabels = touched.size;
  return report;
}

type Get = (column: string) => string;

function matchDwelling(
  index: Awaited<ReturnType<typeof loadMatchIndex>>,
  get: Get,
): { verblijfsobjectId?: string; bagId: string | null; problem?: string; column: string | null } {
  const rawBagId = get(COLUMN.bagVerblijfsobjectId);
  let bagId: string | null = null;
  if (rawBagId !== '') {
    const parsed = parseBagId(rawBagId, { padLeadingZeros: true });
    if (parsed.ok && parsed.kind === 'verblijfsobject') {
      bagId = parsed.id;
      const found = index.byBagId.get(bagId);
      if (found) return { verblijfsobjectId: found, bagId, column: null };
    }
  }
  const postcode = get(COLUMN.postcode).replace(/\s+/g, '').toUpperCase();
  // Most rows of a national file are other corporations' dwellings: skip them cheaply.
  if (!index.postcodes.has(postcode)) {
    if (bagId === null && rawBagId === '' && postcode === '') {
      return {
        bagId,
        column: COLUMN.bagVerblijfsobjectId,
        problem: 'Geen BAG-verblijfsobject-id en geen postcode: de woning is niet te herkennen.',
      };
    }
    return { bagId, column: null };
  }
  const key = addressKey({
    postcode,
    huisnummer: get(COLUMN.huisnummer),
    huisletter: get(COLUMN.huisletter) || null,
    toevoeging: get(COLUMN.toevoeging) || get(COLUMN.huisnummerToev) || null,
  });
  if (key === null) {
    return {
      bagId,
      column: COLUMN.huisnummer,
      problem: `Huisnummer "${get(COLUMN.huisnummer)}" is geen geldig huisnummer.`,
    };
  }
  const found = index.byAddress.get(key);
  // Two different BAG ids on one address are two dwellings (e.g. after a split): no match.
  if (!found || (bagId !== null && found.bagId !== null && found.bagId !== bagId)) {
    return { bagId, column: null };
  }
  return { verblijfsobjectId: found.id, bagId, column: null };
}

type ParsedLabel =
  { ok: true; record: EnergyLabelRecord } | { ok: false; column: string | null; message: string };

function parseLabel(get: Get): ParsedLabel {
  const dates: Record<string, string> = {};
  for (const column of [COLUMN.opnamedatum, COLUMN.registratiedatum, COLUMN.geldigTot]) {
    const date = parseEpDate(get(column));
    if (date === null) {
      return {
        ok: false,
        column,
        message: `"${get(column)}" is geen geldige datum (verwacht JJJJMMDD).`,
      };
    }
    dates[column] = date;
  }
  const labelClass = get(COLUMN.klasse).toUpperCase();
  if (!(energyLabelClasses as readonly string[]).includes(labelClass)) {
    return {
      ok: false,
      column: COLUMN.klasse,
      message: `"${get(COLUMN.klasse)}" is geen energieklasse (A++++ t/m G).`,
    };
  }
  const method = parseMethod(get);
  const numberColumn =
    method === 'EI' ? COLUMN.energieindex : get(COLUMN.ep2Emg) ? COLUMN.ep2Emg : COLUMN.ep2;
  const rawNumber = get(numberColumn);
  const value = rawNumber === '' ? undefined : parseDecimal(rawNumber);
  if (value === null) {
    return {
      ok: false,
      column: numberColumn,
      message: `"${rawNumber}" is geen getal (decimaalkomma, bijvoorbeeld 1,45).`,
    };
  }
  const result = EnergyLabelRecordSchema.safeParse({
    class: labelClass,
    registrationDate: dates[COLUMN.registratiedatum],
    recordingDate: dates[COLUMN.opnamedatum],
    validUntil: dates[COLUMN.geldigTot],
    ...(method === 'EI' ? { energyIndex: value } : { ep2: value }),
    method,
    source: 'ep-online',
  });
  if (!result.success) {
    const issue = result.error.issues[0];
    const field = String(issue?.path[0] ?? '');
    const column =
      {
        recordingDate: COLUMN.opnamedatum,
        registrationDate: COLUMN.registratiedatum,
        validUntil: COLUMN.geldigTot,
        class: COLUMN.klasse,
      }[field] ?? null;
    return { ok: false, column, message: issue?.message ?? 'Ongeldig energielabel.' };
  }
  return { ok: true, record: result.data };
}

function parseMethod(get: Get): EnergyLabelRecord['method'] {
  const type = get(COLUMN.berekeningstype).toUpperCase();
  if (type.startsWith('NTA')) return 'NTA8800';
  if (type === 'EI' || type.startsWith('EI ')) return 'EI';
  // Older files lack the column: an Energie-Index without EP2 means the 2015-2020 method.
  return get(COLUMN.energieindex) !== '' && get(COLUMN.ep2) === '' && get(COLUMN.ep2Emg) === ''
    ? 'EI'
    : 'NTA8800';
}

/** YYYYMMDD (as published) or YYYY-MM-DD to an ISO date; null when it is no real date. */
export function parseEpDate(text: string): string | null {
  const match = /^(\d{4})-?(\d{2})-?(\d{2})$/.exec(text);
  if (!match) return null;
  const iso = `${match[1]}-${match[2]}-${match[3]}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(iso) ? iso : null;
}

/** A number with a decimal comma ("1,45"); null when it is not a number. */
export function parseDecimal(text: string): number | null {
  if (!/^-?\d+(?:[,.]\d+)?$/.test(text)) return null;
  return Number(text.replace(',', '.'));
}

async function writeLabels(
  tx: Queryable,
  rows: readonly LabelRow[],
  context: ImportRunContext,
): Promise<{ inserted: number; updated: number }> {
  const result = await tx.query<{ inserted: boolean }>(
    `INSERT INTO energy_labels (
       id, organisation_id, verblijfsobject_id, class, registration_date, recording_date,
       valid_until, ep2, energy_index, method, source, bag_verblijfsobject_id, gebouwtype,
       import_run_id)
     SELECT u.id, $1, u.verblijfsobject_id, u.class, u.registration_date, u.recording_date,
       u.valid_until, u.ep2, u.energy_index, u.method, 'ep-online', u.bag_id, u.gebouwtype, $2
     FROM unnest($3::uuid[], $4::uuid[], $5::text[], $6::date[], $7::date[], $8::date[],
       $9::float8[], $10::float8[], $11::text[], $12::text[], $13::text[])
       AS u(id, verblijfsobject_id, class, registration_date, recording_date, valid_until, ep2,
         energy_index, method, bag_id, gebouwtype)
     ON CONFLICT (verblijfsobject_id, registration_date, recording_date) DO UPDATE SET
       class = EXCLUDED.class, valid_until = EXCLUDED.valid_until, ep2 = EXCLUDED.ep2,
       energy_index = EXCLUDED.energy_index, method = EXCLUDED.method,
       bag_verblijfsobject_id = EXCLUDED.bag_verblijfsobject_id,
       gebouwtype = EXCLUDED.gebouwtype, import_run_id = EXCLUDED.import_run_id,
       updated_at = now()
     WHERE (energy_labels.class, energy_labels.valid_until, energy_labels.ep2,
         energy_labels.energy_index, energy_labels.method, energy_labels.bag_verblijfsobject_id,
         energy_labels.gebouwtype)
       IS DISTINCT FROM (EXCLUDED.class, EXCLUDED.valid_until, EXCLUDED.ep2,
         EXCLUDED.energy_index, EXCLUDED.method, EXCLUDED.bag_verblijfsobject_id,
         EXCLUDED.gebouwtype)
     RETURNING (xmax = 0) AS inserted`,
    [
      context.organisationId,
      context.runId,
      rows.map(() => uuidv7()),
      rows.map((row) => row.verblijfsobjectId),
      rows.map((row) => row.record.class),
      rows.map((row) => row.record.registrationDate),
      rows.map((row) => row.record.recordingDate),
      rows.map((row) => row.record.validUntil),
      rows.map((row) => row.record.ep2 ?? null),
      rows.map((row) => row.record.energyIndex ?? null),
      rows.map((row) => row.record.method),
      rows.map((row) => row.bagVerblijfsobjectId),
      rows.map((row) => row.gebouwtype),
    ],
  );
  const inserted = result.rows.filter((row) => row.inserted).length;
  return { inserted, updated: result.rows.length - inserted };
}

// Worst class last in this list, so "DESC" on its position puts the worse class first: a tie
// in dates never hides an EFG label (the same tie-break as compareLabelRecency in the domain).
const CLASS_ORDER = `ARRAY['${energyLabelClasses.join("','")}']::text[]`;

/**
 * Sets each touched dwelling's current label to its most recent EP-online label, unless an
 * inspection or manual label registered later is already there. Returns how many dwellings
 * changed. Most recent = newest Pand_opnamedatum (the acceptance criterion of issue #6: "per
 * dwelling the most recent opnamedatum wins whatever the row order"); between labels recorded
 * on the same day the newest Pand_registratiedatum wins (domain.md's "newest registration"
 * rule, kept as the tie-break), then the worse class.
 */
async function recomputeCurrentLabels(
  tx: Queryable,
  organisationId: string,
  verblijfsobjectIds: readonly string[],
  batchSize: number,
): Promise<number> {
  let changed = 0;
  for (let start = 0; start < verblijfsobjectIds.length; start += batchSize) {
    const result = await tx.query(
      `UPDATE verblijfsobjecten v SET
         energy_label_class = l.class,
         energy_label_registration_date = l.registration_date,
         energy_label_recording_date = l.recording_date,
         energy_label_valid_until = l.valid_until,
         energy_label_ep2 = l.ep2,
         energy_label_energy_index = l.energy_index,
         energy_label_source = 'ep-online',
         updated_at = now()
       FROM (
         SELECT DISTINCT ON (verblijfsobject_id) verblijfsobject_id, class, registration_date,
           recording_date, valid_until, ep2, energy_index
         FROM energy_labels
         WHERE organisation_id = $1 AND verblijfsobject_id = ANY($2::uuid[])
         ORDER BY verblijfsobject_id, recording_date DESC, registration_date DESC,
           array_position(${CLASS_ORDER}, class) DESC
       ) l
       WHERE v.id = l.verblijfsobject_id AND v.organisation_id = $1
         AND (v.energy_label_source IS NULL OR v.energy_label_source = 'ep-online'
           OR v.energy_label_registration_date < l.registration_date)
         AND (v.energy_label_class, v.energy_label_registration_date,
             v.energy_label_recording_date, v.energy_label_valid_until, v.energy_label_ep2,
             v.energy_label_energy_index, v.energy_label_source)
           IS DISTINCT FROM (l.class, l.registration_date, l.recording_date, l.valid_until,
             l.ep2, l.energy_index, 'ep-online')`,
      [organisationId, verblijfsobjectIds.slice(start, start + batchSize)],
    );
    changed += result.rowCount;
  }
  return changed;
}
