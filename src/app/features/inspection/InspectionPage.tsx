import { useEffect, useMemo, useRef } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { missingRequired, questionStates } from '../../../shared/domain/templates/evaluate.ts';
import { getAppStore, type AnswerHistoryEntry } from '../../db/index.ts';
import { t } from '../../i18n/i18n.ts';
import { ButtonLink } from '../../ui/ButtonLink.tsx';
import { localized } from '../common/format.ts';
import { usePromise } from '../common/use-promise.ts';
import { InspectionHeader } from './InspectionHeader.tsx';
import { QuestionField } from './QuestionField.tsx';
import { FinishButton } from './FinishButton.tsx';
import { groupStatuses } from './group-status.ts';
import { InspectionFallback } from './InspectionFallback.tsx';
import { isEditable, isMine, useInspection, type ReadyInspection } from './use-inspection.ts';

/** The questionnaire: one question group per screen (`?groep=n`, counted from 1). */
export function InspectionPage({ inspectionId }: { inspectionId: string }) {
  const data = useInspection(inspectionId);
  if (data.status !== 'ready') return <InspectionFallback data={data} />;
  return <Questionnaire {...data} />;
}

function Questionnaire({ inspection, template, answers }: ReadyInspection) {
  const store = getAppStore();
  const { query, route, path } = useLocation();
  const groupCount = template.groups.length;
  const requested = Number.parseInt(query.groep ?? '1', 10);
  const index = Number.isFinite(requested) ? Math.min(Math.max(requested, 1), groupCount) - 1 : 0;
  const group = template.groups[index]!;
  const readOnly = !isEditable(inspection);

  const states = useMemo(() => questionStates(template, answers), [template, answers]);
  const missing = useMemo(() => new Set(missingRequired(template, answers)), [template, answers]);
  const statuses = groupStatuses(template, states, missing);
  // The audit trail, re-read whenever the answers change; corrections show under their question.
  const history = usePromise(() => store.answers.history(inspection.id), [inspection.id, answers]);
  // An answer of mine that a later edit on another device replaced (a pull that won): the
  // history keeps my value; the question says who changed it.
  const replaced = useMemo(() => {
    const map = new Map<string, AnswerHistoryEntry>();
    if (history.status !== 'ready' || !isMine(inspection)) return map;
    for (const entry of history.value) {
      if (entry.by !== undefined && entry.reason === 'replaced') map.set(entry.questionId, entry);
      else map.delete(entry.questionId);
    }
    return map;
  }, [history]);
  const corrections = useMemo(() => {
    const map = new Map<string, AnswerHistoryEntry[]>();
    if (history.status !== 'ready') return map;
    for (const entry of history.value) {
      if (entry.reason !== 'reopened-correction') continue;
      map.set(entry.questionId, [...(map.get(entry.questionId) ?? []), entry]);
    }
    return map;
  }, [history]);

  // Opening a planned inspection starts it.
  useEffect(() => {
    if (inspection.status === 'planned' && isMine(inspection))
      void store.inspections.resume(inspection.id);
  }, [inspection.id, inspection.status]);

  const heading = useRef<HTMLHeadingElement>(null);
  const firstRender = useRef(true);
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    window.scrollTo(0, 0);
    heading.current?.focus();
  }, [index]);

  const groupHref = (n: number) => `${path}?groep=${n + 1}`;
  const visible = states.filter(
    (state) =>
      state.visible && group.questions.some((question) => question.id === state.question.id),
  );

  return (
    <section class="inspection">
      <InspectionHeader
        inspection={inspection}
        template={template}
        answers={answers}
        active="questions"
      />
      <nav class="group-nav" aria-label={t('inspection.groups')}>
        <ol>
          {template.groups.map((item, n) => {
            const status = statuses[n]!;
            const done = status.open === 0;
            return (
              <li key={item.id}>
                <a
                  href={groupHref(n)}
                  class={['group-link', done ? 'is-done' : ''].join(' ')}
                  aria-current={n === index ? 'step' : undefined}
                >
                  <span class="group-number" aria-hidden="true">
                    {done ? '✓' : n + 1}
                  </span>
                  <span>
                    {localized(item.title)}
                    <span class="group-state">
                      {done ? t('group.done') : t('group.open', { open: status.open })}
                    </span>
                  </span>
                </a>
              </li>
            );
          })}
        </ol>
      </nav>
      <h2 ref={heading} tabIndex={-1} class="group-title">
        {t('group.title', { n: index + 1, total: groupCount, title: localized(group.title) })}
      </h2>
      <div class="questions">
        {visible.map((state) => (
          <QuestionField
            key={state.question.id}
            inspectionId={inspection.id}
            state={state}
            readOnly={readOnly}
            corrections={corrections.get(state.question.id)}
            replacedBy={replaced.get(state.question.id)?.by}
          />
        ))}
      </div>
      <div class="pager">
        {index > 0 ? (
          <ButtonLink href={groupHref(index - 1)} variant="secondary">
            {t('group.previous')}
          </ButtonLink>
        ) : (
          <span />
        )}
        {index < groupCount - 1 ? (
          <ButtonLink href={groupHref(index + 1)} variant="primary">
            {t('group.next')}
          </ButtonLink>
        ) : readOnly ? (
          <ButtonLink href={`/inspecties/${inspection.id}/overzicht`} variant="primary">
            {t('inspection.tab.review')}
          </ButtonLink>
        ) : (
          <FinishButton
            inspection={inspection}
            template={template}
            answers={answers}
            onFinished={() => route(`/inspecties/${inspection.id}/overzicht`)}
          />
        )}
      </div>
    </section>
  );
}
