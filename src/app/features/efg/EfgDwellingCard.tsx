import { useState } from 'preact/hooks';
import type { DirectoryUser } from '../../../shared/auth.ts';
import { nextStatuses } from '../../../shared/domain/efg-progress.ts';
import {
  EfgDropReasonSchema,
  type EfgDropReason,
  type EfgWorkflowStatus,
} from '../../../shared/domain/efg-status.ts';
import { expiredSince, isEfgClass } from '../../../shared/domain/energy-label.ts';
import { addDays } from '../../../shared/domain/iso-date.ts';
import { getAppStore, type EfgCandidate } from '../../db/index.ts';
import { t } from '../../i18n/i18n.ts';
import { session } from '../../state/session.ts';
import { Badge } from '../../ui/Badge.tsx';
import { Banner } from '../../ui/Banner.tsx';
import { Button } from '../../ui/Button.tsx';
import { describedBy, Field } from '../../ui/Field.tsx';
import { errorLine } from '../common/errors.ts';
import { LabelBadge } from '../common/LabelBadge.tsx';
import {
  formatDwellingAddress,
  formatIsoDate,
  inspectionStatusName,
  roleName,
  todayIso,
} from '../common/format.ts';
import { userName } from '../users/colleague-names.ts';
import { dropReasonName, efgStatusName, measureName } from './efg-list.ts';
import { typedText } from '../../ui/typed-text.ts';

type Panel = 'none' | 'drop' | 'plan';

/** One dwelling on the EFG list: label, expiry, opname, status and what the team can do next. */
export function EfgDwellingCard({
  candidate,
  canChange,
  inspectors,
}: {
  candidate: EfgCandidate;
  canChange: boolean;
  inspectors: readonly DirectoryUser[];
}) {
  const [panel, setPanel] = useState<Panel>('none');
  const [busy, setBusy] = useState(false);
  const [refused, setRefused] = useState<string | undefined>(undefined);
  const user = session.value?.user;
  const label = candidate.label;
  const drop = candidate.status === 'afgevallen' ? candidate.efgCase?.drop : undefined;

  async function move(to: EfgWorkflowStatus) {
    if (!user) return;
    setBusy(true);
    setRefused(undefined);
    try {
      await getAppStore().efg.changeStatus(candidate.dwellingId, {
        to,
        actor: { userId: user.id, role: user.role },
      });
    } catch (error) {
      setRefused(errorLine(error));
    }
    setBusy(false);
  }

  return (
    <li
      class="card card-tap efg-card"
      data-testid="efg-dwelling"
      data-dwelling-id={candidate.dwellingId}
      data-status={candidate.status}
    >
      <div class="card-main">
        <p class="card-title">
          <a class="card-link" href={`/woningen/${candidate.dwellingId}`}>
            {formatDwellingAddress(candidate.address)}
          </a>
        </p>
        <p class="muted">{t('efg.card.vhe', { vhe: candidate.vheNummer })}</p>
        <p class="efg-label-line">
          <LabelBadge label={label?.class} />{' '}
          {label &&
            (candidate.expired ? (
              <strong class="efg-expired" data-testid="efg-expired">
                {t('efg.card.expired', { date: formatIsoDate(expiredSince(label)) })}
              </strong>
            ) : (
              <span>{t('efg.card.validUntil', { date: formatIsoDate(label.validUntil) })}</span>
            ))}
        </p>
        {label && !isEfgClass(label.class) && (
          <p data-testid="efg-label-improved">
            {t('efg.card.labelImproved', {
              label: label.class,
              date: formatIsoDate(label.registrationDate),
            })}
          </p>
        )}
        <p data-testid="efg-opname">
          {candidate.lastOpname ? (
            <>
              {t('efg.card.lastOpname', { date: formatIsoDate(candidate.lastOpname.day) })}
              {candidate.lastOpname.targetLevel === 'pand' && ` ${t('efg.card.pandOpname')}`}
              {candidate.lastOpname.status !== 'finished' &&
                ` (${inspectionStatusName(candidate.lastOpname.status)})`}
              {': '}
              {candidate.lastOpname.proposedMeasures.length === 0
                ? t('efg.card.noMeasures')
                : candidate.lastOpname.proposedMeasures.map(measureName).join(', ')}
            </>
          ) : (
            <span class="muted">{t('efg.card.noOpname')}</span>
          )}
        </p>
        {candidate.planned && (
          <p data-testid="efg-planned">
            {t('efg.card.planned', {
              date: formatIsoDate(candidate.planned.plannedFor),
              inspector: candidate.planned.inspectorId
                ? userName(candidate.planned.inspectorId)
                : t('actions.colleague'),
            })}
          </p>
        )}
      </div>
      <div class="card-side">
        <Badge tone={candidate.status === 'afgevallen' ? 'neutral' : 'info'} testId="efg-status">
          {efgStatusName(candidate.status)}
        </Badge>
        {drop && (
          <p class="muted" data-testid="efg-drop">
            {dropReasonName(drop.reason)}
            {drop.note ? `: ${drop.note}` : ''}
          </p>
        )}
      </div>
      {canChange && (
        <div class="efg-actions">
          <div class="efg-buttons" role="group" aria-label={t('efg.card.nextSteps')}>
            {nextStatuses(candidate).map((to) =>
              to === 'afgevallen' ? (
                <Button
                  key={to}
                  variant="secondary"
                  disabled={busy}
                  aria-expanded={panel === 'drop'}
                  onClick={() => setPanel(panel === 'drop' ? 'none' : 'drop')}
                >
                  {t('efg.card.drop')}
                </Button>
              ) : (
                <Button key={to} variant="secondary" disabled={busy} onClick={() => void move(to)}>
                  {t('efg.card.moveTo', { status: efgStatusName(to) })}
                </Button>
              ),
            )}
            {!candidate.planned && (
              <Button
                variant="secondary"
                aria-expanded={panel === 'plan'}
                onClick={() => setPanel(panel === 'plan' ? 'none' : 'plan')}
              >
                {t('efg.plan.open')}
              </Button>
            )}
          </div>
          {refused && (
            <Banner tone="error" testId="efg-refused">
              {refused}
            </Banner>
          )}
          {panel === 'drop' && <DropForm candidate={candidate} onDone={() => setPanel('none')} />}
          {panel === 'plan' && (
            <PlanForm
              candidate={candidate}
              inspectors={inspectors}
              onDone={() => setPanel('none')}
            />
          )}
        </div>
      )}
    </li>
  );
}

function DropForm({ candidate, onDone }: { candidate: EfgCandidate; onDone: () => void }) {
  const user = session.value?.user;
  const [reason, setReason] = useState<EfgDropReason | ''>('');
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const id = `efg-drop-${candidate.dwellingId}`;

  async function save() {
    if (!user) return;
    if (!reason) {
      setProblem(t('efg.dropForm.reasonMissing'));
      return;
    }
    if (reason === 'anders' && !note.trim()) {
      setProblem(t('efg.dropForm.noteMissing'));
      return;
    }
    setBusy(true);
    setProblem(undefined);
    try {
      const trimmed = note.trim();
      await getAppStore().efg.changeStatus(candidate.dwellingId, {
        to: 'afgevallen',
        actor: { userId: user.id, role: user.role },
        drop: trimmed ? { reason, note: trimmed } : { reason },
        ...(trimmed && { note: trimmed }),
      });
      onDone();
    } catch (error) {
      setProblem(errorLine(error));
      setBusy(false);
    }
  }

  return (
    <form
      class="efg-form"
      data-testid="efg-drop-form"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <fieldset class="choice-group">
        <legend>{t('efg.dropForm.reason')}</legend>
        {EfgDropReasonSchema.options.map((option) => (
          <label key={option} class="choice">
            <input
              type="radio"
              name={`${id}-reason`}
              value={option}
              checked={reason === option}
              onChange={() => setReason(option)}
            />
            {dropReasonName(option)}
          </label>
        ))}
      </fieldset>
      <Field
        id={`${id}-note`}
        label={reason === 'anders' ? t('efg.dropForm.noteRequired') : t('efg.dropForm.note')}
        error={problem}
      >
        <textarea
          id={`${id}-note`}
          class="input input-text"
          rows={2}
          value={note}
          aria-describedby={describedBy(`${id}-note`, false, problem)}
          aria-invalid={problem ? true : undefined}
          onInput={(event) => setNote(typedText(event.currentTarget))}
        />
      </Field>
      <Button type="submit" variant="danger" disabled={busy}>
        {t('efg.dropForm.save')}
      </Button>
    </form>
  );
}

function PlanForm({
  candidate,
  inspectors,
  onDone,
}: {
  candidate: EfgCandidate;
  inspectors: readonly DirectoryUser[];
  onDone: () => void;
}) {
  const [inspectorId, setInspectorId] = useState('');
  const [day, setDay] = useState(addDays(todayIso(), 7));
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const id = `efg-plan-${candidate.dwellingId}`;

  async function save() {
    if (!inspectorId.trim()) {
      setProblem(t('efg.plan.inspectorMissing'));
      return;
    }
    if (!day) {
      setProblem(t('efg.plan.dateMissing'));
      return;
    }
    setBusy(true);
    setProblem(undefined);
    try {
      await getAppStore().inspections.plan({
        module: 'energie-opname',
        targetLevel: 'verblijfsobject',
        targetId: candidate.dwellingId,
        plannedFor: day,
        inspectorId: inspectorId.trim(),
      });
      onDone();
    } catch (error) {
      setProblem(errorLine(error));
      setBusy(false);
    }
  }

  return (
    <form
      class="efg-form"
      data-testid="efg-plan-form"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      {inspectors.length > 0 ? (
        <Field id={`${id}-inspector`} label={t('efg.plan.inspector')}>
          <select
            id={`${id}-inspector`}
            class="input"
            value={inspectorId}
            onChange={(event) => setInspectorId(event.currentTarget.value)}
          >
            <option value="">{t('efg.plan.choose')}</option>
            {inspectors.map((inspector) => (
              <option key={inspector.id} value={inspector.id}>
                {inspector.displayName} ({roleName(inspector.role)})
              </option>
            ))}
          </select>
        </Field>
      ) : (
        // Without the organisation's names on this device (never online since sign-in), the
        // planner can still enter the inspector's user id.
        <Field
          id={`${id}-inspector`}
          label={t('efg.plan.inspectorId')}
          hint={t('efg.plan.noDirectory')}
        >
          <input
            id={`${id}-inspector`}
            class="input input-text"
            value={inspectorId}
            aria-describedby={`${id}-inspector-hint`}
            onInput={(event) => setInspectorId(event.currentTarget.value)}
          />
        </Field>
      )}
      <Field id={`${id}-date`} label={t('efg.plan.date')} error={problem}>
        <input
          id={`${id}-date`}
          class="input input-date"
          type="date"
          min={todayIso()}
          value={day}
          aria-describedby={describedBy(`${id}-date`, false, problem)}
          aria-invalid={problem ? true : undefined}
          onInput={(event) => setDay(event.currentTarget.value)}
        />
      </Field>
      <Button type="submit" disabled={busy}>
        {t('efg.plan.save')}
      </Button>
    </form>
  );
}
