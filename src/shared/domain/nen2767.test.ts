import { describe, expect, it } from 'vitest';
import {
  conditionScore,
  conditionScoreLabels,
  Nen2767RatingSchema,
  type ConditionScore,
  type Nen2767Ernst,
  type Nen2767Intensiteit,
  type Nen2767Omvang,
} from './nen2767.ts';

// Transcribed independently from domain.md (rows: intensiteit 1..3, columns: omvang 1..5).
const expected: Record<Nen2767Ernst, number[][]> = {
  ernstig: [
    [1, 2, 3, 4, 5],
    [2, 3, 4, 5, 6],
    [3, 4, 5, 6, 6],
  ],
  serieus: [
    [1, 1, 2, 3, 4],
    [1, 2, 3, 4, 5],
    [2, 3, 4, 5, 6],
  ],
  gering: [
    [1, 1, 1, 2, 3],
    [1, 1, 2, 3, 4],
    [1, 2, 3, 4, 5],
  ],
};

const cases = (Object.keys(expected) as Nen2767Ernst[]).flatMap((ernst) =>
  ([1, 2, 3] as const).flatMap((intensiteit) =>
    ([1, 2, 3, 4, 5] as const).map(
      (omvang) =>
        [ernst, intensiteit, omvang, expected[ernst][intensiteit - 1]![omvang - 1]!] as [
          Nen2767Ernst,
          Nen2767Intensiteit,
          Nen2767Omvang,
          number,
        ],
    ),
  ),
);

describe('conditionScore', () => {
  it('covers all 45 combinations of the table', () => {
    expect(cases).toHaveLength(45);
  });

  it.each(cases)(
    'rates ernst %s, intensiteit %d, omvang %d as %d',
    (ernst, intensiteit, omvang, score) => {
      expect(conditionScore({ ernst, intensiteit, omvang })).toBe(score);
    },
  );

  it('never scores better when ernst, intensiteit or omvang gets worse', () => {
    const ernstOrder: Nen2767Ernst[] = ['gering', 'serieus', 'ernstig'];
    for (const [ernst, intensiteit, omvang, score] of cases) {
      if (omvang < 5)
        expect(
          conditionScore({ ernst, intensiteit, omvang: (omvang + 1) as Nen2767Omvang }),
        ).toBeGreaterThanOrEqual(score);
      if (intensiteit < 3)
        expect(
          conditionScore({ ernst, intensiteit: (intensiteit + 1) as Nen2767Intensiteit, omvang }),
        ).toBeGreaterThanOrEqual(score);
      const worse = ernstOrder[ernstOrder.indexOf(ernst) + 1];
      if (worse)
        expect(conditionScore({ ernst: worse, intensiteit, omvang })).toBeGreaterThanOrEqual(score);
    }
  });

  it('rejects values outside the scales', () => {
    expect(() =>
      conditionScore({ ernst: 'ernstig', intensiteit: 4, omvang: 1 } as never),
    ).toThrow();
    expect(() =>
      conditionScore({ ernst: 'ernstig', intensiteit: 1, omvang: 0 } as never),
    ).toThrow();
    expect(() => conditionScore({ ernst: 'licht', intensiteit: 1, omvang: 1 } as never)).toThrow();
  });
});

describe('Nen2767RatingSchema', () => {
  it('explains invalid values in Dutch', () => {
    const result = Nen2767RatingSchema.safeParse({ ernst: 'ernstig', intensiteit: 2, omvang: 6 });
    expect(result.error?.issues[0]?.message).toBe('Omvang moet 1 t/m 5 zijn.');
  });
});

describe('conditionScoreLabels', () => {
  it('name the six scores from uitstekend to zeer slecht', () => {
    expect(
      ([1, 2, 3, 4, 5, 6] as ConditionScore[]).map((score) => conditionScoreLabels[score]),
    ).toEqual(['uitstekend', 'goed', 'redelijk', 'matig', 'slecht', 'zeer slecht']);
  });
});
