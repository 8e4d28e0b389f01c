import { useState } from 'preact/hooks';
import type { AnswerSet } from '../../../shared/domain/templates/answer.ts';
import type { Template } from '../../../shared/domain/templates/template-schema.ts';
import { getAppStore, type InspectionView, type ResolvedCheckAction } from '../../db/index.ts';
import { t } from '../../i18n/i18n.ts';
import { session } from '../../state/session.ts';
import { Banner } from '../../ui/Banner.tsx';
import { Button } from '../../ui/Button.tsx';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { errorText } from '../common/errors.ts';
import { useBusyAction } from '../common/use-busy-action.ts';
import { localized } from '../common/format.ts';
import { flushAllAutosaves } from './use-autosave.ts';

interface OpenItem {
  questionId: string;
  groupIndex: number;
  reason: 'missing' | 'photo' | 'unconfirmed' | 'invalid';
}

/** Finishing checks what is still open first and says exactly what, with links to the questions. */
export function FinishButton({
  inspection,
  template,
  answers,
  onFinished,
}: {
  inspection: InspectionView;
  template: Template;
  answers: AnswerSet;
  onFinished: () => void;
}) {
  const { busy, failure, run } = useBusyAction();
  const [open, setOpen] = useState<OpenItem[] | undefined>(undefined);
  // Actions of checks that pass now: finishing asks before closing any of them.
  const [resolved, setResolved] = useState<ResolvedCheckAction[] | undefined>(undefined);
  const user = session.value?.user;
  const actor = user ? { userId: user.id, role: user.role } : undefined;

  const complete = async (closeResolved: boolean) => {
    await run(async () => {
      const close = closeResolved && actor ? { actor, note: t('finish.resolved.note') } : undefined;
      await getAppStore().inspections.finish(inspection.id, close ? { close } : {});
      setResolved(undefined);
      onFinished();
    });
  };

  const finish = async () => {
    await run(async () => {
      await flushAllAutosaves();
      const { completionCheck } = await import('../../../shared/domain/inspection.ts');
      const check = completionCheck(template, answers);
      const groupOf = (questionId: string) =>
        template.groups.findIndex((group) => group.questions.some((q) => q.id === questionId));
      const items: OpenItem[] = [
        ...check.missing.map((id) => ({ questionId: id, reason: 'missing' as const })),
        ...check.photosMissing.map((id) => ({ questionId: id, reason: 'photo' as const })),
        ...check.unconfirmed.map((id) => ({ questionId: id, reason: 'unconfirmed' as const })),
        ...check.invalid.map((problem) => ({
          questionId: problem.questionId,
          reason: 'invalid' as const,
        })),
      ].map((item) => ({ ...item, groupIndex: groupOf(item.questionId) }));
      if (!check.canFinish) {
        setOpen(items);
        return;
      }
      setOpen(undefined);
      const store = getAppStore();
      const stale = await store.inspections.resolvedOnFinish(inspection.id, actor);
      if (stale.length > 0) {
        setResolved(stale);
        return;
      }
      await store.inspections.finish(inspection.id);
      onFinished();
    });
  };
  const mayCloseAny = resolved?.some((item) => item.mayClose) ?? false;

  const reasonText: Record<OpenItem['reason'], string> = {
    missing: t('finish.reason.missing'),
    photo: t('finish.reason.photo'),
    unconfirmed: t('finish.reason.unconfirmed'),
    invalid: t('finish.reason.invalid'),
  };
  const labelOf = (questionId: string) => {
    for (const group of template.groups)
      for (const question of group.questions)
        if (question.id === questionId) return localized(question.label);
    return questionId;
  };

  return (
    <div class="finish">
      <Button disabled={busy} onClick={() => void finish()}>
        {inspection.status === 'reopened' ? t('finish.again') : t('finish.button')}
      </Button>
      {open && open.length > 0 && (
        <Banner
          tone="warn"
          title={t('finish.open.title', { count: open.length })}
          testId="finish-open"
        >
          <ul class="open-items">
            {open.map((item) => (
              <li key={`${item.reason}-${item.questionId}`}>
                <a
                  href={`/inspecties/${inspection.id}?groep=${item.groupIndex + 1}#vraag-${item.questionId}`}
                >
                  {labelOf(item.questionId)}
                </a>{' '}
                <span class="muted">— {reasonText[item.reason]}</span>
              </li>
            ))}
          </ul>
        </Banner>
      )}
      {failure !== undefined && (
        <Banner tone="error" title={errorText(failure).title}>
          {errorText(failure).detail}
        </Banner>
      )}
      <ConfirmDialog
        open={resolved !== undefined}
        title={t('finish.resolved.title')}
        confirmLabel={mayCloseAny ? t('finish.resolved.close') : t('finish.button')}
        cancelLabel={t('common.cancel')}
        busy={busy}
        onCancel={() => setResolved(undefined)}
        onConfirm={() => void complete(mayCloseAny)}
      >
        <p>{t('finish.resolved.explain')}</p>
        <ul data-testid="finish-resolved">
          {resolved?.map((item) => (
            <li key={item.action.id}>
              <a href={`/acties/${item.action.id}`}>{item.action.what}</a>
              {!item.mayClose && <span class="muted"> — {t('finish.resolved.notYours')}</span>}
            </li>
          ))}
        </ul>
        {mayCloseAny && (
          <Button variant="secondary" disabled={busy} onClick={() => void complete(false)}>
            {t('finish.resolved.keep')}
          </Button>
        )}
      </ConfirmDialog>
    </div>
  );
}
