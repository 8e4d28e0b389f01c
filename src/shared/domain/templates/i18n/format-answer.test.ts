import { describe, expect, it } from 'vitest';
import { formatAnswer } from '../format.ts';
import { latestTemplate } from '../registry.ts';
import { findQuestion, type Question } from '../template-schema.ts';
import { templateCatalogueEn } from './en.ts';
import { formatAnswerIn } from './format-answer.ts';

const energie = latestTemplate('energie-opname');
const zorg = latestTemplate('zorggeschiktheid');
const question = (template: typeof energie, id: string): Question => findQuestion(template, id)!;

describe('formatAnswerIn', () => {
  const glazing = question(energie, 'glas-voorgevel');
  const rooms = question(zorg, 'ruimten-gelijkvloers');

  it('is formatAnswer for Dutch', () => {
    const value = { type: 'single-choice', value: 'enkel' } as const;
    expect(formatAnswerIn(glazing, value, 'nl', templateCatalogueEn)).toBe(
      formatAnswer(glazing, value),
    );
  });

  it('words ja/nee, options, numbers and photos in English', () => {
    const lift = question(zorg, 'lift');
    expect(formatAnswerIn(lift, { type: 'ja-nee', value: 'nee' }, 'en', undefined)).toBe('no');
    expect(
      formatAnswerIn(glazing, { type: 'single-choice', value: 'enkel' }, 'en', templateCatalogueEn),
    ).toBe('Single glazing');
    expect(
      formatAnswerIn(
        rooms,
        { type: 'multi-choice', value: ['woonkamer', 'slaapkamer'] },
        'en',
        templateCatalogueEn,
      ),
    ).toBe('Living room, Bedroom');
    expect(formatAnswerIn(rooms, { type: 'multi-choice', value: [] }, 'en', undefined)).toBe(
      'none',
    );
    const width = question(zorg, 'deurbreedte');
    expect(
      formatAnswerIn(width, { type: 'measurement', value: 0.855, unit: 'm' }, 'en', undefined),
    ).toBe('0.86 m');
    expect(formatAnswerIn(width, { type: 'photo', value: ['a'.repeat(64)] }, 'en', undefined)).toBe(
      '1 photo',
    );
  });

  it('falls back to the Dutch option label without a catalogue, and to the id for an unknown option', () => {
    expect(
      formatAnswerIn(glazing, { type: 'single-choice', value: 'enkel' }, 'en', undefined),
    ).toBe('Enkel glas');
    expect(
      formatAnswerIn(glazing, { type: 'single-choice', value: 'glas-in-lood' }, 'en', undefined),
    ).toBe('glas-in-lood');
  });
});
