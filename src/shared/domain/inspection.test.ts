import { describe, expect, it } from 'vitest';
import {
  answerProblems,
  carryForwardAnswers,
  completionCheck,
  confirmAnswer,
  scoreInspectionWithVersion,
  templateForInspection,
} from './inspection.ts';
import type { AnswerSet } from './templates/answer.ts';
import { answerSetFor } from './templates/answer-builder.ts';
import { getTemplate, latestTemplate } from './templates/registry.ts';

const sourceId = '0190c2a0-0000-7000-8000-0000000000aa';
const at = '2025-03-02T08:00:00Z';

describe('templateForInspection', () => {
  it('finds the exact (older) version an inspection was made with', () => {
    const lookup = templateForInspection({ templateId: 'zorggeschiktheid', templateVersion: 1 });
    expect(lookup.ok && lookup.template.version).toBe(1);
  });

  it('explains an unknown version instead of throwing', () => {
    const lookup = templateForInspection({ templateId: 'zorggeschiktheid', templateVersion: 9 });
    expect(lookup).toEqual({
      ok: false,
      error:
        'Deze inspectie gebruikt versie 9 van de vragenlijst zorggeschiktheid, die deze app niet kent. Werk de app bij.',
    });
    expect(
      scoreInspectionWithVersion(
        { templateId: 'zorggeschiktheid', templateVersion: 9 },
        {},
        { inspectionDate: '2025-03-01' },
      ).ok,
    ).toBe(false);
  });
});

describe('answerProblems and completionCheck', () => {
  const template = latestTemplate('brandveiligheidsronde');

  it('names answers to unknown questions and invalid values', () => {
    const answers: AnswerSet = {
      ...answerSetFor(template, { 'hoogste-vloer': 250 }),
      verdwenen: {
        questionId: 'verdwenen',
        value: { type: 'ja-nee', value: 'ja' },
        answeredAt: at,
      },
    };
    expect(answerProblems(template, answers)).toEqual([
      { questionId: 'hoogste-vloer', message: 'Waarde 250 m ligt buiten het bereik 0–200 m.' },
      {
        questionId: 'verdwenen',
        message: "Vraag 'verdwenen' bestaat niet in versie 1 van deze vragenlijst.",
      },
    ]);
  });

  it('refuses to finish while required answers, photos or confirmations are open', () => {
    const answers: AnswerSet = {
      ...answerSetFor(template, { 'hoogste-vloer': 9, 'vluchtroutes-vrij': 'nee' }),
      zorgwoningen: {
        questionId: 'zorgwoningen',
        value: { type: 'ja-nee', value: 'nee' },
        answeredAt: at,
        carriedForwardFrom: { inspectionId: sourceId, unconfirmed: true },
      },
    };
    const check = completionCheck(template, answers);
    expect(check.canFinish).toBe(false);
    expect(check.photosMissing).toEqual(['vluchtroutes-vrij']);
    expect(check.unconfirmed).toEqual(['zorgwoningen']);
    expect(check.missing).toContain('ruimte-50-personen');
  });

  it('lets a complete inspection finish, ignoring a stale answer to a hidden question', () => {
    const zorg = latestTemplate('zorggeschiktheid');
    const values = {
      verdieping: 0,
      'ruimten-gelijkvloers': ['woonkamer'],
      'opstap-woning': 5,
      'opstap-route': 0,
      deurbreedte: 0.8,
      gangbreedte: 0.9,
      'toilet-in-badkamer': 'nee',
      'badkamer-breedte': 2,
      'badkamer-lengte': 2,
      'toilet-breedte': 0.9,
      'toilet-lengte': 1.2,
      'douche-drempelvrij': 'nee',
      steunbeugels: 'nee',
      thermostaatkraan: 'nee',
      draairuimte: 'nee',
      'gemeenschappelijke-gangen': 'nee',
      alarmering: 'nee',
      'gemeenschappelijke-ruimte': 'nee',
      'centrale-entree': 'nee',
      internet: 'ja',
      buitenruimte: 'ja',
      // Hidden because verdieping is 0; kept, but not counted.
      'liftkooi-breedte': 99,
    };
    expect(completionCheck(zorg, answerSetFor(zorg, values))).toEqual({
      canFinish: true,
      missing: [],
      photosMissing: [],
      unconfirmed: [],
      invalid: [],
    });
  });
});

describe('carryForwardAnswers', () => {
  const v1 = getTemplate('zorggeschiktheid', 1)!;
  const v2 = latestTemplate('zorggeschiktheid');

  it('copies answers that fit the target version, unconfirmed and without photos', () => {
    const plain = answerSetFor(v1, { verdieping: 2, lift: 'ja', deurbreedte: 0.8 });
    const source: AnswerSet = { ...plain, lift: { ...plain['lift']!, photoIds: ['c'.repeat(64)] } };
    const copied = carryForwardAnswers({ inspectionId: sourceId, answers: source }, v2, at);
    expect(Object.keys(copied)).toEqual(['verdieping', 'lift', 'deurbreedte']);
    expect(copied['lift']).toEqual({
      questionId: 'lift',
      value: { type: 'ja-nee', value: 'ja' },
      answeredAt: at,
      carriedForwardFrom: { inspectionId: sourceId, unconfirmed: true },
    });
  });

  it('skips answers to unknown questions, of another type, invalid ones and photos', () => {
    const source: AnswerSet = {
      onbekend: { questionId: 'onbekend', value: { type: 'ja-nee', value: 'ja' }, answeredAt: at },
      verdieping: { questionId: 'verdieping', value: { type: 'text', value: '2' }, answeredAt: at },
      deurbreedte: {
        questionId: 'deurbreedte',
        value: { type: 'measurement', value: 85, unit: 'cm' },
        answeredAt: at,
      },
    };
    expect(carryForwardAnswers({ inspectionId: sourceId, answers: source }, v2, at)).toEqual({});
    const optoppen = latestTemplate('optoppen-scan');
    const withPhotos = answerSetFor(optoppen, { fotos: ['d'.repeat(64)], opmerkingen: 'let op' });
    expect(
      Object.keys(
        carryForwardAnswers({ inspectionId: sourceId, answers: withPhotos }, optoppen, at),
      ),
    ).toEqual(['opmerkingen']);
  });

  it('counts a copied answer once the inspector confirms it', () => {
    const copied = carryForwardAnswers(
      { inspectionId: sourceId, answers: answerSetFor(v2, { verdieping: 0 }) },
      v2,
      at,
    );
    const confirmed = confirmAnswer(copied['verdieping']!, '2025-03-02T09:00:00Z');
    expect(confirmed.carriedForwardFrom).toEqual({ inspectionId: sourceId, unconfirmed: false });
    expect(completionCheck(v2, { verdieping: confirmed }).unconfirmed).toEqual([]);
    expect(completionCheck(v2, copied).unconfirmed).toEqual(['verdieping']);
  });
});
