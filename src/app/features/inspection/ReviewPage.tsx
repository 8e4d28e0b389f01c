import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { checkRecordIds } from '../../../shared/domain/check-findings.ts';
import { scoreInspection } from '../../../shared/domain/scoring/index.ts';
import type { ExplanationEntry } from '../../../shared/domain/scoring/explanation.ts';
import { findQuestion, type Template } from '../../../shared/domain/templates/template-schema.ts';
import { getAppStore, type AnswerHistoryEntry, type InspectionView } from '../../db/index.ts';
import { t } from '../../i18n/i18n.ts';
import type { MessageKey } from '../../i18n/messages.ts';
import { useLive } from '../../state/use-live.ts';
import { Banner } from '../../ui/Banner.tsx';
import { Button } from '../../ui/Button.tsx';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { ActionList } from '../common/ActionList.tsx';
import { errorText } from '../common/errors.ts';
import { useBusyAction } from '../common/use-busy-action.ts';
import {
  formatDateTime,
  localized,
  localizedAnswer,
  severityName,
  todayIso,
} from '../common/format.ts';
import { Loading } from '../common/LoadState.tsx';
import { usePromise } from '../common/use-promise.ts';
import { ReportButton } from '../reports/ReportButton.tsx';
import { authorName } from '../users/colleague-names.ts';
import { conditionText } from '../common/nen-names.ts';
import { FinishButton } from './FinishButton.tsx';
import { InspectionHeader } from './InspectionHeader.tsx';
import { labelRecordOf, summarizeScore, type Light } from './score-summary.ts';
import { InspectionFallback } from './InspectionFallback.tsx';
import { isMine, useInspection, type ReadyInspection } from './use-inspection.ts';

const outcomeKeys: Record<ExplanationEntry['outcome'], MessageKey> = {
  pass: 'explanation.pass',
  fail: 'explanation.fail',
  warn: 'explanation.warn',
  info: 'explanation.info',
};

const lightKeys: Record<Light, MessageKey> = {
  groen: 'light.groen',
  oranje: 'light.oranje',
  rood: 'light.rood',
  grijs: 'light.grijs',
};

const reasonKeys: Record<AnswerHistoryEntry['reason'], MessageKey> = {
  answered: 'history.reason.answered',
  changed: 'history.reason.changed',
  cleared: 'history.reason.cleared',
  'carried-forward': 'history.reason.carried-forward',
  confirmed: 'history.reason.confirmed',
  'reopened-correction': 'history.reason.reopened-correction',
  'photo-added': 'history.reason.photo-added',
  'photo-removed': 'history.reason.photo-removed',
  'restored-from-backup': 'history.reason.restored-from-backup',
  replaced: 'history.reason.replaced',
};

/** Finish, then the explained score: result, traffic light, blocking issues, every rule used. */
export function ReviewPage({ inspectionId }: { inspectionId: string }) {
  const data = useInspection(inspectionId);
  if (data.status !== 'ready') return <InspectionFallback data={data} />;
  return <Review {...data} />;
}

/** The day the inspection took place: finished, else started, else today. */
function inspectionDay(inspection: InspectionView): string {
  const at = inspection.finishedAt ?? inspection.startedAt;
  return at ? todayIso(new Date(at)) : todayIso();
}

function Review({ inspection, template, answers }: ReadyInspection) {
  const store = getAppStore();
  const { route } = useLocation();
  const labels = usePromise(async () => {
    if (inspection.targetLevel !== 'verblijfsobject') return [];
    const detail = await store.portfolio.dwellingDetail(inspection.targetId);
    return labelRecordOf(detail?.dwelling.energyLabel);
  }, [inspection.targetId]);
  const findings = useLive(() => store.findings.watchForInspection(inspection.id), [inspection.id]);
  const actions = useLive(() => store.actions.watchForInspection(inspection.id), [inspection.id]);
  const history = usePromise(() => store.answers.history(inspection.id), [inspection.id, answers]);
  const [confirmReopen, setConfirmReopen] = useState(false);
  const { busy, failure, run } = useBusyAction();

  if (labels.status === 'loading') return <Loading />;
  const score = scoreInspection(template, answers, {
    inspectionDate: inspectionDay(inspection),
    labelRecords: labels.status === 'ready' ? labels.value : [],
  });
  const summary = summarizeScore(score);
  const finished = inspection.status === 'finished';
  // Finishing and reopening are the inspector's; a colleague reads the result.
  const mine = isMine(inspection);
  const labelOf = (questionId: string) => {
    const question = findQuestion(template, questionId);
    return question ? localized(question.label) : questionId;
  };
  // A failed check's "Actie" links to the action finishing created for it (when it exists).
  const actionIds = new Set(actions.status === 'ready' ? actions.value.map((a) => a.id) : []);
  const actionOf = (entry: ExplanationEntry): string | undefined => {
    const questionId = entry.answersUsed[0];
    if (entry.outcome !== 'fail' || entry.answersUsed.length !== 1 || questionId === undefined)
      return undefined;
    const { actionId } = checkRecordIds(inspection.id, questionId);
    return actionIds.has(actionId) ? actionId : undefined;
  };

  const reopen = async () => {
    await run(async () => {
      await store.inspections.reopen(inspection.id);
      setConfirmReopen(false);
      route(`/inspecties/${inspection.id}`);
    });
  };

  return (
    <section class="inspection">
      <InspectionHeader
        inspection={inspection}
        template={template}
        answers={answers}
        active="review"
      />
      {!finished && mine && (
        <Banner tone="info" title={t('review.notFinished.title')}>
          {t('review.notFinished.explain')}
          <FinishButton
            inspection={inspection}
            template={template}
            answers={answers}
            onFinished={() => undefined}
          />
        </Banner>
      )}
      {failure !== undefined && (
        <Banner tone="error" title={errorText(failure).title}>
          {errorText(failure).detail}
        </Banner>
      )}

      <section class={`result result-${summary.light}`} data-testid="score-result">
        <div class="traffic-light" aria-hidden="true">
          <span class="lamp" />
        </div>
        <div>
          <h2 class="result-headline" data-testid="score-headline">
            {summary.headline}
          </h2>
          <p class="result-light" data-testid="score-light">
            {t(lightKeys[summary.light])}
            {summary.provisional && ` · ${t('review.provisional')}`}
          </p>
          {template.disclaimer && <p class="muted">{localized(template.disclaimer)}</p>}
        </div>
      </section>
      <ReportButton request={{ kind: 'inspection', inspectionId: inspection.id }} />

      {summary.blocking.length > 0 && (
        <>
          <h2>{t('review.blocking')}</h2>
          <ul class="blocking-list" data-testid="blocking">
            {summary.blocking.map((line, index) => (
              <li key={index}>{line}</li>
            ))}
          </ul>
        </>
      )}
      {summary.details.length > 0 && (
        <ul class="detail-list">
          {summary.details.map((line, index) => (
            <li key={index}>{line}</li>
          ))}
        </ul>
      )}
      {score.unanswered.length > 0 && (
        <p class="muted">{t('review.unanswered', { count: score.unanswered.length })}</p>
      )}

      <h2>{t('review.explanation')}</h2>
      <ol class="explanation" data-testid="explanation">
        {score.explanation.map((entry, index) => (
          <li key={index} class={`explanation-line outcome-${entry.outcome}`}>
            <span class="outcome">{t(outcomeKeys[entry.outcome])}</span>
            <div>
              <p class="explanation-detail">{entry.detail}</p>
              {actionOf(entry) !== undefined && (
                <p>
                  <a href={`/acties/${actionOf(entry)}`} data-testid="explanation-action">
                    {t('review.action.link')}
                  </a>
                </p>
              )}
              <p class="explanation-rule">{entry.rule.text}</p>
              <cite class="rule-source">{t('rule.source', { source: entry.rule.source })}</cite>
              {entry.answersUsed.length > 0 && (
                <p class="muted explanation-answers">
                  {t('review.answersUsed', {
                    questions: entry.answersUsed.map(labelOf).join('; '),
                  })}
                </p>
              )}
            </div>
          </li>
        ))}
      </ol>

      <h2>{t('inspection.tab.findings')}</h2>
      {findings.status === 'ready' &&
        (findings.value.length === 0 ? (
          <p class="muted">{t('finding.none')}</p>
        ) : (
          <ul class="card-list" data-testid="review-findings">
            {findings.value.map((finding) => (
              <li key={finding.id} class="card">
                <div class="card-main">
                  <strong>
                    {severityName(finding.severity)} · {finding.location}
                  </strong>
                  <div>{finding.description}</div>
                  {finding.nen2767 && <div class="muted">{conditionText(finding.nen2767)}</div>}
                </div>
              </li>
            ))}
          </ul>
        ))}
      <h2>{t('action.list')}</h2>
      {actions.status === 'ready' && <ActionList actions={actions.value} testId="review-actions" />}

      {finished && mine && (
        <div class="button-row">
          <Button variant="secondary" onClick={() => setConfirmReopen(true)}>
            {t('review.reopen')}
          </Button>
        </div>
      )}

      <h2>{t('history.title')}</h2>
      {history.status === 'ready' && <HistoryTable entries={history.value} template={template} />}

      <ConfirmDialog
        open={confirmReopen}
        title={t('review.reopen.title')}
        confirmLabel={t('review.reopen')}
        cancelLabel={t('common.cancel')}
        busy={busy}
        onCancel={() => setConfirmReopen(false)}
        onConfirm={() => void reopen()}
      >
        <p>{t('review.reopen.explain')}</p>
      </ConfirmDialog>
    </section>
  );
}

function HistoryTable({
  entries,
  template,
}: {
  entries: readonly AnswerHistoryEntry[];
  template: Template;
}) {
  if (entries.length === 0) return <p class="muted">{t('history.none')}</p>;
  const show = (questionId: string, value: AnswerHistoryEntry['oldValue']) => {
    if (!value) return t('history.empty');
    const question = findQuestion(template, questionId);
    return question ? localizedAnswer(question, value) : JSON.stringify(value);
  };
  return (
    <div class="table-scroll">
      <table class="history" data-testid="history">
        <thead>
          <tr>
            <th scope="col">{t('history.when')}</th>
            <th scope="col">{t('history.question')}</th>
            <th scope="col">{t('history.change')}</th>
            <th scope="col">{t('history.reason')}</th>
            <th scope="col">{t('history.by')}</th>
          </tr>
        </thead>
        <tbody>
          {[...entries].reverse().map((entry) => {
            const question = findQuestion(template, entry.questionId);
            return (
              <tr
                key={entry.id}
                class={entry.reason === 'reopened-correction' ? 'is-correction' : undefined}
              >
                <td>{formatDateTime(entry.at)}</td>
                <td>{question ? localized(question.label) : entry.questionId}</td>
                <td>
                  {show(entry.questionId, entry.oldValue)} →{' '}
                  {show(entry.questionId, entry.newValue)}
                </td>
                <td>{t(reasonKeys[entry.reason])}</td>
                <td data-testid="history-by">{authorName(entry.by)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
