import type { EfgProgress } from '../../../shared/domain/efg-progress.ts';
import { t } from '../../i18n/i18n.ts';
import { formatIsoDate } from '../common/format.ts';
import { chartGeometry } from './efg-chart.ts';

/** Remaining EFG dwellings and those out of EFG over time, with the pace the target asks. */
export function EfgChart({ progress }: { progress: EfgProgress }) {
  const g = chartGeometry(progress);
  const description = t('efg.chart.desc', {
    remaining: progress.remaining,
    out: progress.out,
    deadline: formatIsoDate(progress.target.deadline),
  });
  return (
    <figure class="efg-chart">
      <svg
        viewBox={`0 0 ${g.size.width} ${g.size.height}`}
        role="img"
        aria-label={description}
        data-testid="efg-chart"
      >
        {g.yTicks.map((tick) => (
          <g key={`y${tick.value}`}>
            <line class="efg-grid" x1={g.plot.left} x2={g.plot.right} y1={tick.y} y2={tick.y} />
            <text class="efg-axis" x={g.plot.left - 6} y={tick.y + 4} text-anchor="end">
              {tick.value}
            </text>
          </g>
        ))}
        {g.xTicks.map((tick) => (
          <text
            key={tick.label}
            class="efg-axis"
            x={tick.x}
            y={g.plot.bottom + 20}
            text-anchor="middle"
          >
            {tick.label}
          </text>
        ))}
        <line class="efg-today" x1={g.todayX} x2={g.todayX} y1={g.plot.top} y2={g.plot.bottom} />
        <line
          class="efg-deadline"
          x1={g.deadlineX}
          x2={g.deadlineX}
          y1={g.plot.top}
          y2={g.plot.bottom}
        />
        {g.proposedX !== undefined && (
          <line
            class="efg-proposed"
            x1={g.proposedX}
            x2={g.proposedX}
            y1={g.plot.top}
            y2={g.plot.bottom}
          />
        )}
        {g.targetPath && <path class="efg-line-target" d={g.targetPath} />}
        <path class="efg-line-out" d={g.outPath} />
        <path class="efg-line-remaining" d={g.remainingPath} />
      </svg>
      <figcaption>
        <ul class="efg-legend">
          <li>
            <span class="efg-key efg-key-remaining" aria-hidden="true" />
            {t('efg.chart.remaining')}
          </li>
          <li>
            <span class="efg-key efg-key-out" aria-hidden="true" />
            {t('efg.chart.out')}
          </li>
          <li>
            <span class="efg-key efg-key-target" aria-hidden="true" />
            {t('efg.chart.target')}
          </li>
          <li>
            <span class="efg-key efg-key-deadline" aria-hidden="true" />
            {t('efg.chart.deadline', { date: formatIsoDate(progress.target.deadline) })}
          </li>
          {g.proposedX !== undefined && (
            <li>
              <span class="efg-key efg-key-proposed" aria-hidden="true" />
              {t('efg.chart.proposed')}
            </li>
          )}
        </ul>
      </figcaption>
    </figure>
  );
}
