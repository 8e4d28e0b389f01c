import { useId } from 'preact/hooks';
import { t } from '../../i18n/i18n.ts';
import { formatCount } from './overview-format.ts';

export interface Bar {
  label: string;
  value: number;
  /** CSS class that colours the bar (e.g. an energy label's colour); the brand colour otherwise. */
  tone?: string;
}

const ROW_HEIGHT = 28;
const LABEL_WIDTH = 150;
const BAR_AREA = 300;
const VALUE_WIDTH = 70;
const WIDTH = LABEL_WIDTH + BAR_AREA + VALUE_WIDTH;

/**
 * A horizontal bar chart in plain SVG (no chart library in the bundle). Screen readers get one
 * image with a title and a description that lists every value; the table under each chart holds
 * the same figures for anyone who prefers numbers.
 */
export function BarChart({ title, bars, testId }: { title: string; bars: Bar[]; testId?: string }) {
  const id = useId();
  const max = Math.max(0, ...bars.map((bar) => bar.value));
  const height = Math.max(1, bars.length) * ROW_HEIGHT + 8;
  const values = bars.map((bar) => `${bar.label} ${formatCount(bar.value)}`).join(', ');
  return (
    <figure class="bar-chart" data-testid={testId}>
      <figcaption id={`${id}-caption`}>{title}</figcaption>
      <svg
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        viewBox={`0 0 ${WIDTH} ${height}`}
        width="100%"
        preserveAspectRatio="xMinYMin meet"
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>
          {bars.length === 0 ? t('overview.chart.empty') : t('overview.chart.desc', { values })}
        </desc>
        {bars.map((bar, index) => {
          const y = index * ROW_HEIGHT + 4;
          const width =
            max === 0 ? 0 : Math.max(bar.value > 0 ? 2 : 0, (bar.value / max) * BAR_AREA);
          return (
            <g
              key={bar.label}
              data-testid="chart-bar"
              data-label={bar.label}
              data-value={bar.value}
            >
              <text
                x={LABEL_WIDTH - 8}
                y={y + ROW_HEIGHT / 2}
                class="bar-label"
                text-anchor="end"
                dominant-baseline="middle"
              >
                {bar.label}
              </text>
              <rect
                x={LABEL_WIDTH}
                y={y + 3}
                width={width}
                height={ROW_HEIGHT - 8}
                rx={3}
                class={bar.tone ? `bar ${bar.tone}` : 'bar'}
              />
              <text
                x={LABEL_WIDTH + width + 6}
                y={y + ROW_HEIGHT / 2}
                class="bar-value"
                dominant-baseline="middle"
              >
                {formatCount(bar.value)}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
