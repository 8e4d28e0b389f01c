import { z } from 'zod';

export const Nen2767ErnstSchema = z.enum(['ernstig', 'serieus', 'gering'], {
  error: 'Ernst moet ernstig, serieus of gering zijn.',
});
export type Nen2767Ernst = z.infer<typeof Nen2767ErnstSchema>;

/** 1 beginstadium, 2 gevorderd stadium, 3 eindstadium. */
export const Nen2767IntensiteitSchema = z.union([z.literal(1), z.literal(2), z.literal(3)], {
  error: 'Intensiteit moet 1, 2 of 3 zijn.',
});
export type Nen2767Intensiteit = z.infer<typeof Nen2767IntensiteitSchema>;

/** 1 < 2%, 2 2-10%, 3 10-30%, 4 30-70%, 5 >= 70% of the element. */
export const Nen2767OmvangSchema = z.union(
  [z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)],
  { error: 'Omvang moet 1 t/m 5 zijn.' },
);
export type Nen2767Omvang = z.infer<typeof Nen2767OmvangSchema>;

export const Nen2767RatingSchema = z.object({
  ernst: Nen2767ErnstSchema,
  intensiteit: Nen2767IntensiteitSchema,
  omvang: Nen2767OmvangSchema,
});
export type Nen2767Rating = z.infer<typeof Nen2767RatingSchema>;

export const ConditionScoreSchema = z.union(
  [z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5), z.literal(6)],
  { error: 'Conditiescore moet 1 t/m 6 zijn.' },
);
export type ConditionScore = z.infer<typeof ConditionScoreSchema>;

type Row = readonly [
  ConditionScore,
  ConditionScore,
  ConditionScore,
  ConditionScore,
  ConditionScore,
];

// The commonly used lookup table (ernst x intensiteit -> score per omvang 1..5). The
// authoritative table is in the paid norm NEN 2767-1: confirm against it before relying on it.
export const conditionScoreTable: Readonly<Record<Nen2767Ernst, readonly [Row, Row, Row]>> = {
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

/** The NEN 2767 condition score (1 uitstekend .. 6 zeer slecht) of one defect. */
export function conditionScore(rating: Nen2767Rating): ConditionScore {
  const { ernst, intensiteit, omvang } = Nen2767RatingSchema.parse(rating);
  return conditionScoreTable[ernst][intensiteit - 1]![omvang - 1]!;
}

/** Dutch names of the scores as used in NEN 2767 reports (domain words, not UI chrome). */
export const conditionScoreLabels: Readonly<Record<ConditionScore, string>> = {
  1: 'uitstekend',
  2: 'goed',
  3: 'redelijk',
  4: 'matig',
  5: 'slecht',
  6: 'zeer slecht',
};
