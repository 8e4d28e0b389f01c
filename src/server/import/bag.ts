import { jsonProblem, storableText } from '../../shared/text-safety.ts';
import { parseBagId } from '../../shared/domain/bag.ts';
import type { Queryable, Store } from '../store/store.ts';
import { readGeoJsonFeatures } from './geojson-stream.ts';
import { openImportText } from './input.ts';
import {
  addProblem,
  addSkipped,
  emptyReport,
  ImportFileError,
  MAX_LISTED,
  type ImportReport,
} from './report.ts';
import { recordImportRun, type ImportRunContext, type ImportWork } from './runs.ts';

// Imports BAG facts from a saved PDOK OGC API Features response (GeoJSON FeatureCollection of
// https://api.pdok.nl/kadaster/bag/ogc/v2, collections `pand` and `verblijfsobject`; a file may
// hold either or both, told apart by the objecttype digits of `identificatie`). It never adds
// objects: the portfolio (complexes, panden, dwellings) is the corporation's own. It updates the
// organisation's panden (bouwjaar, status, gebruiksdoel, footprint and its centroid) and
// verblijfsobjecten (oppervlakte, status, gebruiksdoel, point) matched by BAG id, and lists
// the features it cannot match. Reading holds no transaction; all updates are written in one
// transaction at the end, so a broken file imports nothing. The portfolio triggers publish
// changed bouwjaar/oppervlakte to devices like any portfolio change.

export const BAG_SKIP = {
  unmatched: 'niet in de portefeuille',
  invalid: 'ongeldig object',
  otherKind: 'geen pand of verblijfsobject',
  duplicate: 'dubbel in het bestand',
} as const;

// Statuses that mean the object no longer exists, or never did: the portfolio needs a look.
const RETIRED_STATUSES = new Set([
  'pand gesloopt',
  'niet gerealiseerd pand',
  'pand ten onrechte opgevoerd',
  'verblijfsobject ingetrokken',
  'niet gerealiseerd verblijfsobject',
  'verblijfsobject ten onrechte opgevoerd',
]);

export interface BagImportOptions {
  organisationId: string;
  batchSize?: number;
  onProgress?: (featuresRead: number) => void;
  progressEvery?: number;
}

export function importBagFile(
  store: Store,
  file: string,
  options: BagImportOptions,
): Promise<ImportReport & { runId: string }> {
  return recordImportRun(store, 'bag', options.organisationId, file, bagWork(file, options));
}

/** The import of one file, to be recorded as a run (see runs.ts). */
export function bagWork(file: string, options: BagImportOptions): ImportWork {
  return (db, context) => importBag(db, openImportText(file, context.bytesRead), options, context);
}

interface PandUpdate {
  ids: readonly string[];
  bouwjaar: number | null;
  status: string | null;
  gebruiksdoel: string[] | null;
  geometry: string | null;
  centroid: { lat: number; lon: number } | null;
}

interface VerblijfsobjectUpdate {
  id: string;
  oppervlakte: number | null;
  status: string | null;
  gebruiksdoel: string[] | null;
  point: { lat: number; lon: number } | null;
}

async function loadIndex(db: Queryable, organisationId: string) {
  const panden = await db.query<{ id: string; bag_pand_id: string }>(
    `SELECT id, bag_pand_id FROM panden WHERE organisation_id = $1 AND bag_pand_id IS NOT NULL`,
    [organisationId],
  );
  // One BAG pand may house dwellings of two complexes, so it may be several of our rows.
  const pandRows = new Map<string, string[]>();
  for (const row of panden.rows) {
    const ids = pandRows.get(row.bag_pand_id) ?? [];
    ids.push(row.id);
    pandRows.set(row.bag_pand_id, ids);
  }
  const dwellings = await db.query<{ id: string; bag_id: string; bag_pand_id: string | null }>(
    `SELECT v.id, v.bag_verblijfsobject_id AS bag_id, p.bag_pand_id
     FROM verblijfsobjecten v JOIN panden p ON p.id = v.pand_id
     WHERE v.organisation_id = $1 AND v.bag_verblijfsobject_id IS NOT NULL`,
    [organisationId],
  );
  const dwellingRows = new Map(
    dwellings.rows.map((row) => [row.bag_id, { id: row.id, pandBagId: row.bag_pand_id }]),
  );
  return { pandRows, dwellingRows };
}

type Properties = Record<string, unknown>;

export async function importBag(
  store: Store,
  text: AsyncIterable<string>,
  options: BagImportOptions,
  context: ImportRunContext,
): Promise<ImportReport> {
  const report = emptyReport('bag');
  const batchSize = options.batchSize ?? 1000;
  const progressEvery = options.progressEvery ?? 10_000;
  const index = await loadIndex(store, context.organisationId);
  const pandUpdates: PandUpdate[] = [];
  const dwellingUpdates: VerblijfsobjectUpdate[] = [];
  const seen = new Set<string>();
  const counts = { panden: 0, verblijfsobjecten: 0 };

  for await (const item of readGeoJsonFeatures(text)) {
    report.rowsRead += 1;
    if (report.rowsRead % progressEvery === 0) {
      options.onProgress?.(report.rowsRead);
      context.progress(report.rowsRead);
    }
    const row = item.index;
    const problem = (column: string | null, message: string) =>
      addProblem(report, { row, column, message });
    const invalid = (column: string | null, message: string) => {
      problem(column, message);
      addSkipped(report, BAG_SKIP.invalid);
    };

    if (item.error !== undefined) {
      invalid(null, `geen geldige JSON (${storableText(item.error)}).`);
      continue;
    }
    // NUL or another unstorable character would fail the whole import's write.
    const unstorable = jsonProblem(item.value);
    if (unstorable !== undefined) {
      invalid(null, unstorable);
      continue;
    }
    const feature = item.value as { type?: unknown; properties?: unknown; geometry?: unknown };
    if (
      typeof feature !== 'object' ||
      feature === null ||
      feature.type !== 'Feature' ||
      typeof feature.properties !== 'object' ||
      feature.properties === null
    ) {
      invalid(null, 'geen GeoJSON-Feature met "properties".');
      continue;
    }
    const properties = feature.properties as Properties;
    const rawId = properties.identificatie;
    const parsedId =
      typeof rawId === 'string' || typeof rawId === 'number'
        ? parseBagId(String(rawId), { padLeadingZeros: true })
        : ({ ok: false, error: 'BAG-id ontbreekt.' } as const);
    if (!parsedId.ok) {
      invalid('identificatie', parsedId.error);
      continue;
    }
    const bagId = parsedId.id;
    if (parsedId.kind !== 'pand' && parsedId.kind !== 'verblijfsobject') {
      addSkipped(report, BAG_SKIP.otherKind);
      continue;
    }
    if (seen.has(bagId)) {
      addSkipped(report, BAG_SKIP.duplicate);
      continue;
    }
    seen.add(bagId);

    const status = optionalText(properties.status);
    const gebruiksdoel = textList(properties.gebruiksdoel);
    if (status && RETIRED_STATUSES.has(status.toLowerCase())) {
      // Still imported (the BAG is the registration), but the operator must know.
      problem('status', `BAG-status "${status}" voor ${bagId}: controleer de portefeuille.`);
    }

    if (parsedId.kind === 'pand') {
      const ids = index.pandRows.get(bagId);
      if (!ids) {
        unmatched(report, row, `Pand ${bagId} staat niet in de portefeuille.`);
        continue;
      }
      const bouwjaar = integerIn(properties.bouwjaar, 1000, 2200);
      if (bouwjaar === undefined) {
        problem(
          'bouwjaar',
          `bouwjaar ${JSON.stringify(properties.bouwjaar)} is geen jaartal; bouwjaar niet bijgewerkt.`,
        );
      }
      const shape = footprint(feature.geometry);
      if (typeof shape === 'string') problem('geometry', shape);
      pandUpdates.push({
        ids,
        bouwjaar: bouwjaar ?? null,
        status,
        gebruiksdoel,
        geometry: typeof shape === 'object' && shape ? JSON.stringify(shape.geometry) : null,
        centroid: typeof shape === 'object' && shape ? shape.centroid : null,
      });
      counts.panden += 1;
      continue;
    }

    const dwelling = index.dwellingRows.get(bagId);
    if (!dwelling) {
      unmatched(report, row, `Verblijfsobject ${bagId} staat niet in de portefeuille.`);
      continue;
    }
    const oppervlakte = integerIn(properties.oppervlakte, 1, 999_999);
    if (oppervlakte === undefined) {
      problem(
        'oppervlakte',
        `oppervlakte ${JSON.stringify(properties.oppervlakte)} is geen aantal m²; niet bijgewerkt.`,
      );
    }
    const pandIds = textList(properties.pand_identificatie);
    if (pandIds && dwelling.pandBagId && !pandIds.includes(dwelling.pandBagId)) {
      problem(
        'pand_identificatie',
        `volgens de BAG ligt ${bagId} in pand ${pandIds.join(', ')}, in de portefeuille in pand ${dwelling.pandBagId}.`,
      );
    }
    const point = pointOf(feature.geometry);
    if (typeof point === 'string') problem('geometry', point);
    dwellingUpdates.push({
      id: dwelling.id,
      oppervlakte: oppervlakte ?? null,
      status,
      gebruiksdoel,
      point: typeof point === 'object' ? point : null,
    });
    counts.verblijfsobjecten += 1;
  }

  if (report.rowsRead === 0) {
    throw new ImportFileError(
      'Het bestand bevat geen objecten ("features" is leeg); er is niets geïmporteerd (no features, nothing imported)',
    );
  }
  options.onProgress?.(report.rowsRead);
  context.progress(report.rowsRead);

  await store.transaction(async (tx) => {
    for (let start = 0; start < pandUpdates.length; start += batchSize) {
      const batch = pandUpdates.slice(start, start + batchSize);
      const rows = batch.reduce((sum, update) => sum + update.ids.length, 0);
      const changed = await updatePanden(tx, context.organisationId, batch);
      report.updated += changed;
      report.unchanged += rows - changed;
    }
    for (let start = 0; start < dwellingUpdates.length; start += batchSize) {
      const batch = dwellingUpdates.slice(start, start + batchSize);
      const changed = await updateVerblijfsobjecten(tx, context.organisationId, batch);
      report.updated += changed;
      report.unchanged += batch.length - changed;
    }
  });
  report.details.panden = counts.panden;
  report.details.verblijfsobjecten = counts.verblijfsobjecten;
  return report;
}

function unmatched(report: ImportReport, row: number, message: string): void {
  report.unmatched += 1;
  addSkipped(report, BAG_SKIP.unmatched);
  if (report.unmatchedRows.length < MAX_LISTED) {
    report.unmatchedRows.push({
      row,
      column: 'identificatie',
      message,
    });
  }
}

function optionalText(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

/** A list as PDOK writes it: an array, or one string with comma-separated values. */
function textList(value: unknown): string[] | null {
  const items = Array.isArray(value)
    ? value.filter((item): item is string => typeof item === 'string')
    : typeof value === 'string'
      ? value.split(',')
      : [];
  const list = items.map((item) => item.trim()).filter((item) => item !== '');
  return list.length === 0 ? null : list;
}

/** An integer in range (numbers or digit strings); null when absent, undefined when invalid. */
function integerIn(value: unknown, min: number, max: number): number | null | undefined {
  if (value === undefined || value === null || value === '') return null;
  const number = typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : value;
  return typeof number === 'number' && Number.isInteger(number) && number >= min && number <= max
    ? number
    : undefined;
}

type Position = [number, number];

function isLonLat(value: unknown): value is Position {
  return (
    Array.isArray(value) &&
    value.length >= 2 &&
    typeof value[0] === 'number' &&
    typeof value[1] === 'number' &&
    Math.abs(value[0]) <= 180 &&
    Math.abs(value[1]) <= 90
  );
}

const RD_HINT =
  'coördinaten zijn geen lengte/breedtegraad (opgeslagen met crs=EPSG:28992?); ' +
  'haal de objecten op zonder crs-parameter (CRS84). Locatie niet bijgewerkt.';

/** The verblijfsobject's point; null without geometry; a message when it is unusable. */
function pointOf(geometry: unknown): { lat: number; lon: number } | null | string {
  if (geometry === null || geometry === undefined) return null;
  const { type, coordinates } = geometry as { type?: unknown; coordinates?: unknown };
  if (type !== 'Point')
    return `geometrie is ${String(type)}, verwacht Point. Locatie niet bijgewerkt.`;
  if (!isLonLat(coordinates)) return RD_HINT;
  return { lon: coordinates[0], lat: coordinates[1] };
}

/** The pand's polygon (kept as GeoJSON with 2D positions) and its area centroid. */
function footprint(
  geometry: unknown,
): { geometry: object; centroid: { lat: number; lon: number } } | null | string {
  if (geometry === null || geometry === undefined) return null;
  const { type, coordinates } = geometry as { type?: unknown; coordinates?: unknown };
  let polygons: unknown[];
  if (type === 'Polygon') polygons = [coordinates];
  else if (type === 'MultiPolygon' && Array.isArray(coordinates)) polygons = coordinates;
  else return `geometrie is ${String(type)}, verwacht Polygon. Vorm niet bijgewerkt.`;
  const rings: Position[][][] = [];
  for (const polygon of polygons) {
    if (!Array.isArray(polygon) || polygon.length === 0) {
      return 'polygoon zonder ringen. Vorm niet bijgewerkt.';
    }
    const clean: Position[][] = [];
    for (const ring of polygon as unknown[]) {
      if (!Array.isArray(ring) || ring.length < 4)
        return 'ring met minder dan 4 punten. Vorm niet bijgewerkt.';
      if (!ring.every(isLonLat)) return RD_HINT;
      clean.push(ring.map((position: Position) => [position[0], position[1]] as Position));
    }
    rings.push(clean);
  }
  const centroid = centroidOf(rings);
  return {
    geometry:
      type === 'Polygon'
        ? { type: 'Polygon', coordinates: rings[0] }
        : { type: 'MultiPolygon', coordinates: rings },
    centroid,
  };
}

/**
 * Area-weighted centroid of the outer rings (holes ignored: a building's courtyard barely moves
 * it). Planar on longitude/latitude, which is accurate to centimetres at building size.
 */
function centroidOf(polygons: readonly Position[][][]): { lat: number; lon: number } {
  let area = 0;
  let x = 0;
  let y = 0;
  let count = 0;
  let sumX = 0;
  let sumY = 0;
  for (const polygon of polygons) {
    const ring = polygon[0] ?? [];
    for (let i = 0; i < ring.length - 1; i += 1) {
      const [x0, y0] = ring[i] as Position;
      const [x1, y1] = ring[i + 1] as Position;
      const cross = x0 * y1 - x1 * y0;
      area += cross;
      x += (x0 + x1) * cross;
      y += (y0 + y1) * cross;
      sumX += x0;
      sumY += y0;
      count += 1;
    }
  }
  // A degenerate ring (no area) still has a sensible middle: the mean of its points.
  if (Math.abs(area) < 1e-18) return { lon: sumX / count, lat: sumY / count };
  return { lon: x / (3 * area), lat: y / (3 * area) };
}

async function updatePanden(
  tx: Queryable,
  organisationId: string,
  updates: readonly PandUpdate[],
): Promise<number> {
  const rows = updates.flatMap((update) => update.ids.map((id) => ({ id, update })));
  const result = await tx.query(
    `UPDATE panden p SET
       bouwjaar = coalesce(u.bouwjaar, p.bouwjaar),
       bag_status = coalesce(u.status, p.bag_status),
       bag_gebruiksdoel = coalesce(string_to_array(u.gebruiksdoel, '|'), p.bag_gebruiksdoel),
       geometry = coalesce(u.geometry::jsonb, p.geometry),
       centroid_lat = coalesce(u.lat, p.centroid_lat),
       centroid_lon = coalesce(u.lon, p.centroid_lon),
       updated_at = now()
     FROM unnest($2::uuid[], $3::int[], $4::text[], $5::text[], $6::text[], $7::float8[],
       $8::float8[]) AS u(id, bouwjaar, status, gebruiksdoel, geometry, lat, lon)
     WHERE p.id = u.id AND p.organisation_id = $1
       AND (p.bouwjaar, p.bag_status, p.bag_gebruiksdoel, p.geometry, p.centroid_lat,
           p.centroid_lon)
         IS DISTINCT FROM (coalesce(u.bouwjaar, p.bouwjaar), coalesce(u.status, p.bag_status),
           coalesce(string_to_array(u.gebruiksdoel, '|'), p.bag_gebruiksdoel),
           coalesce(u.geometry::jsonb, p.geometry), coalesce(u.lat, p.centroid_lat),
           coalesce(u.lon, p.centroid_lon))`,
    [
      organisationId,
      rows.map((row) => row.id),
      rows.map((row) => row.update.bouwjaar),
      rows.map((row) => row.update.status),
      rows.map((row) => row.update.gebruiksdoel?.join('|') ?? null),
      rows.map((row) => row.update.geometry),
      rows.map((row) => row.update.centroid?.lat ?? null),
      rows.map((row) => row.update.centroid?.lon ?? null),
    ],
  );
  return result.rowCount;
}

async function updateVerblijfsobjecten(
  tx: Queryable,
  organisationId: string,
  updates: readonly VerblijfsobjectUpdate[],
): Promise<number> {
  const result = await tx.query(
    `UPDATE verblijfsobjecten v SET
       area_m2 = coalesce(u.oppervlakte, v.area_m2),
       bag_status = coalesce(u.status, v.bag_status),
       gebruiksdoel = coalesce(string_to_array(u.gebruiksdoel, '|'), v.gebruiksdoel),
       latitude = coalesce(u.lat, v.latitude),
       longitude = coalesce(u.lon, v.longitude),
       updated_at = now()
     FROM unnest($2::uuid[], $3::int[], $4::text[], $5::text[], $6::float8[], $7::float8[])
       AS u(id, oppervlakte, status, gebruiksdoel, lat, lon)
     WHERE v.id = u.id AND v.organisation_id = $1
       AND (v.area_m2, v.bag_status, v.gebruiksdoel, v.latitude, v.longitude)
         IS DISTINCT FROM (coalesce(u.oppervlakte, v.area_m2), coalesce(u.status, v.bag_status),
           coalesce(string_to_array(u.gebruiksdoel, '|'), v.gebruiksdoel),
           coalesce(u.lat, v.latitude), coalesce(u.lon, v.longitude))`,
    [
      organisationId,
      updates.map((update) => update.id),
      updates.map((update) => update.oppervlakte),
      updates.map((update) => update.status),
      updates.map((update) => update.gebruiksdoel?.join('|') ?? null),
      updates.map((update) => update.point?.lat ?? null),
      updates.map((update) => update.point?.lon ?? null),
    ],
  );
  return result.rowCount;
}
