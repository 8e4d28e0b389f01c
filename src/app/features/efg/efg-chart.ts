// The progress chart's geometry, apart from the SVG so it can be tested: the remaining EFG
// dwellings and those out of EFG over time, the pace the target asks from today to the
// deadline, and markers for the deadline and the proposed 1-1-2029 rule. No chart library.
import type { EfgProgress } from '../../../shared/domain/efg-progress.ts';
import { rentedMinimumDDeadline } from '../../../shared/domain/energy-label.ts';

export interface ChartSize {
  width: number;
  height: number;
}

export const CHART_SIZE: ChartSize = { width: 640, height: 260 };
const PAD = { left: 44, right: 16, top: 16, bottom: 32 };

export interface ChartGeometry {
  size: ChartSize;
  plot: { left: number; right: number; top: number; bottom: number };
  /** SVG path data ("M x y L x y ..."), empty when there is nothing to draw. */
  remainingPath: string;
  outPath: string;
  /** From today's remaining count to what the target allows at the deadline. */
  targetPath: string;
  todayX: number;
  deadlineX: number;
  /** The proposed rule's date, when it falls inside the chart. */
  proposedX: number | undefined;
  xTicks: { x: number; label: string }[];
  yTicks: { y: number; value: number }[];
}

function dayNumber(day: string): number {
  return Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

function path(points: readonly (readonly [number, number])[]): string {
  return points
    .map(([x, y], index) => `${index === 0 ? 'M' : 'L'}${round(x)} ${round(y)}`)
    .join(' ');
}

/** A step of 1, 2, 5, 10, 20, 50... giving at most about five ticks up to `max`. */
function tickStep(max: number): number {
  const rough = Math.max(1, max / 5);
  const power = 10 ** Math.floor(Math.log10(rough));
  for (const factor of [1, 2, 5, 10]) if (factor * power >= rough) return factor * power;
  return 10 * power;
}

export function chartGeometry(progress: EfgProgress, size: ChartSize = CHART_SIZE): ChartGeometry {
  const plot = {
    left: PAD.left,
    right: size.width - PAD.right,
    top: PAD.top,
    bottom: size.height - PAD.bottom,
  };
  const first = progress.series[0]?.day ?? progress.target.deadline;
  const today = progress.series.at(-1)?.day ?? first;
  const proposed = rentedMinimumDDeadline.date;
  const end = [progress.target.deadline, today, proposed].reduce((a, b) => (a > b ? a : b));
  const x0 = dayNumber(first);
  const span = Math.max(1, dayNumber(end) - x0);
  const x = (day: string) => plot.left + ((dayNumber(day) - x0) / span) * (plot.right - plot.left);
  const maxValue = Math.max(1, progress.total);
  const y = (value: number) => plot.bottom - (value / maxValue) * (plot.bottom - plot.top);

  const allowedAtDeadline = Math.max(0, progress.total - progress.dropped - progress.targetOut);
  const targetStart = progress.remaining;
  const deadlineX = x(progress.target.deadline);

  const xTicks: ChartGeometry['xTicks'] = [];
  for (let year = Number(first.slice(0, 4)) + 1; year <= Number(end.slice(0, 4)); year += 1)
    xTicks.push({ x: round(x(`${year}-01-01`)), label: String(year) });
  const step = tickStep(maxValue);
  const yTicks: ChartGeometry['yTicks'] = [];
  for (let value = 0; value <= maxValue; value += step) yTicks.push({ y: round(y(value)), value });

  return {
    size,
    plot,
    remainingPath: path(progress.series.map((point) => [x(point.day), y(point.remaining)])),
    outPath: path(progress.series.map((point) => [x(point.day), y(point.out)])),
    targetPath:
      progress.target.deadline > today
        ? path([
            [x(today), y(targetStart)],
            [deadlineX, y(allowedAtDeadline)],
          ])
        : '',
    todayX: round(x(today)),
    deadlineX: round(deadlineX),
    proposedX: proposed <= end ? round(x(proposed)) : undefined,
    xTicks,
    yTicks,
  };
}
