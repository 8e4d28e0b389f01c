import { describe, expect, it } from 'vitest';
import type { EfgCase, EfgCaseStep } from './efg-case.ts';
import {
  DEFAULT_EFG_TARGET,
  EfgTargetSchema,
  efgProgress,
  isLabelExpired,
  isOnEfgList,
  monthsBetween,
  nextStatuses,
  outcomeOn,
  seriesDays,
  statusOn,
  type CurrentLabel,
  type EfgDwellingFacts,
} from './efg-progress.ts';

const complexId = '0190a0b0-0000-7000-8000-000000000001';
let counter = 0;

function label(labelClass: CurrentLabel['class'], registrationDate = '2018-04-10'): CurrentLabel {
  const year = Number(registrationDate.slice(0, 4)) + 10;
  return { class: labelClass, registrationDate, validUntil: `${year}${registrationDate.slice(4)}` };
}

function step(status: EfgCaseStep['status'], at: string): EfgCaseStep {
  return { status, by: 'u1', at: `${at}T10:00:00.000Z` };
}

function facts(current: CurrentLabel | null, history?: EfgCaseStep[]): EfgDwellingFacts {
  counter += 1;
  const dwellingId = `0190a0b0-0000-7000-8000-${String(counter).padStart(12, '0')}`;
  const efgCase: EfgCase | undefined = history && {
    id: dwellingId,
    complexId,
    status: history.at(-1)?.status ?? 'kandidaat',
    history,
    ...(history.at(-1)?.status === 'afgevallen' && { drop: { reason: 'monument' as const } }),
  };
  return { dwellingId, complexId, label: current, efgCase };
}

describe('the EFG list', () => {
  it('lists a dwelling whose newest label is E, F or G, and one the team has a case for', () => {
    expect(isOnEfgList(facts(label('G')))).toBe(true);
    expect(isOnEfgList(facts(label('C')))).toBe(false);
    expect(isOnEfgList(facts(null))).toBe(false);
    expect(isOnEfgList(facts(label('B'), [step('kandidaat', '2026-01-05')]))).toBe(true);
  });

  it('marks a label expired only from the day after its last valid day', () => {
    const current = label('F', '2016-08-27');
    expect(isLabelExpired(current, '2026-08-27')).toBe(false);
    expect(isLabelExpired(current, '2026-08-28')).toBe(true);
    expect(isLabelExpired(null, '2026-08-28')).toBe(false);
  });

  it('offers only the workflow’s next steps, starting from kandidaat without a case', () => {
    expect(nextStatuses(facts(label('E')))).toEqual(['in-voorbereiding', 'afgevallen']);
    const done = facts(label('B'), [
      step('kandidaat', '2026-01-01'),
      step('in-voorbereiding', '2026-02-01'),
      step('maatregelen-gepland', '2026-03-01'),
      step('uitgevoerd', '2026-04-01'),
      step('nieuw-label-geregistreerd', '2026-05-01'),
    ]);
    expect(nextStatuses(done)).toEqual([]);
  });

  it('knows which status a case had on a given day', () => {
    const dwelling = facts(label('G'), [
      step('kandidaat', '2026-01-10'),
      step('in-voorbereiding', '2026-03-02'),
    ]);
    const efgCase = dwelling.efgCase;
    if (!efgCase) throw new Error('case expected');
    expect(statusOn(efgCase, '2026-01-09')).toBeUndefined();
    expect(statusOn(efgCase, '2026-03-01')).toBe('kandidaat');
    expect(statusOn(efgCase, '2026-03-02')).toBe('in-voorbereiding');
  });

  it('counts a dwelling out of EFG from the day a better label was registered', () => {
    const improved = facts(label('B', '2026-06-15'), [step('kandidaat', '2026-01-10')]);
    expect(outcomeOn(improved, '2026-06-14')).toBe('efg');
    expect(outcomeOn(improved, '2026-06-15')).toBe('uit-efg');
    const dropped = facts(label('G'), [
      step('kandidaat', '2026-01-10'),
      step('afgevallen', '2026-02-10'),
    ]);
    expect(outcomeOn(dropped, '2026-02-09')).toBe('efg');
    expect(outcomeOn(dropped, '2026-02-10')).toBe('afgevallen');
  });
});

describe('progress against the target', () => {
  it('defaults to every EFG dwelling out by the end of 2028', () => {
    expect(DEFAULT_EFG_TARGET).toEqual({ deadline: '2028-12-31', sharePercent: 100 });
    expect(EfgTargetSchema.safeParse({ deadline: '2028-12-31', sharePercent: 0 }).success).toBe(
      false,
    );
  });

  it('counts out, dropped and remaining, and what is still needed per month', () => {
    const today = '2026-11-22';
    const dwellings = [
      facts(label('G')),
      facts(label('F')),
      facts(label('E'), [step('kandidaat', '2026-09-01'), step('in-voorbereiding', '2026-10-01')]),
      facts(label('E'), [step('kandidaat', '2026-09-01'), step('afgevallen', '2026-10-05')]),
      facts(label('B', '2026-10-20'), [step('kandidaat', '2026-03-01')]),
      facts(label('A')),
    ];
    const progress = efgProgress(dwellings, today, { deadline: '2028-12-31', sharePercent: 100 });
    expect(progress.total).toBe(5);
    expect(progress.out).toBe(1);
    expect(progress.dropped).toBe(1);
    expect(progress.remaining).toBe(3);
    // Four dwellings must leave EFG (five listed, one dropped out); one already did.
    expect(progress.targetOut).toBe(4);
    expect(progress.stillNeeded).toBe(3);
    expect(progress.monthsLeft).toBe(25);
    expect(progress.perMonthNeeded).toBe(1);
    expect(progress.byStatus).toMatchObject({
      kandidaat: 3,
      'in-voorbereiding': 1,
      afgevallen: 1,
    });
  });

  it('draws the series month by month from the first event up to today', () => {
    const dwellings = [
      facts(label('G')),
      facts(label('B', '2026-10-20'), [step('kandidaat', '2026-03-15')]),
    ];
    const { series } = efgProgress(dwellings, '2026-11-22');
    expect(series.map((point) => point.day)).toEqual([
      '2026-03-01',
      '2026-04-01',
      '2026-05-01',
      '2026-06-01',
      '2026-07-01',
      '2026-08-01',
      '2026-09-01',
      '2026-10-01',
      '2026-11-01',
      '2026-11-22',
    ]);
    expect(series.at(-3)).toMatchObject({ out: 0, remaining: 2 });
    expect(series.at(-2)).toMatchObject({ out: 1, remaining: 1 });
  });

  it('applies a share below 100% and reports nothing needed once it is met', () => {
    const dwellings = [
      facts(label('B', '2026-10-20'), [step('kandidaat', '2026-03-15')]),
      facts(label('G')),
    ];
    const progress = efgProgress(dwellings, '2026-11-22', {
      deadline: '2027-06-30',
      sharePercent: 50,
    });
    expect(progress.targetOut).toBe(1);
    expect(progress.stillNeeded).toBe(0);
    expect(progress.perMonthNeeded).toBe(0);
  });

  it('asks for everything at once when the deadline has passed', () => {
    const progress = efgProgress([facts(label('G')), facts(label('F'))], '2029-02-01');
    expect(progress.monthsLeft).toBe(0);
    expect(progress.perMonthNeeded).toBe(2);
  });

  it('counts whole months and lists series days without gaps', () => {
    expect(monthsBetween('2026-11-22', '2026-12-21')).toBe(0);
    expect(monthsBetween('2026-11-22', '2026-12-22')).toBe(1);
    expect(monthsBetween('2026-11-22', '2026-11-01')).toBe(0);
    expect(seriesDays('2026-10-31', '2026-11-01')).toEqual(['2026-10-01', '2026-11-01']);
  });
});
