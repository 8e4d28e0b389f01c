import { useState } from 'preact/hooks';
import {
  EfgTargetSchema,
  type EfgProgress,
  type EfgTarget,
} from '../../../shared/domain/efg-progress.ts';
import { efgTransitions, type EfgWorkflowStatus } from '../../../shared/domain/efg-status.ts';
import {
  efgPhaseOutDeadline,
  rentedMinimumDDeadline,
} from '../../../shared/domain/energy-label.ts';
import { getAppStore } from '../../db/index.ts';
import { t } from '../../i18n/i18n.ts';
import { online } from '../../state/connectivity.ts';
import { authToken } from '../../state/session.ts';
import { Banner } from '../../ui/Banner.tsx';
import { Button } from '../../ui/Button.tsx';
import { Fact } from '../../ui/Fact.tsx';
import { describedBy, Field } from '../../ui/Field.tsx';
import { formatIsoDate } from '../common/format.ts';
import { EfgChart } from './EfgChart.tsx';
import { efgStatusName } from './efg-list.ts';
import { saveEfgTarget } from './efg-target-api.ts';

const STATUSES = Object.keys(efgTransitions) as EfgWorkflowStatus[];

/** Counts against the organisation's target, the chart over time, and (for the team) the target. */
export function EfgProgressPanel({
  progress,
  canEdit,
}: {
  progress: EfgProgress;
  canEdit: boolean;
}) {
  const { target } = progress;
  return (
    <section class="efg-progress" data-testid="efg-progress" aria-labelledby="efg-progress-title">
      <h2 id="efg-progress-title">{t('efg.progress.title')}</h2>
      <p data-testid="efg-target">
        {t('efg.progress.target', {
          share: target.sharePercent,
          date: formatIsoDate(target.deadline),
        })}
      </p>
      <dl class="facts">
        <Fact label={t('efg.progress.total')} testId="efg-count-total">
          {progress.total}
        </Fact>
        <Fact label={t('efg.progress.out')} testId="efg-count-out">
          {progress.out}
        </Fact>
        <Fact label={t('efg.progress.dropped')} testId="efg-count-dropped">
          {progress.dropped}
        </Fact>
        <Fact label={t('efg.progress.remaining')} testId="efg-count-remaining">
          {progress.remaining}
        </Fact>
        <Fact label={t('efg.progress.needed')} wide testId="efg-count-needed">
          {progress.stillNeeded === 0
            ? t('efg.progress.met')
            : progress.monthsLeft === 0
              ? t('efg.progress.neededLate', { count: progress.stillNeeded })
              : t('efg.progress.neededPace', {
                  count: progress.stillNeeded,
                  perMonth: progress.perMonthNeeded,
                  months: progress.monthsLeft,
                })}
        </Fact>
      </dl>
      <ul class="efg-status-counts" data-testid="efg-status-counts">
        {STATUSES.map((status) => (
          <li key={status} data-status={status}>
            {efgStatusName(status)}: <strong>{progress.byStatus[status]}</strong>
          </li>
        ))}
      </ul>
      <EfgChart progress={progress} />
      <p class="muted note">
        {efgPhaseOutDeadline.rule.text} ({efgPhaseOutDeadline.rule.source}).{' '}
        {rentedMinimumDDeadline.rule.text}
      </p>
      {canEdit && <TargetForm key={`${target.deadline}-${target.sharePercent}`} target={target} />}
    </section>
  );
}

function TargetForm({ target }: { target: EfgTarget }) {
  const [deadline, setDeadline] = useState(target.deadline);
  const [share, setShare] = useState(String(target.sharePercent));
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  async function save() {
    setSaved(false);
    const parsed = EfgTargetSchema.safeParse({ deadline, sharePercent: Number(share) });
    if (!parsed.success) {
      setProblem(parsed.error.issues[0]?.message ?? t('efg.target.invalid'));
      return;
    }
    const token = authToken();
    if (!token) {
      setProblem(t('efg.target.signIn'));
      return;
    }
    setBusy(true);
    setProblem(undefined);
    const result = await saveEfgTarget(token, parsed.data);
    if (result.ok) {
      await getAppStore().efg.rememberTarget(result.value.target);
      setSaved(true);
    } else {
      setProblem(
        result.kind === 'offline'
          ? t('efg.target.offline')
          : (result.message ?? t('efg.target.refused')),
      );
    }
    setBusy(false);
  }

  return (
    <details class="efg-target-form">
      <summary>{t('efg.target.change')}</summary>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <p class="muted">{t('efg.target.explain')}</p>
        <Field id="efg-target-deadline" label={t('efg.target.deadline')}>
          <input
            id="efg-target-deadline"
            class="input input-date"
            type="date"
            required
            value={deadline}
            onInput={(event) => setDeadline(event.currentTarget.value)}
          />
        </Field>
        <Field id="efg-target-share" label={t('efg.target.share')} error={problem}>
          <input
            id="efg-target-share"
            class="input input-number"
            type="number"
            inputMode="numeric"
            min={1}
            max={100}
            required
            value={share}
            aria-describedby={describedBy('efg-target-share', false, problem)}
            aria-invalid={problem ? true : undefined}
            onInput={(event) => setShare(event.currentTarget.value)}
          />
        </Field>
        {!online.value && <p class="muted">{t('efg.target.offline')}</p>}
        {saved && (
          <Banner tone="ok" testId="efg-target-saved">
            {t('efg.target.saved')}
          </Banner>
        )}
        <Button type="submit" disabled={busy || !online.value}>
          {t('efg.target.save')}
        </Button>
      </form>
    </details>
  );
}
