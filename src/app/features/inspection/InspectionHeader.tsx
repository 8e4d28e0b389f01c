import { inspectionProgress } from '../../../shared/domain/templates/evaluate.ts';
import type { AnswerSet } from '../../../shared/domain/templates/answer.ts';
import type { Template } from '../../../shared/domain/templates/template-schema.ts';
import type { InspectionView } from '../../db/index.ts';
import { t } from '../../i18n/i18n.ts';
import { Badge } from '../../ui/Badge.tsx';
import { Banner } from '../../ui/Banner.tsx';
import { ProgressBar } from '../../ui/ProgressBar.tsx';
import { inspectionStatusName, moduleName } from '../common/format.ts';
import { TargetLabel } from '../common/TargetLabel.tsx';
import { userName } from '../users/colleague-names.ts';
import { unsavedFields } from './use-autosave.ts';
import { isMine } from './use-inspection.ts';

export type InspectionTab = 'questions' | 'findings' | 'review';

interface InspectionHeaderProps {
  inspection: InspectionView;
  template: Template;
  answers: AnswerSet;
  active: InspectionTab;
}

/** Title, target, status, progress and the three parts of an inspection. */
export function InspectionHeader({ inspection, template, answers, active }: InspectionHeaderProps) {
  const progress = inspectionProgress(template, answers);
  const base = `/inspecties/${inspection.id}`;
  const tabs: { tab: InspectionTab; href: string; label: string }[] = [
    { tab: 'questions', href: base, label: t('inspection.tab.questions') },
    { tab: 'findings', href: `${base}/bevindingen`, label: t('inspection.tab.findings') },
    { tab: 'review', href: `${base}/overzicht`, label: t('inspection.tab.review') },
  ];
  const unsaved = unsavedFields.value;
  return (
    <header class="inspection-header">
      <nav class="breadcrumb" aria-label={t('nav.breadcrumb')}>
        <TargetLabel level={inspection.targetLevel} id={inspection.targetId} />
      </nav>
      <div class="inspection-title">
        <h1>{moduleName(inspection.module)}</h1>
        <Badge
          tone={
            inspection.status === 'finished'
              ? 'ok'
              : inspection.status === 'reopened'
                ? 'warn'
                : 'info'
          }
          testId="inspection-status"
        >
          {inspectionStatusName(inspection.status)}
        </Badge>
        <span class="save-summary" role="status" data-testid="save-summary">
          {unsaved > 0 ? t('save.summary.busy', { count: unsaved }) : t('save.summary.done')}
        </span>
      </div>
      <ProgressBar
        label={t('progress.label')}
        value={progress.answered}
        max={progress.required}
        valueText={
          t('progress.text', { answered: progress.answered, required: progress.required }) +
          (progress.unconfirmed > 0
            ? ` · ${t('progress.unconfirmed', { count: progress.unconfirmed })}`
            : '')
        }
        testId="inspection-progress"
      />
      {!isMine(inspection) && (
        <Banner tone="info" title={t('inspection.readOnly.title')} testId="read-only">
          {t('inspection.readOnly.explain', {
            name: inspection.inspectorId ? userName(inspection.inspectorId) : '—',
            status: inspectionStatusName(inspection.status),
          })}
        </Banner>
      )}
      {inspection.status === 'reopened' && (
        <Banner tone="warn" title={t('inspection.reopened.title')}>
          {t('inspection.reopened.explain')}
        </Banner>
      )}
      {inspection.status === 'finished' && active !== 'review' && (
        <Banner tone="info" title={t('inspection.finished.title')}>
          {t('inspection.finished.explain')}
        </Banner>
      )}
      <nav class="tabs" aria-label={t('inspection.tabs')}>
        {tabs.map((item) => (
          <a
            key={item.tab}
            href={item.href}
            class="tab"
            aria-current={item.tab === active ? 'page' : undefined}
          >
            {item.label}
          </a>
        ))}
      </nav>
    </header>
  );
}
