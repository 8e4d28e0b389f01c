// The 50,000-dwelling portfolio the in-browser benchmarks share, so their numbers stay comparable.
// Imported by the bench pages (runs in Chromium): pure TS, no Node APIs.
import type { DemoPortfolio } from '../../src/shared/domain/demo-portfolio.ts';
import { generatePortfolio } from '../../test/unit/db/portfolio-generator.ts';

type Complex = DemoPortfolio['complexes'][number];

/** 495 complexes of 100 dwellings (seed 42) and, apart, one complex of 500 (seed 43). */
export function benchPortfolioParts(): {
  organisation: DemoPortfolio['organisation'];
  complexes: Complex[];
  bigComplex: Complex;
} {
  const many = generatePortfolio({
    complexes: 495,
    pandenPerComplex: 5,
    dwellingsPerPand: 20,
    seed: 42,
  });
  const big = generatePortfolio({
    complexes: 1,
    pandenPerComplex: 5,
    dwellingsPerPand: 100,
    seed: 43,
  });
  const [bigComplex] = big.complexes;
  if (!bigComplex) throw new Error('the generator made no big complex');
  return { organisation: many.organisation, complexes: many.complexes, bigComplex };
}
