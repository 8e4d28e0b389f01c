import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  classIndex,
  compareClass,
  efgPhaseOutDeadline,
  efgStatus,
  energyLabelClasses,
  energyMeasures,
  EnergyLabelRecordSchema,
  INDICATIVE_LABEL_DISCLAIMER,
  indicativeLabelAfter,
  expiredSince,
  isExpired,
  labelClassMismatch,
  labelFromEnergyIndex,
  labelFromEP2,
  mostRecentLabel,
  rentedMinimumDDeadline,
  validityEnd,
  type EnergyLabelClass,
  type EnergyLabelRecord,
} from './energy-label.ts';
import { RuleRefSchema } from './rule.ts';

function label(overrides: Partial<EnergyLabelRecord> = {}): EnergyLabelRecord {
  return {
    class: 'C',
    registrationDate: '2021-06-01',
    recordingDate: '2021-05-20',
    validUntil: '2031-06-01',
    method: 'NTA8800',
    source: 'ep-online',
    ...overrides,
  };
}

describe('energy label classes', () => {
  it('are ordered from A++++ (best) to G (worst)', () => {
    expect(energyLabelClasses).toEqual([
      'A++++',
      'A+++',
      'A++',
      'A+',
      'A',
      'B',
      'C',
      'D',
      'E',
      'F',
      'G',
    ]);
    expect(classIndex('A++++')).toBe(0);
    expect(classIndex('G')).toBe(10);
  });

  it('compare negative when the first class is better', () => {
    expect(compareClass('A', 'B')).toBeLessThan(0);
    expect(compareClass('G', 'E')).toBeGreaterThan(0);
    expect(compareClass('D', 'D')).toBe(0);
    expect([...energyLabelClasses].reverse().sort(compareClass)).toEqual(energyLabelClasses);
  });
});

describe('labelFromEP2', () => {
  it.each<[number, EnergyLabelClass]>([
    [-25, 'A++++'],
    [0, 'A++++'],
    [0.0001, 'A+++'],
    [50, 'A+++'],
    [50.01, 'A++'],
    [75, 'A++'],
    [75.01, 'A+'],
    [105, 'A+'],
    [105.01, 'A'],
    [160, 'A'],
    [160.01, 'B'],
    [190, 'B'],
    [190.01, 'C'],
    [250, 'C'],
    [250.01, 'D'],
    [290, 'D'],
    [290.01, 'E'],
    [335, 'E'],
    [335.01, 'F'],
    [380, 'F'],
    [380.01, 'G'],
    [1200, 'G'],
  ])('gives EP2 %d class %s (upper bound inclusive)', (ep2, expected) => {
    expect(labelFromEP2(ep2)).toBe(expected);
  });

  it('does not use the 2019 draft thresholds', () => {
    expect(labelFromEP2(80)).toBe('A+');
    expect(labelFromEP2(300)).toBe('E');
    expect(labelFromEP2(390)).toBe('G');
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])(
    'throws a RangeError for %d',
    (value) => {
      expect(() => labelFromEP2(value)).toThrow(RangeError);
    },
  );

  it('never gives a better class for a higher EP2', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1000, max: 2000, noNaN: true }),
        fc.double({ min: -1000, max: 2000, noNaN: true }),
        (a, b) => {
          const [low, high] = a <= b ? [a, b] : [b, a];
          expect(compareClass(labelFromEP2(low), labelFromEP2(high))).toBeLessThanOrEqual(0);
        },
      ),
    );
  });
});

describe('labelFromEnergyIndex', () => {
  it.each<[number, EnergyLabelClass]>([
    [0, 'A++'],
    [0.6, 'A++'],
    [0.6001, 'A+'],
    [0.8, 'A+'],
    [0.8001, 'A'],
    [1.2, 'A'],
    [1.2001, 'B'],
    [1.4, 'B'],
    [1.4001, 'C'],
    [1.8, 'C'],
    [1.8001, 'D'],
    [2.1, 'D'],
    [2.1001, 'E'],
    [2.4, 'E'],
    [2.4001, 'F'],
    [2.7, 'F'],
    [2.7001, 'G'],
    [4, 'G'],
  ])('gives Energie-Index %d class %s (upper bound inclusive)', (ei, expected) => {
    expect(labelFromEnergyIndex(ei)).toBe(expected);
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY])('throws a RangeError for %d', (value) => {
    expect(() => labelFromEnergyIndex(value)).toThrow(RangeError);
  });

  it('never gives a better class for a higher index', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1, max: 5, noNaN: true }),
        fc.double({ min: -1, max: 5, noNaN: true }),
        (a, b) => {
          const [low, high] = a <= b ? [a, b] : [b, a];
          expect(
            compareClass(labelFromEnergyIndex(low), labelFromEnergyIndex(high)),
          ).toBeLessThanOrEqual(0);
        },
      ),
    );
  });
});

describe('EnergyLabelRecordSchema', () => {
  it('accepts a complete NTA 8800 record', () => {
    expect(EnergyLabelRecordSchema.parse(label({ ep2: 200 }))).toEqual(label({ ep2: 200 }));
  });

  it('accepts a validity of exactly 10 years and rejects one day more', () => {
    expect(EnergyLabelRecordSchema.safeParse(label({ validUntil: '2031-06-01' })).success).toBe(
      true,
    );
    const result = EnergyLabelRecordSchema.safeParse(label({ validUntil: '2031-06-02' }));
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe(
      'Een energielabel is ten hoogste 10 jaar geldig na registratie.',
    );
  });

  it('rejects a validity that ends before registration', () => {
    const result = EnergyLabelRecordSchema.safeParse(label({ validUntil: '2021-05-31' }));
    expect(result.error?.issues[0]?.message).toBe('Geldig tot ligt vóór de registratiedatum.');
  });

  it('rejects an opnamedatum after the registration', () => {
    const result = EnergyLabelRecordSchema.safeParse(label({ recordingDate: '2021-06-02' }));
    expect(result.error?.issues[0]?.path).toEqual(['recordingDate']);
  });

  it('rejects an Energie-Index on an NTA 8800 label and EP2 on an EI label', () => {
    expect(EnergyLabelRecordSchema.safeParse(label({ energyIndex: 1.5 })).success).toBe(false);
    expect(
      EnergyLabelRecordSchema.safeParse(label({ method: 'EI', ep2: 200, class: 'C' })).success,
    ).toBe(false);
  });

  it('rejects EI labels better than A++', () => {
    expect(EnergyLabelRecordSchema.safeParse(label({ method: 'EI', class: 'A+++' })).success).toBe(
      false,
    );
    expect(EnergyLabelRecordSchema.safeParse(label({ method: 'EI', class: 'A++' })).success).toBe(
      true,
    );
  });

  it('rejects an unknown class and an invalid date in Dutch', () => {
    const result = EnergyLabelRecordSchema.safeParse({ ...label(), class: 'H' });
    expect(result.error?.issues[0]?.message).toBe('Onbekende labelklasse: verwacht A++++ t/m G.');
    const date = EnergyLabelRecordSchema.safeParse(label({ registrationDate: '2021-02-30' }));
    expect(date.success).toBe(false);
  });
});

describe('labelClassMismatch', () => {
  it('is null when the class follows from the number', () => {
    expect(labelClassMismatch(label({ class: 'C', ep2: 250 }))).toBeNull();
    expect(labelClassMismatch(label({ method: 'EI', class: 'E', energyIndex: 2.4 }))).toBeNull();
    expect(labelClassMismatch(label())).toBeNull();
  });

  it('explains a class that does not follow from EP2 or the index', () => {
    expect(labelClassMismatch(label({ class: 'C', ep2: 250.5 }))).toBe(
      'Klasse C past niet bij EP2 250.5 (dat is D).',
    );
    expect(labelClassMismatch(label({ method: 'EI', class: 'B', energyIndex: 1.5 }))).toContain(
      'dat is C',
    );
  });
});

describe('label validity', () => {
  it('is valid on its last day and expired the day after', () => {
    const record = label({ registrationDate: '2015-03-01', validUntil: '2025-03-01' });
    expect(isExpired(record, '2025-02-28')).toBe(false);
    expect(isExpired(record, '2025-03-01')).toBe(false);
    expect(isExpired(record, '2025-03-02')).toBe(true);
    expect(expiredSince(record)).toBe('2025-03-02');
  });

  it('never lasts more than 10 years after registration, even when validUntil says so', () => {
    const record = { registrationDate: '2015-03-01', validUntil: '2027-01-01' };
    expect(validityEnd(record)).toBe('2025-03-01');
    expect(isExpired(record, '2025-03-02')).toBe(true);
  });

  it('treats a leap-day registration as valid until 28 February ten years later', () => {
    const record = { registrationDate: '2016-02-29', validUntil: '2026-03-01' };
    expect(validityEnd(record)).toBe('2026-02-28');
    expect(isExpired(record, '2026-02-28')).toBe(false);
    expect(isExpired(record, '2026-03-01')).toBe(true);
  });

  it('uses an earlier validUntil as is', () => {
    expect(validityEnd({ registrationDate: '2020-01-01', validUntil: '2024-12-31' })).toBe(
      '2024-12-31',
    );
  });
});

describe('mostRecentLabel', () => {
  it('returns undefined without labels', () => {
    expect(mostRecentLabel([])).toBeUndefined();
  });

  it('picks the newest opnamedatum regardless of order', () => {
    const older = label({
      class: 'F',
      registrationDate: '2016-01-01',
      recordingDate: '2015-12-01',
      validUntil: '2026-01-01',
      method: 'EI',
    });
    const newer = label({
      class: 'B',
      registrationDate: '2023-01-01',
      recordingDate: '2022-12-01',
      validUntil: '2033-01-01',
    });
    expect(mostRecentLabel([older, newer])).toBe(newer);
    expect(mostRecentLabel([newer, older])).toBe(newer);
  });

  it('prefers the newest opnamedatum over a later registration of an older recording', () => {
    const recordedLate = label({
      class: 'C',
      recordingDate: '2022-06-01',
      registrationDate: '2022-06-10',
    });
    const registeredLater = label({
      class: 'F',
      recordingDate: '2021-01-10',
      registrationDate: '2023-02-01',
    });
    expect(mostRecentLabel([recordedLate, registeredLater])).toBe(recordedLate);
    expect(mostRecentLabel([registeredLater, recordedLate])).toBe(recordedLate);
  });

  it('breaks an opnamedatum tie by the newest registration', () => {
    const early = label({ class: 'D', registrationDate: '2021-05-25' });
    const late = label({ class: 'C', registrationDate: '2021-08-10' });
    expect(mostRecentLabel([late, early])).toBe(late);
    expect(mostRecentLabel([early, late])).toBe(late);
  });

  it('breaks a full date tie the same way on every device: EP-online first, then the worse class', () => {
    const manual = label({ class: 'B', source: 'handmatig' });
    const official = label({ class: 'C', source: 'ep-online' });
    expect(mostRecentLabel([manual, official])).toBe(official);
    expect(mostRecentLabel([official, manual])).toBe(official);
    const better = label({ class: 'D' });
    const worse = label({ class: 'E' });
    expect(mostRecentLabel([better, worse])).toBe(worse);
    expect(mostRecentLabel([worse, better])).toBe(worse);
  });

  it('does not depend on the order of the records', () => {
    const arbitraryLabel = fc.record({
      class: fc.constantFrom(...energyLabelClasses),
      registrationDate: fc.constantFrom('2016-01-01', '2020-05-05', '2023-03-03'),
      recordingDate: fc.constantFrom('2015-01-01', '2015-06-01'),
      validUntil: fc.constant('2025-01-01'),
      method: fc.constant('NTA8800' as const),
      source: fc.constantFrom('ep-online' as const, 'inspectie' as const, 'handmatig' as const),
    });
    fc.assert(
      fc.property(fc.array(arbitraryLabel, { minLength: 1, maxLength: 8 }), (records) => {
        const winner = mostRecentLabel(records);
        const reversed = mostRecentLabel([...records].reverse());
        expect(reversed).toEqual(winner);
        for (const record of records)
          expect(record.recordingDate <= (winner?.recordingDate ?? '')).toBe(true);
      }),
    );
  });
});

describe('efgStatus', () => {
  it('is not EFG and has no label when the dwelling has no label', () => {
    expect(efgStatus([], '2025-01-01')).toEqual({
      isEfg: false,
      label: null,
      expired: false,
      record: null,
    });
  });

  it.each<[EnergyLabelClass, boolean]>([
    ['A++++', false],
    ['A', false],
    ['D', false],
    ['E', true],
    ['F', true],
    ['G', true],
  ])('counts a most recent label %s as EFG: %s', (labelClass, expected) => {
    expect(efgStatus([label({ class: labelClass })], '2025-01-01').isEfg).toBe(expected);
  });

  it('follows the most recent label: an old G replaced by a new C is not EFG', () => {
    const old = label({
      class: 'G',
      method: 'EI',
      registrationDate: '2016-01-01',
      recordingDate: '2016-01-01',
      validUntil: '2026-01-01',
    });
    const renewed = label({
      class: 'C',
      registrationDate: '2024-01-01',
      recordingDate: '2023-12-01',
      validUntil: '2034-01-01',
    });
    const status = efgStatus([old, renewed], '2025-01-01');
    expect(status.isEfg).toBe(false);
    expect(status.label).toBe('C');
  });

  it('keeps an expired E label as EFG and marks it expired', () => {
    const expired = label({
      class: 'E',
      method: 'EI',
      registrationDate: '2014-01-01',
      recordingDate: '2014-01-01',
      validUntil: '2024-01-01',
    });
    expect(efgStatus([expired], '2024-01-01')).toMatchObject({
      isEfg: true,
      label: 'E',
      expired: false,
    });
    expect(efgStatus([expired], '2024-01-02')).toMatchObject({
      isEfg: true,
      label: 'E',
      expired: true,
    });
  });
});

describe('policy deadlines', () => {
  it('cite their rules as data', () => {
    expect(RuleRefSchema.parse(efgPhaseOutDeadline.rule).id).toBe('efg.uitfasering.2028');
    expect(efgPhaseOutDeadline).toMatchObject({ date: '2028-12-31', proposed: false });
    expect(rentedMinimumDDeadline).toMatchObject({
      date: '2029-01-01',
      proposed: true,
      minimumClass: 'D',
    });
  });
});

describe('indicativeLabelAfter', () => {
  it('is marked indicative and carries the disclaimer', () => {
    const result = indicativeLabelAfter('F', ['dakisolatie']);
    expect(result.indicative).toBe(true);
    expect(result.disclaimer).toBe(INDICATIVE_LABEL_DISCLAIMER);
    expect(INDICATIVE_LABEL_DISCLAIMER).toMatch(/^Indicatief/);
  });

  it('adds the steps of separate measures', () => {
    expect(
      indicativeLabelAfter('G', ['spouwmuurisolatie', 'dakisolatie', 'vloerisolatie']),
    ).toMatchObject({
      from: 'G',
      to: 'C',
      steps: 4,
    });
  });

  it('counts only the largest step of measures that replace each other', () => {
    expect(indicativeLabelAfter('E', ['hr-plus-plus-glas', 'triple-glas']).steps).toBe(2);
  });

  it('ignores duplicates and never goes beyond A++++', () => {
    expect(indicativeLabelAfter('E', ['dakisolatie', 'dakisolatie']).to).toBe('D');
    const all = Object.keys(energyMeasures) as (keyof typeof energyMeasures)[];
    expect(indicativeLabelAfter('A+', all).to).toBe('A++++');
  });

  it('leaves the class unchanged without measures', () => {
    expect(indicativeLabelAfter('D', [])).toMatchObject({ from: 'D', to: 'D', steps: 0 });
  });

  it('never makes a label worse', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...energyLabelClasses),
        fc.subarray(Object.keys(energyMeasures) as (keyof typeof energyMeasures)[]),
        (from, measures) => {
          expect(compareClass(indicativeLabelAfter(from, measures).to, from)).toBeLessThanOrEqual(
            0,
          );
        },
      ),
    );
  });

  it('has every measure marked indicative with a positive step', () => {
    for (const [id, measure] of Object.entries(energyMeasures)) {
      expect(measure.id).toBe(id);
      expect(measure.indicative).toBe(true);
      expect(measure.classStep).toBeGreaterThan(0);
    }
  });
});
