import { describe, expect, it } from 'vitest';
import { efgProgress, type EfgDwellingFacts } from '../../../shared/domain/efg-progress.ts';
import { chartGeometry, CHART_SIZE } from './efg-chart.ts';

const complexId = '0190a0b0-0000-7000-8000-0000000000c1';

function dwelling(n: number, labelClass: 'G' | 'B', registrationDate = '2018-04-10') {
  const id = `0190a0b0-0000-7000-8000-${String(n).padStart(12, '0')}`;
  const facts: EfgDwellingFacts = {
    dwellingId: id,
    complexId,
    label: { class: labelClass, registrationDate, validUntil: '2030-01-01' },
    efgCase:
      labelClass === 'B'
        ? {
            id,
            complexId,
            status: 'kandidaat',
            history: [{ status: 'kandidaat', by: 'u', at: '2026-05-02T08:00:00.000Z' }],
          }
        : undefined,
  };
  return facts;
}

describe('the progress chart', () => {
  const progress = efgProgress(
    [dwelling(1, 'G'), dwelling(2, 'G'), dwelling(3, 'G'), dwelling(4, 'B', '2026-09-15')],
    '2026-11-22',
  );
  const g = chartGeometry(progress);

  it('runs from the first month of history to the proposed 2029 date, deadline inside', () => {
    expect(g.remainingPath.startsWith(`M${g.plot.left} `)).toBe(true);
    expect(g.deadlineX).toBeGreaterThan(g.todayX);
    expect(g.proposedX).toBeDefined();
    expect(g.proposedX ?? 0).toBeGreaterThan(g.deadlineX);
    expect(g.proposedX).toBeCloseTo(CHART_SIZE.width - 16, 0);
    expect(g.xTicks.map((tick) => tick.label)).toEqual(['2027', '2028', '2029']);
  });

  it('draws the remaining count falling when a dwelling left EFG, and the out count rising', () => {
    const remainingYs = g.remainingPath
      .split(/[ML]/)
      .filter(Boolean)
      .map((p) => Number(p.split(' ')[1]));
    const outYs = g.outPath
      .split(/[ML]/)
      .filter(Boolean)
      .map((p) => Number(p.split(' ')[1]));
    // Four listed: at the start all four remain (top of the plot), at the end three remain.
    expect(remainingYs[0]).toBe(g.plot.top);
    expect(remainingYs.at(-1)).toBeGreaterThan(g.plot.top);
    expect(outYs[0]).toBe(g.plot.bottom);
    expect(outYs.at(-1)).toBeLessThan(g.plot.bottom);
  });

  it('aims the target line at zero remaining on the deadline for a 100% target', () => {
    const [, end] = g.targetPath.split(' L');
    expect(end).toBe(`${g.deadlineX} ${g.plot.bottom}`);
    expect(g.yTicks[0]).toEqual({ y: g.plot.bottom, value: 0 });
    expect(g.yTicks.at(-1)?.value).toBe(4);
  });

  it('leaves out the target line once the deadline has passed', () => {
    const late = chartGeometry(efgProgress([dwelling(1, 'G')], '2029-03-01'));
    expect(late.targetPath).toBe('');
  });
});
