import { describe, expect, it } from 'vitest';
import {
  missingRequired,
  questionStates,
  type AnswerSet,
} from '../../../shared/domain/templates/index.ts';
import { latestTemplate } from '../../../shared/domain/templates/registry.ts';
import { groupStatuses } from './group-status.ts';

const AT = '2025-03-01T09:00:00.000Z';
const SOURCE = '0190d0c0-0000-7000-8000-000000000001';

function statuses(module: 'zorggeschiktheid' | 'brandveiligheidsronde', answers: AnswerSet) {
  const template = latestTemplate(module);
  return groupStatuses(
    template,
    questionStates(template, answers),
    new Set(missingRequired(template, answers)),
  );
}

describe('the group stepper', () => {
  it('counts a carried-forward, unconfirmed answer once, not twice', () => {
    const template = latestTemplate('zorggeschiktheid');
    const group = template.groups[0]!;
    const answers: Record<string, AnswerSet[string]> = {};
    for (const question of group.questions)
      if (question.type === 'ja-nee')
        answers[question.id] = {
          questionId: question.id,
          value: { type: 'ja-nee', value: 'ja' },
          answeredAt: AT,
          carriedForwardFrom: { inspectionId: SOURCE, unconfirmed: true },
        };
    const copied = Object.keys(answers).length;
    const unanswered = group.questions.filter(
      (question) => question.type !== 'ja-nee' && question.visibleWhen === undefined,
    ).length;
    expect(statuses('zorggeschiktheid', answers)[0]?.open).toBe(copied + unanswered);
  });

  it('keeps a group open while a required photo is missing', () => {
    const template = latestTemplate('brandveiligheidsronde');
    const group = template.groups.findIndex((item) => item.id === 'beheer');
    const answers: Record<string, AnswerSet[string]> = {};
    const say = (id: string, value: 'ja' | 'nee') =>
      (answers[id] = { questionId: id, value: { type: 'ja-nee', value }, answeredAt: AT });
    say('blustoestellen', 'nee');
    say('opslag-meterkasten', 'nee');
    say('ontruimingsplan', 'ja');
    expect(statuses('brandveiligheidsronde', answers)[group]?.open).toBe(1);
    answers['opslag-meterkasten'] = {
      ...answers['opslag-meterkasten']!,
      photoIds: ['a'.repeat(64)],
    };
    expect(statuses('brandveiligheidsronde', answers)[group]?.open).toBe(0);
  });
});
