import { describe, expect, it } from 'vitest';
import type { AnswerSet, AnswerValue } from './answer.ts';
import { answerSetFor } from './answer-builder.ts';
import {
  inspectionProgress,
  isQuestionVisible,
  missingRequired,
  photoRequirementsUnmet,
  validateAnswer,
  visibleAnswers,
} from './evaluate.ts';
import { brandveiligheidsrondeV1 } from './brandveiligheidsronde.ts';
import { energieOpnameV1 } from './energie-opname.ts';
import { findQuestion, type Question, type Template } from './template-schema.ts';

function question(template: Template, id: string): Question {
  const found = findQuestion(template, id);
  if (!found) throw new Error(`no question ${id}`);
  return found;
}

const galerij = question(brandveiligheidsrondeV1, 'galerij-vrije-breedte'); // cm, 0-1000, 0 decimals
const hoogte = question(brandveiligheidsrondeV1, 'hoogste-vloer'); // m, 0-200, 2 decimals
const ontruimingsplan = question(brandveiligheidsrondeV1, 'ontruimingsplan'); // n.v.t. allowed
const zorgwoningen = question(brandveiligheidsrondeV1, 'zorgwoningen'); // n.v.t. not allowed
const verwarming = question(energieOpnameV1, 'verwarming');
const maatregelen = question(energieOpnameV1, 'maatregelen');
const opmerkingen = question(brandveiligheidsrondeV1, 'opmerkingen');

describe('validateAnswer', () => {
  it.each<[string, Question, AnswerValue, string[]]>([
    [
      'accepts a measurement inside its range',
      hoogte,
      { type: 'measurement', value: 20, unit: 'm' },
      [],
    ],
    ['accepts the range boundaries', galerij, { type: 'measurement', value: 0, unit: 'cm' }, []],
    [
      'says a measurement is out of range, with decimal comma and unit',
      hoogte,
      { type: 'measurement', value: 210.5, unit: 'm' },
      ['Waarde 210,5 m ligt buiten het bereik 0–200 m.'],
    ],
    [
      'says a measurement has the wrong unit',
      galerij,
      { type: 'measurement', value: 0.85, unit: 'm' },
      ['Eenheid m past niet: deze maat wordt in cm gevraagd.'],
    ],
    [
      'says a whole number is required',
      galerij,
      { type: 'measurement', value: 84.5, unit: 'cm' },
      ['Waarde 84,5 cm moet een geheel getal zijn.'],
    ],
    [
      'says there are too many decimals',
      hoogte,
      { type: 'measurement', value: 12.505, unit: 'm' },
      ['Waarde 12,51 m heeft te veel decimalen (hoogstens 2).'],
    ],
    ['accepts n.v.t. where allowed', ontruimingsplan, { type: 'ja-nee', value: 'nvt' }, []],
    [
      'refuses n.v.t. where not allowed',
      zorgwoningen,
      { type: 'ja-nee', value: 'nvt' },
      ['N.v.t. is bij deze vraag niet toegestaan: kies ja of nee.'],
    ],
    ['accepts a known option', verwarming, { type: 'single-choice', value: 'warmtepomp' }, []],
    [
      'refuses an unknown option',
      verwarming,
      { type: 'single-choice', value: 'houtkachel' },
      ["Keuze 'houtkachel' bestaat niet bij deze vraag."],
    ],
    ['accepts an empty multi-choice', maatregelen, { type: 'multi-choice', value: [] }, []],
    [
      'refuses a duplicate choice',
      maatregelen,
      { type: 'multi-choice', value: ['dakisolatie', 'dakisolatie'] },
      ['Een keuze staat er dubbel in.'],
    ],
    [
      'refuses an answer of another type',
      hoogte,
      { type: 'text', value: '12' },
      ['Antwoord heeft het verkeerde soort: verwacht maat, ontvangen tekst.'],
    ],
    ['refuses empty text', opmerkingen, { type: 'text', value: '  ' }, ['De tekst is leeg.']],
  ])('%s', (_name, q, value, expected) => {
    expect(validateAnswer(q, value)).toEqual(expected);
  });
});

describe('visibility', () => {
  it('shows a question without condition whatever the answers', () => {
    expect(isQuestionVisible(hoogte, {})).toBe(true);
  });

  it('shows droge blusleiding and brandweerlift only above 20 m', () => {
    const at20 = answerSetFor(brandveiligheidsrondeV1, { 'hoogste-vloer': 20 });
    const above = answerSetFor(brandveiligheidsrondeV1, { 'hoogste-vloer': 20.01 });
    const droge = question(brandveiligheidsrondeV1, 'droge-blusleiding');
    expect(isQuestionVisible(droge, at20)).toBe(false);
    expect(isQuestionVisible(droge, above)).toBe(true);
  });

  it('drops answers of hidden questions, also down a chain of conditions', () => {
    const answers = answerSetFor(brandveiligheidsrondeV1, {
      zorgwoningen: 'nee',
      'bmi-aanwezig': 'ja',
      'bmi-zonder-storing': 'nee',
    });
    const effective = visibleAnswers(brandveiligheidsrondeV1, answers);
    expect(Object.keys(effective)).toEqual(['zorgwoningen']);
  });
});

describe('progress, missing answers and photos', () => {
  const template = brandveiligheidsrondeV1;
  const base = {
    'hoogste-vloer': 9,
    zorgwoningen: 'nee',
    'ruimte-50-personen': 'nee',
    galerij: 'nee',
    blustoestellen: 'nee',
  } as const;

  it('counts only required visible questions', () => {
    const progress = inspectionProgress(template, answerSetFor(template, base));
    // 5 context questions + 11 visible ja/nee checks when nothing extra applies.
    expect(progress).toEqual({ answered: 5, required: 16, unconfirmed: 0, percent: 31 });
  });

  it('lists what is still missing in template order', () => {
    const missing = missingRequired(template, answerSetFor(template, base));
    expect(missing[0]).toBe('rookmelders-verdiepingen');
    expect(missing).not.toContain('droge-blusleiding');
    expect(missing).not.toContain('opmerkingen');
  });

  it('does not count an invalid or unconfirmed answer as answered', () => {
    const answers: AnswerSet = {
      ...answerSetFor(template, base),
      'hoogste-vloer': {
        questionId: 'hoogste-vloer',
        value: { type: 'measurement', value: 999, unit: 'm' },
        answeredAt: '2025-01-01T09:00:00Z',
      },
      zorgwoningen: {
        questionId: 'zorgwoningen',
        value: { type: 'ja-nee', value: 'nee' },
        answeredAt: '2025-01-01T09:00:00Z',
        carriedForwardFrom: {
          inspectionId: '0190c2a0-0000-7000-8000-000000000001',
          unconfirmed: true,
        },
      },
    };
    const progress = inspectionProgress(template, answers);
    expect(progress.answered).toBe(3);
    expect(progress.unconfirmed).toBe(1);
    expect(missingRequired(template, answers).slice(0, 2)).toEqual([
      'hoogste-vloer',
      'zorgwoningen',
    ]);
  });

  it('is complete at 100% only when every required visible question is answered', () => {
    const all = Object.fromEntries(
      template.groups
        .flatMap((group) => group.questions)
        .filter((q) => q.type === 'ja-nee' && q.check !== undefined)
        .map((q) => [q.id, 'ja']),
    );
    const answers = answerSetFor(template, { ...all, ...base });
    expect(inspectionProgress(template, answers).percent).toBe(100);
    expect(missingRequired(template, answers)).toEqual([]);
  });

  it('requires a photo for a non-compliant answer until one is attached', () => {
    const answers = answerSetFor(template, {
      ...base,
      'vluchtroutes-vrij': 'nee',
      doorvoeringen: 'ja',
    });
    expect(photoRequirementsUnmet(template, answers)).toEqual(['vluchtroutes-vrij']);
    const withPhoto: AnswerSet = {
      ...answers,
      'vluchtroutes-vrij': { ...answers['vluchtroutes-vrij']!, photoIds: ['a'.repeat(64)] },
    };
    expect(photoRequirementsUnmet(template, withPhoto)).toEqual([]);
  });

  it('requires a photo for a gallery narrower than 85 cm, not at 85 cm', () => {
    const narrow = answerSetFor(template, { ...base, galerij: 'ja', 'galerij-vrije-breedte': 84 });
    const enough = answerSetFor(template, { ...base, galerij: 'ja', 'galerij-vrije-breedte': 85 });
    expect(photoRequirementsUnmet(template, narrow)).toEqual(['galerij-vrije-breedte']);
    expect(photoRequirementsUnmet(template, enough)).toEqual([]);
  });
});
