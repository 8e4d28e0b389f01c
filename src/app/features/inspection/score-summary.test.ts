import { describe, expect, it } from 'vitest';
import { scoreInspection } from '../../../shared/domain/scoring/index.ts';
import { answerSetFor, type PlainValue } from '../../../shared/domain/templates/answer-builder.ts';
import { latestTemplate } from '../../../shared/domain/templates/registry.ts';
import { setLocale, t } from '../../i18n/i18n.ts';
import { loadTemplateCatalogue } from '../common/format.ts';
import { labelRecordOf, summarizeScore } from './score-summary.ts';

const zorg = latestTemplate('zorggeschiktheid');
const groundFloorFlat: Record<string, PlainValue> = {
  verdieping: 0,
  'ruimten-gelijkvloers': ['woonkamer', 'keuken', 'badkamer', 'toilet', 'slaapkamer'],
  'opstap-woning': 0,
  'opstap-route': 1,
  deurbreedte: 0.8,
  gangbreedte: 0.9,
  'toilet-in-badkamer': 'ja',
  'badkamer-breedte': 2.2,
  'badkamer-lengte': 2.2,
  'douche-drempelvrij': 'ja',
  steunbeugels: 'ja',
  thermostaatkraan: 'ja',
  draairuimte: 'nee',
  'gemeenschappelijke-gangen': 'nee',
  alarmering: 'nee',
  'gemeenschappelijke-ruimte': 'nee',
  'centrale-entree': 'ja',
  internet: 'ja',
  buitenruimte: 'ja',
};

describe('the review headline of a score', () => {
  setLocale('nl');

  it('shows a zorg classification with its light and what the next level lacks', () => {
    const score = scoreInspection(zorg, answerSetFor(zorg, groundFloorFlat), {
      inspectionDate: '2026-03-01',
    });
    const summary = summarizeScore(score);
    expect(summary.headline).toBe('Rollatorgeschikt');
    expect(summary.light).toBe('oranje');
    expect(summary.provisional).toBe(false);
    expect(summary.blocking.length).toBeGreaterThan(0);
    expect(
      summary.blocking.every((line) => line.startsWith('Voor rolstoelgeschikt ontbreekt:')),
    ).toBe(true);
  });

  it('marks a result provisional while required answers are missing, and is red when nothing is known', () => {
    const summary = summarizeScore(scoreInspection(zorg, {}, { inspectionDate: '2026-03-01' }));
    expect(summary.provisional).toBe(true);
    expect(summary.light).toBe('rood');
    expect(summary.headline).toBe('Niet geschikt (geen nultredenwoning)');
  });

  it('uses the potential modules’ own traffic light and blocking issues', () => {
    const template = latestTemplate('optoppen-scan');
    const score = scoreInspection(template, {}, { inspectionDate: '2026-03-01' });
    if (score.module !== 'optoppen-scan') throw new Error('wrong module');
    const summary = summarizeScore(score);
    expect(summary.light).toBe(score.result.light);
    expect(summary.blocking).toEqual(score.result.blockingIssues);
    expect(summary.headline).toBe(`Potentie ${score.result.score} van 100`);
  });

  it('lists a potential module’s facts in reading order with the disclaimer last', () => {
    const optoppen = scoreInspection(
      latestTemplate('optoppen-scan'),
      {},
      {
        inspectionDate: '2026-03-01',
      },
    );
    const ondertoppen = scoreInspection(
      latestTemplate('ondertoppen-scan'),
      {},
      {
        inspectionDate: '2026-03-01',
      },
    );
    if (optoppen.module !== 'optoppen-scan' || ondertoppen.module !== 'ondertoppen-scan')
      throw new Error('wrong module');
    const dwellings = (count: number | null) =>
      count === null ? [] : [t('score.dwellings', { count })];
    const height = optoppen.result.newHighestFloorM;

    expect(summarizeScore(optoppen).details).toEqual([
      t('score.optoppen.storeys', { count: optoppen.result.extraStoreys }),
      ...dwellings(optoppen.result.indicativeDwellings),
      ...(height === null
        ? []
        : [t('score.optoppen.height', { height: height.toLocaleString('nl-NL') })]),
      optoppen.result.disclaimer,
    ]);
    expect(summarizeScore(ondertoppen).details).toEqual([
      ...dwellings(ondertoppen.result.indicativeDwellings),
      ondertoppen.result.disclaimer,
    ]);
    expect(summarizeScore(ondertoppen).headline).toBe(
      `Potentie ${ondertoppen.result.score} van 100`,
    );
  });

  it('turns the portfolio label into the record the energy scoring expects', () => {
    expect(
      labelRecordOf({
        class: 'F',
        registrationDate: '2016-05-01',
        recordingDate: null,
        validUntil: '2026-05-01',
        ep2: null,
        energyIndex: 2.6,
        source: 'ep-online',
      }),
    ).toEqual([
      {
        class: 'F',
        registrationDate: '2016-05-01',
        recordingDate: '2016-05-01',
        validUntil: '2026-05-01',
        energyIndex: 2.6,
        method: 'EI',
        source: 'ep-online',
      },
    ]);
    expect(labelRecordOf(null)).toEqual([]);
  });

  it('words a fire-safety deviation in the UI language, from the template catalogue', async () => {
    const template = latestTemplate('brandveiligheidsronde');
    const answers = answerSetFor(template, { 'rookmelders-vluchtroute': 'nee' });
    const score = scoreInspection(template, answers, { inspectionDate: '2026-03-01' });
    const lines = (summary: ReturnType<typeof summarizeScore>) => [
      ...summary.blocking,
      ...summary.details,
    ];
    expect(lines(summarizeScore(score))).toContain(
      'Hangen er rookmelders in besloten ruimten op de vluchtroute (hal, overloop)?: Rookmelders plaatsen in besloten ruimten op de vluchtroute.',
    );
    await loadTemplateCatalogue();
    setLocale('en');
    try {
      expect(lines(summarizeScore(score))).toContain(
        'Are there smoke alarms in enclosed spaces on the escape route (hall, landing)?: Install smoke alarms in enclosed spaces on the escape route.',
      );
    } finally {
      setLocale('nl');
    }
  });
});
