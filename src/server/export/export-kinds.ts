import { z } from 'zod';
import {
  CSV_MIME,
  csvChunks,
  csvColumns,
  featureCollection,
  GEOJSON_MIME,
  pointFeature,
  type AnyCsvColumn,
  type CsvOptions,
} from '../../shared/export/index.ts';
import type { Queryable } from '../store/store.ts';
import {
  readActionRows,
  readComplexRows,
  readDwellings,
  readEfgRows,
  readFindingRows,
  readInspectionRows,
  readOrganisationExport,
  type ActionRow,
  type ComplexRow,
  type DwellingRow,
  type EfgRow,
  type FindingRow,
  type InspectionRow,
} from './export-data.ts';

// What can be exported, in which formats, and the columns of each list. The HTTP routes and the
// command line both go through runExport, so a file looks the same whichever way it was made.

export const ExportKindSchema = z.enum(
  ['efg', 'actions', 'portfolio', 'complexes', 'inspections', 'findings', 'organisation'],
  {
    error:
      'Onbekende export: kies efg, actions, portfolio, complexes, inspections, findings of organisation.',
  },
);
export type ExportKind = z.infer<typeof ExportKindSchema>;
export const exportKinds: readonly ExportKind[] = ExportKindSchema.options;

export const ExportFormatSchema = z.enum(['csv', 'json', 'geojson'], {
  error: 'Onbekend formaat: kies csv, json of geojson.',
});
export type ExportFormat = z.infer<typeof ExportFormatSchema>;

/** The formats each kind offers; the first is the default. */
export const exportFormats: Readonly<Record<ExportKind, readonly ExportFormat[]>> = {
  efg: ['csv', 'json'],
  actions: ['csv', 'json'],
  portfolio: ['csv', 'json'],
  complexes: ['geojson', 'csv', 'json'],
  inspections: ['csv', 'json'],
  findings: ['csv', 'json'],
  organisation: ['json'],
};

const dwelling = csvColumns<DwellingRow>();

// Header names of the portfolio import format (demo/portfolio-csv.ts), so an exported
// portfolio (with idStyle 'plain') can be imported again; label columns follow.
const portfolioColumns: readonly AnyCsvColumn<DwellingRow>[] = [
  dwelling.text('complexnummer', (row) => row.complexnummer),
  dwelling.text('complexnaam', (row) => row.complexnaam),
  dwelling.text('gemeente', (row) => row.gemeente),
  dwelling.id('pand_id', (row) => row.bagPandId),
  dwelling.integer('bouwjaar', (row) => row.bouwjaar),
  dwelling.integer('bouwlagen', (row) => row.bouwlagen),
  dwelling.text('vhe_nummer', (row) => row.vheNummer),
  dwelling.id('verblijfsobject_id', (row) => row.bagVerblijfsobjectId),
  dwelling.text('postcode', (row) => row.postcode),
  dwelling.integer('huisnummer', (row) => row.huisnummer),
  dwelling.text('huisletter', (row) => row.huisletter),
  dwelling.text('toevoeging', (row) => row.toevoeging),
  dwelling.text('woonplaats', (row) => row.woonplaats),
  dwelling.text('woningtype', (row) => row.woningtype),
  dwelling.integer('gebruiksoppervlakte_m2', (row) => row.areaM2),
  dwelling.integer('verdieping', (row) => row.floor),
  dwelling.boolean('lift', (row) => row.lift),
  dwelling.text('energielabel', (row) => row.label),
  dwelling.date('label_registratiedatum', (row) => row.registrationDate),
  dwelling.date('label_opnamedatum', (row) => row.recordingDate),
  dwelling.date('label_geldig_tot', (row) => row.validUntil),
  dwelling.boolean('label_verlopen', (row) => row.expired),
  dwelling.number('ep2_kwh_m2', (row) => row.ep2),
  dwelling.number('energie_index', (row) => row.energyIndex),
  dwelling.text('label_bron', (row) => row.labelSource),
];

const efg = csvColumns<EfgRow>();
const efgColumns: readonly AnyCsvColumn<EfgRow>[] = [
  efg.text('Complexnummer', (row) => row.complexnummer),
  efg.text('Complexnaam', (row) => row.complexnaam),
  efg.text('VHE-nummer', (row) => row.vheNummer),
  efg.text('Adres', (row) => row.adres),
  efg.text('Postcode', (row) => row.postcode),
  efg.integer('Huisnummer', (row) => row.huisnummer),
  efg.text('Huisletter', (row) => row.huisletter),
  efg.text('Toevoeging', (row) => row.toevoeging),
  efg.text('Woonplaats', (row) => row.woonplaats),
  efg.id('BAG verblijfsobject-id', (row) => row.bagVerblijfsobjectId),
  efg.id('BAG pand-id', (row) => row.bagPandId),
  efg.text('Energielabel', (row) => row.label),
  efg.date('Registratiedatum', (row) => row.registrationDate),
  efg.date('Geldig tot', (row) => row.validUntil),
  efg.boolean('Verlopen', (row) => row.expired),
  efg.number('EP2 (kWh/m² jaar)', (row) => row.ep2),
  efg.number('Energie-Index', (row) => row.energyIndex),
  efg.text('EFG-status', (row) => row.efgStatus),
  efg.date('Status sinds', (row) => row.efgStatusSince),
  efg.text('Reden afgevallen', (row) => row.efgDropReason),
];

const action = csvColumns<ActionRow>();
const actionColumns: readonly AnyCsvColumn<ActionRow>[] = [
  action.text('Actie-id', (row) => row.id),
  action.text('Omschrijving', (row) => row.what),
  action.text('Urgentie', (row) => row.severity),
  action.text('Status', (row) => row.status),
  action.boolean('Afgesloten', (row) => row.closed),
  action.date('Uiterste datum', (row) => row.dueDate),
  action.boolean('Te laat', (row) => row.overdue),
  action.text('Eigenaar (rol)', (row) => row.ownerRole),
  action.text('Module', (row) => row.moduleId),
  action.text('Locatie bevinding', (row) => row.findingLocation),
  action.text('Complexnummer', (row) => row.complexnummer),
  action.text('Complexnaam', (row) => row.complexnaam),
  action.id('BAG pand-id', (row) => row.bagPandId),
  action.date('Aangemaakt op', (row) => row.createdOn),
  action.date('Afgesloten op', (row) => row.closedOn),
];

const complex = csvColumns<ComplexRow>();
const complexColumns: readonly AnyCsvColumn<ComplexRow>[] = [
  complex.text('Complexnummer', (row) => row.complexnummer),
  complex.text('Naam', (row) => row.naam),
  complex.text('Gemeente', (row) => row.gemeente),
  complex.text('Status', (row) => row.status),
  complex.integer('Panden', (row) => row.panden),
  complex.integer('Woningen', (row) => row.woningen),
  complex.integer('EFG-woningen', (row) => row.efgWoningen),
  complex.integer('Verlopen labels', (row) => row.verlopenLabels),
  complex.integer('Zonder label', (row) => row.woningenZonderLabel),
  complex.integer('Open acties', (row) => row.openActies),
  complex.integer('Acties te laat', (row) => row.achterstalligeActies),
  complex.number('Breedtegraad', (row) => row.position?.lat),
  complex.number('Lengtegraad', (row) => row.position?.lon),
];

const inspection = csvColumns<InspectionRow>();
const inspectionColumns: readonly AnyCsvColumn<InspectionRow>[] = [
  inspection.text('Inspectie-id', (row) => row.id),
  inspection.text('Module', (row) => row.module),
  inspection.text('Status', (row) => row.status),
  inspection.text('Niveau', (row) => row.targetLevel),
  inspection.id('Object', (row) => row.target),
  inspection.text('Complexnummer', (row) => row.complexnummer),
  inspection.text('Complexnaam', (row) => row.complexnaam),
  inspection.date('Gepland op', (row) => row.plannedFor),
  inspection.date('Gestart op', (row) => row.startedOn),
  inspection.date('Afgerond op', (row) => row.finishedOn),
  inspection.text('Inspecteur', (row) => row.inspector),
  inspection.integer('Bevindingen', (row) => row.findings),
  inspection.integer('Open acties', (row) => row.openActions),
];

const finding = csvColumns<FindingRow>();
const findingColumns: readonly AnyCsvColumn<FindingRow>[] = [
  finding.text('Bevinding-id', (row) => row.id),
  finding.text('Inspectie-id', (row) => row.inspectionId),
  finding.text('Module', (row) => row.module),
  finding.text('Complexnummer', (row) => row.complexnummer),
  finding.text('Locatie', (row) => row.location),
  finding.text('Omschrijving', (row) => row.description),
  finding.text('Urgentie', (row) => row.severity),
  finding.integer('Conditiescore NEN 2767', (row) => row.conditionScore),
  finding.integer("Foto's", (row) => row.photos),
  finding.date('Vastgelegd op', (row) => row.createdOn),
  finding.number('Breedtegraad', (row) => row.lat),
  finding.number('Lengtegraad', (row) => row.lon),
];

export interface ExportRequest {
  organisation: { id: string; slug: string; name: string };
  kind: ExportKind;
  format: ExportFormat;
  /** Today's date in the Netherlands (expired labels, overdue actions). */
  today: string;
  csv?: CsvOptions;
}

export interface ExportResult {
  fileName: string;
  mimeType: string;
  /** The file in pieces (CSV is produced a thousand lines at a time). */
  chunks: Iterable<string>;
  /** Counts for the operator, e.g. complexes left out of the map for lack of coordinates. */
  summary: Record<string, number | string>;
}

export class ExportRequestError extends Error {
  override readonly name = 'ExportRequestError';
}

/** Checks that `format` is offered for `kind`; returns the format to use (default when none). */
export function resolveFormat(kind: ExportKind, format: ExportFormat | undefined): ExportFormat {
  const offered = exportFormats[kind];
  const chosen = format ?? offered[0] ?? 'json';
  if (!offered.includes(chosen)) {
    throw new ExportRequestError(
      `Export ${kind} bestaat niet als ${chosen}; kies ${offered.join(' of ')}.`,
    );
  }
  return chosen;
}

function listResult<Row>(
  request: ExportRequest,
  columns: readonly AnyCsvColumn<Row>[],
  rows: readonly Row[],
): Pick<ExportResult, 'mimeType' | 'chunks'> {
  if (request.format === 'csv') {
    return { mimeType: CSV_MIME, chunks: csvChunks(columns, rows, request.csv ?? {}) };
  }
  const document = {
    export: request.kind,
    organisation: request.organisation,
    date: request.today,
    rows,
  };
  return {
    mimeType: 'application/json;charset=utf-8',
    chunks: [`${JSON.stringify(document, null, 2)}\n`],
  };
}

/** Reads the organisation's data and produces the file. */
export async function runExport(db: Queryable, request: ExportRequest): Promise<ExportResult> {
  const format = resolveFormat(request.kind, request.format);
  const { organisation, today } = request;
  const fileName = `schouw-${request.kind}-${organisation.slug}-${today}.${format}`;
  switch (request.kind) {
    case 'efg': {
      const rows = await readEfgRows(db, organisation.id, today);
      return {
        fileName,
        ...listResult(request, efgColumns, rows),
        summary: {
          woningen: rows.length,
          metDossier: rows.filter((row) => row.efgStatus !== null).length,
          verlopen: rows.filter((row) => row.expired === true).length,
        },
      };
    }
    case 'actions': {
      const rows = await readActionRows(db, organisation.id, today);
      return {
        fileName,
        ...listResult(request, actionColumns, rows),
        summary: {
          acties: rows.length,
          open: rows.filter((row) => !row.closed).length,
          teLaat: rows.filter((row) => row.overdue).length,
        },
      };
    }
    case 'portfolio': {
      const rows = await readDwellings(db, organisation.id, today);
      return {
        fileName,
        ...listResult(request, portfolioColumns, rows),
        summary: { woningen: rows.length },
      };
    }
    case 'complexes': {
      const rows = await readComplexRows(db, organisation.id, today);
      const withoutPosition = rows.filter((row) => row.position === null);
      const summary = {
        complexen: rows.length,
        opDeKaart: rows.length - withoutPosition.length,
        zonderCoordinaten: withoutPosition.length,
      };
      if (format !== 'geojson') {
        return { fileName, ...listResult(request, complexColumns, rows), summary };
      }
      const features = rows.flatMap(({ position, ...properties }) =>
        position ? [pointFeature(properties.id, position, properties)] : [],
      );
      const collection = featureCollection(features, {
        // Foreign members (RFC 7946 §6.1): map tools ignore them, people can see what is missing.
        organisation: organisation.name,
        date: today,
        withoutCoordinates: withoutPosition.map((row) => row.complexnummer),
      });
      return {
        fileName,
        mimeType: `${GEOJSON_MIME};charset=utf-8`,
        chunks: [`${JSON.stringify(collection)}\n`],
        summary,
      };
    }
    case 'inspections': {
      const rows = await readInspectionRows(db, organisation.id);
      return {
        fileName,
        ...listResult(request, inspectionColumns, rows),
        summary: { inspecties: rows.length },
      };
    }
    case 'findings': {
      const rows = await readFindingRows(db, organisation.id);
      return {
        fileName,
        ...listResult(request, findingColumns, rows),
        summary: { bevindingen: rows.length },
      };
    }
    case 'organisation': {
      const document = await readOrganisationExport(db, organisation.id);
      return {
        fileName,
        mimeType: 'application/json;charset=utf-8',
        chunks: [`${JSON.stringify({ ...document, exportedOn: today }, null, 2)}\n`],
        summary: Object.fromEntries(
          Object.entries(document.tables).map(([table, rows]) => [table, rows.length]),
        ),
      };
    }
  }
}
