import type { InspectionView } from '../../db/index.ts';
import { t } from '../../i18n/i18n.ts';
import { Badge } from '../../ui/Badge.tsx';
import { ButtonLink } from '../../ui/ButtonLink.tsx';
import { formatDateTime, formatIsoDate, inspectionStatusName, moduleName } from './format.ts';
import { TargetLabel } from './TargetLabel.tsx';

function statusTone(status: InspectionView['status']) {
  if (status === 'finished') return 'ok' as const;
  if (status === 'reopened') return 'warn' as const;
  return 'info' as const;
}

/** When: finished, started or planned, whichever says most. */
function when(inspection: InspectionView): string {
  if (inspection.status === 'finished' && inspection.finishedAt)
    return t('inspection.finishedAt', { date: formatDateTime(inspection.finishedAt) });
  if (inspection.status === 'planned' && inspection.plannedFor)
    return t('inspection.plannedFor', { date: formatIsoDate(inspection.plannedFor) });
  if (inspection.startedAt)
    return t('inspection.startedAt', { date: formatDateTime(inspection.startedAt) });
  return '';
}

/** Inspections as cards linking to the questionnaire (open) or the review (finished). */
export function InspectionList({
  inspections,
  showTarget = false,
  testId,
}: {
  inspections: readonly InspectionView[];
  showTarget?: boolean;
  testId?: string;
}) {
  if (inspections.length === 0) return <p class="muted">{t('inspections.none')}</p>;
  return (
    <ul class="card-list" data-testid={testId}>
      {inspections.map((inspection) => {
        const finished = inspection.status === 'finished';
        const href = finished
          ? `/inspecties/${inspection.id}/overzicht`
          : `/inspecties/${inspection.id}`;
        return (
          <li key={inspection.id} class="card card-tap" data-testid="inspection-card">
            <div class="card-main">
              <a class="card-title card-link" href={href}>
                {moduleName(inspection.module)}
              </a>
              {showTarget && (
                <div>
                  <TargetLabel level={inspection.targetLevel} id={inspection.targetId} />
                </div>
              )}
              <div class="muted">{when(inspection)}</div>
            </div>
            <div class="card-side">
              <Badge tone={statusTone(inspection.status)}>
                {inspectionStatusName(inspection.status)}
              </Badge>
              <ButtonLink href={href} variant="secondary">
                {finished ? t('inspection.view') : t('inspection.continue')}
              </ButtonLink>
            </div>
          </li>
        );
      })}
    </ul>
  );
}
