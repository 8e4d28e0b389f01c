// The overview's tables as data: one column list feeds both the HTML table and its CSV download,
// so the file always says what the screen says. Headers are read at call time (current language).
import { energyLabelClasses } from '../../../shared/domain/energy-label.ts';
import type {
  ComplexPotential,
  GemeentePotential,
} from '../../../shared/domain/portfolio-potential.ts';
import { csvColumns, type AnyCsvColumn } from '../../../shared/export/csv.ts';
import { t } from '../../i18n/i18n.ts';

/** A gemeente row or the total row of a per-gemeente table. */
export interface GemeenteTableRow {
  name: string;
  figures: Omit<GemeentePotential, 'gemeente'>;
}

export function gemeenteName(gemeente: string | null): string {
  return gemeente ?? t('overview.gemeente.unknown');
}

export function gemeenteRows(gemeenten: readonly GemeentePotential[]): GemeenteTableRow[] {
  return gemeenten.map((figures) => ({ name: gemeenteName(figures.gemeente), figures }));
}

export function extraDwellingColumns(): AnyCsvColumn<GemeenteTableRow>[] {
  const col = csvColumns<GemeenteTableRow>();
  return [
    col.text(t('overview.col.gemeente'), (row) => row.name),
    col.integer(t('overview.col.complexes'), (row) => row.figures.complexes),
    col.integer(t('overview.col.optoppen'), (row) => row.figures.extraDwellings['optoppen-scan']),
    col.integer(
      t('overview.col.ondertoppen'),
      (row) => row.figures.extraDwellings['ondertoppen-scan'],
    ),
    col.integer(t('overview.col.splitsen'), (row) => row.figures.extraDwellings['splitsen-scan']),
    col.integer(t('overview.col.extraTotal'), (row) => row.figures.extraDwellings.total),
    col.integer(
      t('overview.col.scans'),
      (row) =>
        row.figures.scans['optoppen-scan'] +
        row.figures.scans['ondertoppen-scan'] +
        row.figures.scans['splitsen-scan'],
    ),
  ];
}

export function woondealColumns(): AnyCsvColumn<GemeenteTableRow>[] {
  const col = csvColumns<GemeenteTableRow>();
  return [
    col.text(t('overview.col.gemeente'), (row) => row.name),
    col.integer(t('overview.col.dwellings'), (row) => row.figures.dwellings),
    col.integer(t('overview.col.assessed'), (row) => row.figures.woondeal.assessed),
    col.integer(t('overview.col.nultreden'), (row) => row.figures.woondeal.nultreden),
    col.integer(t('overview.col.rollatorgeschikt'), (row) => row.figures.woondeal.rollatorgeschikt),
    col.integer(t('overview.col.rolstoelgeschikt'), (row) => row.figures.woondeal.rolstoelgeschikt),
    col.integer(t('overview.col.zorggeschikt'), (row) => row.figures.woondeal.zorggeschikt),
    col.integer(t('overview.col.provisional'), (row) => row.figures.woondeal.provisional),
  ];
}

export function labelColumns(): AnyCsvColumn<GemeenteTableRow>[] {
  const col = csvColumns<GemeenteTableRow>();
  return [
    col.text(t('overview.col.gemeente'), (row) => row.name),
    col.integer(t('overview.col.dwellings'), (row) => row.figures.dwellings),
    ...energyLabelClasses.map((label) => col.integer(label, (row) => row.figures.labels[label])),
    col.integer(t('overview.col.noLabel'), (row) => row.figures.labels.geen),
    col.integer(t('overview.col.efg'), (row) => row.figures.efg),
  ];
}

export function complexColumns(): AnyCsvColumn<ComplexPotential>[] {
  const col = csvColumns<ComplexPotential>();
  return [
    col.text(t('overview.col.complexnummer'), (row) => row.complexnummer),
    col.text(t('overview.col.name'), (row) => row.name),
    col.text(t('overview.col.gemeente'), (row) => gemeenteName(row.gemeente)),
    col.integer(t('overview.col.dwellings'), (row) => row.dwellings),
    col.integer(t('overview.col.optoppen'), (row) => row.extraDwellings['optoppen-scan']),
    col.integer(t('overview.col.ondertoppen'), (row) => row.extraDwellings['ondertoppen-scan']),
    col.integer(t('overview.col.splitsen'), (row) => row.extraDwellings['splitsen-scan']),
    col.integer(t('overview.col.extraTotal'), (row) => row.extraDwellings.total),
    col.integer(t('overview.col.nultreden'), (row) => row.woondeal.nultreden),
    col.integer(t('overview.col.rollatorgeschikt'), (row) => row.woondeal.rollatorgeschikt),
    col.integer(t('overview.col.rolstoelgeschikt'), (row) => row.woondeal.rolstoelgeschikt),
    col.integer(t('overview.col.zorggeschikt'), (row) => row.woondeal.zorggeschikt),
    col.integer(t('overview.col.efg'), (row) => row.efg),
  ];
}
