import { useId, useState } from 'preact/hooks';
import { may, RoundFrequencySchema, type RoundFrequency } from '../../../shared/domain/index.ts';
import { getAppStore, type RoundScheduleView } from '../../db/index.ts';
import { t } from '../../i18n/i18n.ts';
import { session } from '../../state/session.ts';
import { Banner } from '../../ui/Banner.tsx';
import { Button } from '../../ui/Button.tsx';
import { errorText } from '../common/errors.ts';
import { todayIso } from '../common/format.ts';
import { useBusyAction } from '../common/use-busy-action.ts';
import { frequencyName } from './fire-safety-format.ts';
import { typedText } from '../../ui/typed-text.ts';

interface ScheduleFields {
  frequency: RoundFrequency;
  startsOn: string;
  active: boolean;
  note: string;
}

/**
 * A pand's round schedule: frequency, the date the first round is due, paused or not, and a
 * note. Saved on the device at once (with its outbox op); the server checks the role again.
 * Only the fields the user changed are taken from the form: the others follow the stored
 * (live) schedule, so saving never undoes a colleague's change that synced in meanwhile.
 */
export function ScheduleEditor({
  pandId,
  schedule,
}: {
  pandId: string;
  /** The stored schedule, kept current by a live query; undefined when there is none. */
  schedule: RoundScheduleView | undefined;
}) {
  const id = useId();
  const role = session.value?.user.role;
  const canPlan = role !== undefined && may(role, 'brandronde.plannen');
  const [edits, setEdits] = useState<Partial<ScheduleFields>>({});
  const [saved, setSaved] = useState(false);
  const { busy, failure, run } = useBusyAction();

  if (!canPlan)
    return (
      <p class="muted" data-testid="schedule-read-only">
        {t('fireSafety.schedule.readOnly')}
      </p>
    );

  const fields: ScheduleFields = {
    frequency: schedule?.frequency ?? 'per-kwartaal',
    startsOn: schedule?.startsOn ?? todayIso(),
    active: schedule?.active ?? true,
    note: schedule?.note ?? '',
    ...edits,
  };
  const edit = (change: Partial<ScheduleFields>) => {
    setSaved(false);
    setEdits((current) => ({ ...current, ...change }));
  };
  const save = () =>
    run(async () => {
      await getAppStore().roundSchedules.save({ pandId, ...fields });
      setEdits({});
      setSaved(true);
    });

  return (
    <form
      class="schedule-editor"
      data-testid="schedule-editor"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <fieldset class="choice-group">
        <legend>{t('fireSafety.schedule.frequency')}</legend>
        {RoundFrequencySchema.options.map((option) => (
          <label key={option} class="choice">
            <input
              type="radio"
              name={`${id}-frequency`}
              value={option}
              checked={fields.frequency === option}
              onChange={() => edit({ frequency: option })}
            />
            {frequencyName(option)}
          </label>
        ))}
      </fieldset>
      <div class="field">
        <label class="field-label" for={`${id}-starts`}>
          {t('fireSafety.schedule.startsOn')}
        </label>
        <input
          id={`${id}-starts`}
          class="input"
          type="date"
          required
          value={fields.startsOn}
          onInput={(event) => edit({ startsOn: event.currentTarget.value })}
        />
      </div>
      <label class="choice">
        <input
          type="checkbox"
          checked={fields.active}
          onChange={(event) => edit({ active: event.currentTarget.checked })}
        />
        {t('fireSafety.schedule.active')}
      </label>
      <div class="field">
        <label class="field-label" for={`${id}-note`}>
          {t('fireSafety.schedule.note')}
        </label>
        <textarea
          id={`${id}-note`}
          class="input input-text"
          rows={2}
          maxLength={2000}
          value={fields.note}
          onInput={(event) => edit({ note: typedText(event.currentTarget) })}
        />
      </div>
      {failure !== undefined && (
        <Banner tone="error" title={errorText(failure).title}>
          {errorText(failure).detail}
        </Banner>
      )}
      <div class="button-row">
        <Button type="submit" disabled={busy || !fields.startsOn}>
          {t('fireSafety.schedule.save')}
        </Button>
        <span role="status" class="muted" data-testid="schedule-saved">
          {saved ? t('fireSafety.schedule.saved') : ''}
        </span>
      </div>
    </form>
  );
}
