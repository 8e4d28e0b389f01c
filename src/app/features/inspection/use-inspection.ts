// Everything a screen of one inspection needs: the record (live), its own template version,
// and its answers (live).
import { isOwnInspection } from '../../../shared/domain/inspection.ts';
import { getTemplate } from '../../../shared/domain/templates/registry.ts';
import type { AnswerSet } from '../../../shared/domain/templates/answer.ts';
import type { Template } from '../../../shared/domain/templates/template-schema.ts';
import { getAppStore, type InspectionView } from '../../db/index.ts';
import { session } from '../../state/session.ts';
import { useLive } from '../../state/use-live.ts';

/** What the screens of one inspection work with once it has loaded. */
export interface ReadyInspection {
  inspection: InspectionView;
  template: Template;
  answers: AnswerSet;
}

export type InspectionData =
  | { status: 'loading' }
  | { status: 'error'; error: unknown }
  | { status: 'missing' }
  | { status: 'unknown-template'; inspection: InspectionView }
  | ({ status: 'ready' } & ReadyInspection);

export function useInspection(inspectionId: string): InspectionData {
  const store = getAppStore();
  const inspection = useLive(() => store.inspections.watch(inspectionId), [inspectionId]);
  const answers = useLive(() => store.answers.watchAnswerSet(inspectionId), [inspectionId]);
  if (inspection.status === 'error') return { status: 'error', error: inspection.error };
  if (answers.status === 'error') return { status: 'error', error: answers.error };
  if (inspection.status === 'loading' || answers.status === 'loading') return { status: 'loading' };
  if (!inspection.value) return { status: 'missing' };
  // The inspection's own version, not the latest: an old draft keeps its form.
  const template = getTemplate(inspection.value.templateId, inspection.value.templateVersion);
  if (!template) return { status: 'unknown-template', inspection: inspection.value };
  return { status: 'ready', inspection: inspection.value, template, answers: answers.value };
}

/**
 * An inspection belongs to its inspector: a colleague sees it read-only (the server refuses
 * their changes), and nobody changes a finished one before reopening it.
 */
export function isEditable(inspection: InspectionView): boolean {
  return isMine(inspection) && inspection.status !== 'finished';
}

/** The signed-in user's own inspection (or one made before anyone signed in on this device). */
export function isMine(inspection: InspectionView): boolean {
  return isOwnInspection(inspection, session.value?.user.id);
}
