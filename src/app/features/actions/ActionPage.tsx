import { useState } from 'preact/hooks';
import type { ActionStatus } from '../../../shared/domain/action.ts';
import { getAppStore, type ActionView, type Live, type PhotoView } from '../../db/index.ts';
import { t } from '../../i18n/i18n.ts';
import { session } from '../../state/session.ts';
import { refusalOf } from '../../state/sync-status.ts';
import { useLive } from '../../state/use-live.ts';
import { Banner } from '../../ui/Banner.tsx';
import { Button } from '../../ui/Button.tsx';
import { describedBy, Field } from '../../ui/Field.tsx';
import { errorLine } from '../common/errors.ts';
import { actionStatusName, roleName } from '../common/format.ts';
import { LoadFallback } from '../common/LoadState.tsx';
import { usePromise } from '../common/use-promise.ts';
import { PhotoCapture } from '../photos/index.ts';
import { ActionCard } from './ActionCard.tsx';
import { ActionStepPhotos } from './ActionStepPhotos.tsx';
import { actionInContext } from './action-context.ts';
import { transitionOptions } from './action-options.ts';
import { HistoryStep } from './HistoryStep.tsx';
import { typedText } from '../../ui/typed-text.ts';

/** One action: where it belongs, its history, and the status changes the signed-in role may make. */
export function ActionPage({ actionId }: { actionId: string }) {
  const action = useLive(() => getAppStore().actions.watch(actionId), [actionId]);
  if (action.status !== 'ready' || !action.value)
    return <LoadFallback state={action} backHref="/acties" backLabel={t('actions.back')} />;
  return <ActionDetail action={action.value} />;
}

function ActionDetail({ action }: { action: ActionView }) {
  const item = usePromise(() => actionInContext(action), [action]);
  // A change of mine the server refused: the page shows the server's action, and says so.
  const refusal = refusalOf('action', action.id);
  return (
    <section>
      <a href="/acties">{t('actions.back')}</a>
      <h1>{action.what}</h1>
      {refusal !== undefined && (
        <Banner
          tone="error"
          title={t('refused.notice', { reason: refusal.reason })}
          testId="refused-notice"
        >
          {t('sync.rejectedReverted')}
        </Banner>
      )}
      {item.status === 'ready' && (
        <ul class="card-list">
          <ActionCard item={item.value} />
        </ul>
      )}
      {action.findingId && <FindingPhotos findingId={action.findingId} />}
      <h2>{t('actions.history')}</h2>
      <ol class="history-list" data-testid="action-history">
        {action.history.map((entry) => (
          <li key={`${entry.status}-${entry.at}`}>
            <HistoryStep entry={entry} />
            {entry.photoIds && <ActionStepPhotos hashes={entry.photoIds} />}
          </li>
        ))}
      </ol>
      <StatusForm key={action.status} action={action} />
    </section>
  );
}

/** The photos of the finding the action came from: what has to be fixed, seen on site. */
function FindingPhotos({ findingId }: { findingId: string }) {
  const finding = usePromise(() => getAppStore().findings.get(findingId), [findingId]);
  if (finding.status !== 'ready' || !finding.value || finding.value.photoIds.length === 0)
    return null;
  return (
    <>
      <h2>{t('actions.findingPhotos')}</h2>
      <ActionStepPhotos hashes={finding.value.photoIds} testId="finding-photos" />
    </>
  );
}

function StatusForm({ action }: { action: ActionView }) {
  const user = session.value?.user;
  const [to, setTo] = useState<ActionStatus | undefined>(undefined);
  const [note, setNote] = useState('');
  const [noteMissing, setNoteMissing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [refused, setRefused] = useState<string | undefined>(undefined);
  const photoIds = usePendingEvidence(action);

  if (!user)
    return (
      <Banner tone="info" title={t('actions.change.title')}>
        {t('actions.signInNeeded')} <a href="/account">{t('nav.account')}</a>
      </Banner>
    );
  const options = transitionOptions(action, user.role);
  const chosen = options.find((option) => option.to === to);
  const fireSafetyClosedToRole =
    action.moduleId === 'brandveiligheidsronde' &&
    (action.status === 'open' || action.status === 'in-behandeling') &&
    !options.some((option) => option.to === 'afgerond');

  async function save() {
    if (!chosen || !user) return;
    if (chosen.requiresNote && !note.trim()) {
      setNoteMissing(true);
      return;
    }
    setBusy(true);
    setRefused(undefined);
    try {
      // The store applies the domain rules again; its Dutch reason is shown if it refuses.
      await getAppStore().actions.transition(
        action.id,
        chosen.to,
        { userId: user.id, role: user.role },
        note.trim() || undefined,
        photoIds,
      );
    } catch (error) {
      setRefused(errorLine(error));
      setBusy(false);
    }
  }

  const noteError = noteMissing && !note.trim() ? t('actions.note.missing') : undefined;
  // A closing step may carry photos (the repaired door); the photo needs the action's inspection.
  const closing = chosen?.to === 'afgerond' || chosen?.to === 'vervallen';
  const inspectionId = action.inspectionId;
  return (
    <form
      class="status-form"
      data-testid="status-form"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <h2>{t('actions.change.title')}</h2>
      {fireSafetyClosedToRole && (
        <p class="muted" data-testid="fire-safety-note">
          {t('actions.fireSafetyOnly', { role: roleName(user.role) })}
        </p>
      )}
      {options.length === 0 ? (
        <p class="muted">{t('actions.noOptions', { role: roleName(user.role) })}</p>
      ) : (
        <>
          <fieldset class="choice-group">
            <legend>{t('actions.change.to')}</legend>
            {options.map((option) => (
              <label key={option.to} class="choice">
                <input
                  type="radio"
                  name="action-status"
                  value={option.to}
                  checked={to === option.to}
                  onChange={() => setTo(option.to)}
                />
                {actionStatusName(option.to)}
              </label>
            ))}
          </fieldset>
          <Field
            id="action-note"
            label={chosen?.requiresNote ? t('actions.note.required') : t('actions.note')}
            error={noteError}
          >
            <textarea
              id="action-note"
              class="input input-text"
              rows={3}
              value={note}
              aria-describedby={describedBy('action-note', false, noteError)}
              aria-invalid={noteError ? true : undefined}
              onInput={(event) => setNote(typedText(event.currentTarget))}
            />
          </Field>
          {closing && inspectionId !== undefined && (
            <div class="field" data-testid="action-photo">
              <div class="field-label">{t('actions.photo.title')}</div>
              <div class="field-hint">{t('actions.photo.help')}</div>
              <PhotoCapture owner={{ inspectionId, actionId: action.id }} />
              {photoIds.length > 0 && (
                <p class="muted" data-testid="action-photo-count">
                  {t('actions.photo.taken', { count: photoIds.length })}
                </p>
              )}
              <ActionStepPhotos hashes={photoIds} />
            </div>
          )}
          {refused && (
            <Banner tone="error" testId="status-refused">
              {refused}
            </Banner>
          )}
          <Button type="submit" disabled={!chosen || busy}>
            {t('actions.save')}
          </Button>
        </>
      )}
    </form>
  );
}

const NO_PHOTOS: Live<PhotoView[]> = {
  subscribe: (onValue) => {
    onValue([]);
    return () => undefined;
  },
};

/**
 * Evidence photos taken for this action that no step references yet: they are stored (durable)
 * the moment they are taken, and linked to the step that is saved next, also after a reload.
 */
function usePendingEvidence(action: ActionView): string[] {
  const inspectionId = action.inspectionId;
  const photos = useLive(
    () => (inspectionId ? getAppStore().photos.watchForInspection(inspectionId) : NO_PHOTOS),
    [inspectionId],
  );
  if (photos.status !== 'ready') return [];
  const linked = new Set(action.history.flatMap((entry) => entry.photoIds ?? []));
  return photos.value
    .filter((photo) => photo.actionId === action.id && !linked.has(photo.hash))
    .map((photo) => photo.hash);
}
