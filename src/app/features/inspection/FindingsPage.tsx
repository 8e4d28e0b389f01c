import { useEffect, useRef, useState } from 'preact/hooks';
import { dueDateForSeverity } from '../../../shared/domain/action.ts';
import {
  getAppStore,
  type ActionView,
  type FindingChanges,
  type FindingView,
  type InspectionView,
} from '../../db/index.ts';
import { t } from '../../i18n/i18n.ts';
import { browserGeolocator } from '../../platform/geolocation.ts';
import { useLive } from '../../state/use-live.ts';
import { Badge } from '../../ui/Badge.tsx';
import { Banner } from '../../ui/Banner.tsx';
import { Button } from '../../ui/Button.tsx';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { SaveStatus } from '../../ui/SaveStatus.tsx';
import { errorText } from '../common/errors.ts';
import { useBusyAction } from '../common/use-busy-action.ts';
import { formatIsoDate, roleName, severityName, todayIso } from '../common/format.ts';
import { Loading, LoadError } from '../common/LoadState.tsx';
import { usePromise } from '../common/use-promise.ts';
import { clearDraft, readDraft, writeDraft } from './draft-store.ts';
import { conditionText } from '../common/nen-names.ts';
import { ActionFields, FindingFields } from './FindingFields.tsx';
import {
  actionProblems,
  emptyNewFindingDraft,
  findingProblems,
  toNewAction,
  toNewFinding,
  withSeverity,
  type ActionDraft,
  type FindingDraft,
  type NewFindingDraft,
} from './finding-form.ts';
import { InspectionHeader } from './InspectionHeader.tsx';
import { PhotoSlot } from './PhotoSlot.tsx';
import { AutosaveError } from './AutosaveError.tsx';
import { recordDevicePosition } from './record-position.ts';
import { useAutosave } from './use-autosave.ts';
import { InspectionFallback } from './InspectionFallback.tsx';
import { isEditable, useInspection, type ReadyInspection } from './use-inspection.ts';

const TYPING_PAUSE_MS = 600;

function saveLabels() {
  return {
    pending: t('save.pending'),
    saving: t('save.saving'),
    saved: t('save.saved'),
    error: t('save.error'),
  };
}

/** The pand an action belongs to: the inspected pand, or the pand of the inspected dwelling. */
async function pandOf(inspection: InspectionView): Promise<string | undefined> {
  if (inspection.targetLevel === 'pand') return inspection.targetId;
  if (inspection.targetLevel !== 'verblijfsobject') return undefined;
  const detail = await getAppStore().portfolio.dwellingDetail(inspection.targetId);
  return detail?.dwelling.pandId;
}

/** Findings of an inspection, each with its action; a new one is added with the form on top. */
export function FindingsPage({ inspectionId }: { inspectionId: string }) {
  const data = useInspection(inspectionId);
  if (data.status !== 'ready') return <InspectionFallback data={data} />;
  return <Findings {...data} />;
}

function Findings({ inspection, template, answers }: ReadyInspection) {
  const store = getAppStore();
  const findings = useLive(() => store.findings.watchForInspection(inspection.id), [inspection.id]);
  const actions = useLive(() => store.actions.watchForInspection(inspection.id), [inspection.id]);
  const pandId = usePromise(() => pandOf(inspection), [inspection.id]);
  const editable = isEditable(inspection);
  const context = {
    moduleId: inspection.module,
    pandId: pandId.status === 'ready' ? pandId.value : undefined,
  };
  return (
    <section class="inspection">
      <InspectionHeader
        inspection={inspection}
        template={template}
        answers={answers}
        active="findings"
      />
      {editable && (
        <>
          <h2>{t('finding.new')}</h2>
          <NewFindingForm inspection={inspection} context={context} />
        </>
      )}
      <h2>
        {t('finding.list', {
          count: findings.status === 'ready' ? findings.value.length : 0,
        })}
      </h2>
      {findings.status === 'loading' && <Loading />}
      {findings.status === 'error' && <LoadError error={findings.error} />}
      {findings.status === 'ready' &&
        (findings.value.length === 0 ? (
          <p class="muted">{t('finding.none')}</p>
        ) : (
          <ul class="finding-list" data-testid="finding-list">
            {findings.value.map((finding) => (
              <li key={finding.id}>
                <FindingCard
                  finding={finding}
                  actions={
                    actions.status === 'ready'
                      ? actions.value.filter((action) => action.findingId === finding.id)
                      : []
                  }
                  editable={editable}
                  inspection={inspection}
                  context={context}
                />
              </li>
            ))}
          </ul>
        ))}
    </section>
  );
}

type ActionContext = Parameters<typeof toNewAction>[1];

function NewFindingForm({
  inspection,
  context,
}: {
  inspection: InspectionView;
  context: ActionContext;
}) {
  const draftKey = `schouw.findingDraft.${inspection.id}`;
  const [draft, setDraft] = useState<NewFindingDraft>(
    () => readDraft<NewFindingDraft>(draftKey) ?? emptyNewFindingDraft(inspection.module),
  );
  const [showErrors, setShowErrors] = useState(false);
  const { busy, failure, run } = useBusyAction();
  const [saved, setSaved] = useState(false);
  const today = todayIso();

  const update = (next: NewFindingDraft) => {
    setDraft(next);
    setSaved(false);
    writeDraft(draftKey, next);
  };
  const onFinding = (patch: Partial<FindingDraft>) => {
    const next = { ...draft, finding: { ...draft.finding, ...patch } };
    update(patch.severity ? withSeverity(next, patch.severity, today) : next);
  };
  const onAction = (patch: Partial<ActionDraft>) =>
    update({ ...draft, action: { ...draft.action, ...patch } });

  const findingErrors = findingProblems(draft.finding);
  const actionErrors = actionProblems(draft.action);
  const proposed = draft.finding.severity
    ? dueDateForSeverity(draft.finding.severity, today)
    : undefined;

  const submit = async () => {
    if (Object.keys(findingErrors).length > 0 || Object.keys(actionErrors).length > 0) {
      setShowErrors(true);
      return;
    }
    await run(async () => {
      const store = getAppStore();
      const finding = toNewFinding(draft.finding);
      const created = draft.action.enabled
        ? (
            await store.findings.createWithAction(
              inspection.id,
              finding,
              toNewAction(draft.action, context),
            )
          ).finding
        : await store.findings.create(inspection.id, finding);
      // A photo's GPS may already have placed the finding; otherwise ask the device.
      if (!finding.position)
        void recordDevicePosition(
          (position) => store.findings.update(created.id, { position }),
          browserGeolocator,
        );
      clearDraft(draftKey);
      setDraft(emptyNewFindingDraft(inspection.module));
      setShowErrors(false);
      setSaved(true);
    });
  };

  return (
    <div class="panel new-finding" data-testid="new-finding">
      <p class="muted">{t('finding.draftKept')}</p>
      <FindingFields
        value={draft.finding}
        onChange={onFinding}
        errors={showErrors ? findingErrors : {}}
        readOnly={busy}
      />
      <label class="switch">
        <input
          type="checkbox"
          checked={draft.action.enabled}
          onChange={(event) => onAction({ enabled: event.currentTarget.checked })}
        />
        <span>{t('action.enable')}</span>
      </label>
      {draft.action.enabled && (
        <ActionFields
          value={draft.action}
          onChange={onAction}
          errors={showErrors ? actionErrors : {}}
          readOnly={busy}
          proposedDueDate={proposed}
        />
      )}
      {showErrors &&
        (Object.keys(findingErrors).length > 0 || Object.keys(actionErrors).length > 0) && (
          <Banner tone="error" title={t('finding.error.title')} />
        )}
      {failure !== undefined && (
        <Banner tone="error" title={errorText(failure).title}>
          {errorText(failure).detail}
        </Banner>
      )}
      <div class="button-row">
        <Button disabled={busy} onClick={() => void submit()}>
          {draft.action.enabled ? t('finding.addWithAction') : t('finding.add')}
        </Button>
        {saved && (
          <span class="save-status is-saved" role="status">
            {t('finding.added')}
          </span>
        )}
      </div>
    </div>
  );
}

function toDraft(finding: FindingView): FindingDraft {
  return {
    location: finding.location,
    description: finding.description,
    severity: finding.severity,
    nenEnabled: finding.nen2767 !== undefined,
    ernst: finding.nen2767?.ernst ?? '',
    intensiteit: finding.nen2767?.intensiteit ?? 0,
    omvang: finding.nen2767?.omvang ?? 0,
  };
}

/** Only what differs from the stored finding, so an edit never overwrites untouched fields. */
function findingChanges(stored: FindingView, draft: FindingDraft): FindingChanges {
  const next = toNewFinding(draft);
  const changes: FindingChanges = {};
  if (next.location !== stored.location) changes.location = next.location;
  if (next.description !== stored.description) changes.description = next.description;
  if (next.severity !== stored.severity) changes.severity = next.severity;
  if (next.nen2767 && JSON.stringify(next.nen2767) !== JSON.stringify(stored.nen2767))
    changes.nen2767 = next.nen2767;
  return changes;
}

function FindingCard({
  finding,
  actions,
  editable,
  inspection,
  context,
}: {
  finding: FindingView;
  actions: readonly ActionView[];
  editable: boolean;
  inspection: InspectionView;
  context: ActionContext;
}) {
  const store = getAppStore();
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(() => toDraft(finding));
  const latest = useRef(finding);
  latest.current = finding;
  useEffect(() => {
    if (!editing) setDraft(toDraft(finding));
  }, [finding, editing]);
  const autosave = useAutosave<FindingDraft>(async (value) => {
    const changes = findingChanges(latest.current, value);
    if (Object.keys(changes).length > 0) await store.findings.update(finding.id, changes);
  });
  const problems = findingProblems(draft);
  const onChange = (patch: Partial<FindingDraft>, typing: boolean) => {
    const next = { ...draft, ...patch };
    setDraft(next);
    if (Object.keys(findingProblems(next)).length === 0)
      autosave.save(next, typing ? TYPING_PAUSE_MS : 0);
  };
  const [confirmRemove, setConfirmRemove] = useState(false);
  const [failure, setFailure] = useState<unknown>(undefined);

  return (
    <article class="finding-card" data-testid="finding">
      <header class="finding-head">
        <Badge
          tone={
            finding.severity === 'direct-gevaar'
              ? 'error'
              : finding.severity === 'ernstig'
                ? 'warn'
                : 'neutral'
          }
        >
          {severityName(finding.severity)}
        </Badge>
        <strong>{finding.location}</strong>
        {finding.nen2767 && <span class="muted">{conditionText(finding.nen2767)}</span>}
      </header>
      {editing ? (
        <>
          <FindingFields
            value={draft}
            onChange={onChange}
            errors={problems}
            readOnly={!editable}
            allowNenOff={false}
          />
          <SaveStatus state={autosave.state} labels={saveLabels()} />
        </>
      ) : (
        <p>{finding.description}</p>
      )}
      <AutosaveError autosave={autosave} />
      <PhotoSlot
        owner={{ inspectionId: inspection.id, findingId: finding.id }}
        readOnly={!editable}
        onAdded={(position) => {
          if (position && !latest.current.position)
            void store.findings.update(finding.id, {
              position: {
                lat: position.lat,
                lon: position.lon,
                accuracyM: position.accuracyM ?? 0,
              },
            });
        }}
      />
      <h3 class="finding-subtitle">{t('action.title')}</h3>
      {actions.map((action) => (
        <ActionEditor
          key={action.id}
          action={action}
          editable={editable}
          severity={finding.severity}
        />
      ))}
      {actions.length === 0 && (
        <AddAction
          finding={finding}
          inspection={inspection}
          context={context}
          editable={editable}
        />
      )}
      {editable && (
        <div class="button-row">
          <Button variant="secondary" onClick={() => setEditing(!editing)}>
            {editing ? t('finding.doneEditing') : t('finding.edit')}
          </Button>
          <Button variant="danger" onClick={() => setConfirmRemove(true)}>
            {t('finding.remove')}
          </Button>
        </div>
      )}
      {failure !== undefined && (
        <Banner tone="error" title={errorText(failure).title}>
          {errorText(failure).detail}
        </Banner>
      )}
      <ConfirmDialog
        open={confirmRemove}
        title={t('finding.remove.title')}
        confirmLabel={t('finding.remove')}
        cancelLabel={t('common.cancel')}
        onCancel={() => setConfirmRemove(false)}
        onConfirm={() => {
          setConfirmRemove(false);
          store.findings.remove(finding.id).catch(setFailure);
        }}
      >
        <p>{t('finding.remove.explain')}</p>
      </ConfirmDialog>
    </article>
  );
}

function actionDraftOf(action: ActionView): ActionDraft {
  return {
    enabled: true,
    what: action.what,
    ownerRole: action.ownerRole,
    dueDate: action.dueDate,
    dueDateEdited: true,
  };
}

function ActionEditor({
  action,
  editable,
  severity,
}: {
  action: ActionView;
  editable: boolean;
  severity: FindingView['severity'];
}) {
  const store = getAppStore();
  const [draft, setDraft] = useState(() => actionDraftOf(action));
  const latest = useRef(action);
  latest.current = action;
  const focused = useRef(false);
  useEffect(() => {
    if (!focused.current) setDraft(actionDraftOf(action));
  }, [action]);
  const autosave = useAutosave<ActionDraft>(async (value) => {
    const stored = latest.current;
    const changes: Parameters<typeof store.actions.update>[1] = {};
    if (value.what.trim() !== stored.what) changes.what = value.what.trim();
    if (value.ownerRole !== stored.ownerRole) changes.ownerRole = value.ownerRole;
    if (value.dueDate !== stored.dueDate) changes.dueDate = value.dueDate;
    if (Object.keys(changes).length > 0) await store.actions.update(stored.id, changes);
  });
  const problems = actionProblems(draft);
  const day = todayIso(new Date(action.history[0]?.at ?? Date.now()));
  const canEdit = editable && (action.status === 'open' || action.status === 'in-behandeling');
  if (!canEdit)
    return (
      <p class="action-summary" data-testid="action">
        <strong>{action.what}</strong>{' '}
        <span class="muted">
          {t('actions.ownerDue', {
            role: roleName(action.ownerRole),
            date: formatIsoDate(action.dueDate),
          })}
        </span>
      </p>
    );
  return (
    <div
      class="action-editor"
      data-testid="action"
      onFocusCapture={() => {
        focused.current = true;
      }}
      onBlurCapture={() => {
        focused.current = false;
        void autosave.flush();
      }}
    >
      <ActionFields
        value={draft}
        onChange={(patch, typing) => {
          const next = { ...draft, ...patch };
          setDraft(next);
          if (Object.keys(actionProblems(next)).length === 0)
            autosave.save(next, typing ? TYPING_PAUSE_MS : 0);
        }}
        errors={problems}
        readOnly={false}
        proposedDueDate={dueDateForSeverity(severity, day)}
      />
      <SaveStatus state={autosave.state} labels={saveLabels()} />
      <AutosaveError autosave={autosave} />
    </div>
  );
}

function AddAction({
  finding,
  inspection,
  context,
  editable,
}: {
  finding: FindingView;
  inspection: InspectionView;
  context: ActionContext;
  editable: boolean;
}) {
  const proposed = dueDateForSeverity(finding.severity, todayIso(new Date(finding.createdAt)));
  // Kept like the new-finding form: an action being typed survives closing the app.
  const draftKey = `schouw.actionDraft.${finding.id}`;
  const [draft, setDraftState] = useState<ActionDraft | undefined>(() =>
    readDraft<ActionDraft>(draftKey),
  );
  const setDraft = (next: ActionDraft | undefined) => {
    setDraftState(next);
    if (next) writeDraft(draftKey, next);
    else clearDraft(draftKey);
  };
  const [showErrors, setShowErrors] = useState(false);
  const [failure, setFailure] = useState<unknown>(undefined);
  if (!editable) return <p class="muted">{t('actions.none')}</p>;
  if (!draft)
    return (
      <Button
        variant="secondary"
        onClick={() =>
          setDraft({
            ...emptyNewFindingDraft(inspection.module).action,
            dueDate: proposed,
          })
        }
      >
        {t('action.add')}
      </Button>
    );
  const problems = actionProblems(draft);
  const submit = async () => {
    if (Object.keys(problems).length > 0) {
      setShowErrors(true);
      return;
    }
    try {
      await getAppStore().actions.create({
        ...toNewAction(draft, context),
        findingId: finding.id,
        inspectionId: inspection.id,
      });
      setDraft(undefined);
    } catch (error) {
      setFailure(error);
    }
  };
  return (
    <div class="panel">
      <ActionFields
        value={draft}
        onChange={(patch) => setDraft({ ...draft, ...patch })}
        errors={showErrors ? problems : {}}
        readOnly={false}
        proposedDueDate={proposed}
      />
      {failure !== undefined && (
        <Banner tone="error" title={errorText(failure).title}>
          {errorText(failure).detail}
        </Banner>
      )}
      <div class="button-row">
        <Button onClick={() => void submit()}>{t('action.addConfirm')}</Button>
        <Button variant="secondary" onClick={() => setDraft(undefined)}>
          {t('common.cancel')}
        </Button>
      </div>
    </div>
  );
}
