// Carry-forward candidates: finished inspections of the same module on an identical dwelling of
// the same complex. "Identical" is what the portfolio export can tell: same woningtype and same
// gebruiksoppervlakte, both known. The inspector still confirms every copied answer on site.
import type { ModuleId } from '../../../shared/domain/module.ts';
import type { ComplexDetail, InspectionView, PortfolioDwelling } from '../../db/index.ts';

export interface CarryForwardSource {
  inspection: InspectionView;
  dwelling: PortfolioDwelling;
}

export function isIdenticalDwelling(a: PortfolioDwelling, b: PortfolioDwelling): boolean {
  return (
    a.id !== b.id &&
    a.woningtype !== null &&
    a.areaM2 !== null &&
    a.woningtype === b.woningtype &&
    a.areaM2 === b.areaM2
  );
}

/** Newest first; one source per dwelling (its newest finished inspection of the module). */
export function carryForwardSources(
  detail: ComplexDetail,
  dwellingId: string,
  module: ModuleId,
  limit = 3,
): CarryForwardSource[] {
  const dwellings = new Map<string, PortfolioDwelling>();
  for (const pand of detail.panden)
    for (const dwelling of pand.dwellings) dwellings.set(dwelling.id, dwelling);
  const target = dwellings.get(dwellingId);
  if (!target) return [];
  const seen = new Set<string>();
  return detail.inspections
    .filter(
      (inspection) =>
        inspection.module === module &&
        inspection.status === 'finished' &&
        inspection.targetLevel === 'verblijfsobject' &&
        inspection.targetId !== dwellingId,
    )
    .sort((a, b) => (b.finishedAt ?? '').localeCompare(a.finishedAt ?? ''))
    .flatMap((inspection) => {
      const dwelling = dwellings.get(inspection.targetId);
      if (!dwelling || seen.has(dwelling.id) || !isIdenticalDwelling(target, dwelling)) return [];
      seen.add(dwelling.id);
      return [{ inspection, dwelling }];
    })
    .slice(0, limit);
}
