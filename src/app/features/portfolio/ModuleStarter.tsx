import { useId, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import {
  moduleIds,
  moduleTargetLevels,
  type ModuleId,
  type TargetLevel,
} from '../../../shared/domain/module.ts';
import { isOwnInspection } from '../../../shared/domain/inspection.ts';
import { getAppStore, type InspectionView } from '../../db/index.ts';
import { session } from '../../state/session.ts';
import { browserGeolocator } from '../../platform/geolocation.ts';
import { t } from '../../i18n/i18n.ts';
import { Badge } from '../../ui/Badge.tsx';
import { Banner } from '../../ui/Banner.tsx';
import { Button } from '../../ui/Button.tsx';
import { ButtonLink } from '../../ui/ButtonLink.tsx';
import { errorText } from '../common/errors.ts';
import { useBusyAction } from '../common/use-busy-action.ts';
import {
  formatDateTime,
  formatDwellingAddress,
  formatIsoDate,
  inspectionStatusName,
  moduleName,
  todayIso,
} from '../common/format.ts';
import { recordDevicePosition } from '../inspection/record-position.ts';
import type { CarryForwardSource } from './identical.ts';

const OPEN_STATUSES = new Set(['planned', 'draft', 'reopened']);

interface ModuleStarterProps {
  level: TargetLevel;
  targetId: string;
  /** All inspections of this target (any status). */
  inspections: readonly InspectionView[];
  /** Carry-forward sources per module (dwellings only). */
  sources?: Partial<Record<ModuleId, CarryForwardSource[]>>;
}

/**
 * The modules that attach at this level (moduleTargetLevels): resume the open inspection of a
 * module, or start one, plan one, or start from an identical dwelling's finished inspection.
 */
export function ModuleStarter({ level, targetId, inspections, sources = {} }: ModuleStarterProps) {
  const modules = moduleIds.filter((module) => moduleTargetLevels[module].includes(level));
  const { busy, failure: error, run } = useBusyAction();
  const { route } = useLocation();

  const store = getAppStore();
  const act = async (work: () => Promise<InspectionView>, open: boolean) => {
    await run(async () => {
      const inspection = await work();
      if (!open) return;
      void recordDevicePosition(
        (position) => store.inspections.setPosition(inspection.id, position),
        browserGeolocator,
      );
      route(`/inspecties/${inspection.id}`);
    });
  };

  return (
    <div class="module-list" data-testid="modules">
      {error !== undefined && (
        <Banner tone="error" title={errorText(error).title}>
          {errorText(error).detail}
        </Banner>
      )}
      {modules.map((module) => {
        const open = inspections.find(
          (inspection) =>
            inspection.module === module &&
            OPEN_STATUSES.has(inspection.status) &&
            isOwnInspection(inspection, session.value?.user.id),
        );
        const candidates = open ? [] : (sources[module] ?? []);
        return (
          <div key={module} class="module-card" data-testid={`module-${module}`}>
            <div class="module-head">
              <h3>{moduleName(module)}</h3>
              {open && <Badge tone="info">{inspectionStatusName(open.status)}</Badge>}
            </div>
            {open ? (
              <div class="button-row">
                <ButtonLink href={`/inspecties/${open.id}`} variant="primary">
                  {t('module.resume')}
                </ButtonLink>
                <span class="muted">
                  {open.status === 'planned' && open.plannedFor
                    ? t('inspection.plannedFor', { date: formatIsoDate(open.plannedFor) })
                    : open.startedAt
                      ? t('inspection.startedAt', { date: formatDateTime(open.startedAt) })
                      : ''}
                </span>
              </div>
            ) : (
              <>
                <div class="button-row">
                  <Button
                    disabled={busy}
                    onClick={() =>
                      void act(
                        () => store.inspections.start({ module, targetLevel: level, targetId }),
                        true,
                      )
                    }
                  >
                    {t('module.start')}
                  </Button>
                  <PlanForm
                    disabled={busy}
                    onPlan={(date) =>
                      void act(
                        () =>
                          store.inspections.plan({
                            module,
                            targetLevel: level,
                            targetId,
                            plannedFor: date,
                          }),
                        false,
                      )
                    }
                  />
                </div>
                {candidates.length > 0 && (
                  <div class="carry-forward" data-testid="carry-forward">
                    <p class="muted">{t('carryForward.explain')}</p>
                    {candidates.map((source) => (
                      <Button
                        key={source.inspection.id}
                        variant="secondary"
                        disabled={busy}
                        onClick={() =>
                          void act(
                            () =>
                              store.inspections.startFromFinished(source.inspection.id, targetId),
                            true,
                          )
                        }
                      >
                        {t('carryForward.start', {
                          address: formatDwellingAddress(source.dwelling),
                          date: source.inspection.finishedAt
                            ? formatDateTime(source.inspection.finishedAt)
                            : '',
                        })}
                      </Button>
                    ))}
                  </div>
                )}
              </>
            )}
          </div>
        );
      })}
    </div>
  );
}

function PlanForm({ disabled, onPlan }: { disabled: boolean; onPlan: (date: string) => void }) {
  const [date, setDate] = useState(todayIso());
  const id = useId();
  return (
    <details class="plan-form">
      <summary class="btn btn-plain">{t('module.plan')}</summary>
      <div class="plan-fields">
        <label class="field-label" for={id}>
          {t('module.plan.date')}
        </label>
        <input
          id={id}
          class="input"
          type="date"
          value={date}
          min={todayIso()}
          onInput={(event) => setDate(event.currentTarget.value)}
        />
        <Button variant="secondary" disabled={disabled || !date} onClick={() => onPlan(date)}>
          {t('module.plan.confirm')}
        </Button>
      </div>
    </details>
  );
}
