// Where a photo is used: an answer (its photo value and its photoIds) or a finding (photoIds).
// A photo's drawing and caption belong to the use (shared/domain/photo-note.ts).
import type { AnswerRow } from './database.ts';

/** The photos of an answer: a photo question's value, then the photos added to any answer. */
export function answerPhotoHashes(answer: Pick<AnswerRow, 'value' | 'photoIds'>): string[] {
  const fromValue = answer.value.type === 'photo' ? answer.value.value : [];
  return [...new Set([...fromValue, ...(answer.photoIds ?? [])])];
}
