import { useId } from 'preact/hooks';

/** One point of a {@link TrendChart}; a null value is a gap (no data that week). */
export interface TrendPoint {
  label: string;
  value: number | null;
  /** Extra column of the data table, e.g. the number of responses. */
  note?: string;
}

/** Props of {@link TrendChart}. */
export interface TrendChartProps {
  title: string;
  /** Column headings of the data table: [label, value, note]. */
  columns: [string, string, string?];
  points: readonly TrendPoint[];
  /** Y range; values outside are clamped to the edge. */
  min: number;
  max: number;
  format: (value: number) => string;
}

const WIDTH = 640;
const HEIGHT = 200;
const PAD = { top: 12, right: 12, bottom: 24, left: 44 };

/** Plot coordinates of each point (null for gaps), exported for tests. */
export function chartCoordinates(points: readonly TrendPoint[], min: number, max: number): ({ x: number; y: number } | null)[] {
  const innerWidth = WIDTH - PAD.left - PAD.right;
  const innerHeight = HEIGHT - PAD.top - PAD.bottom;
  const span = max - min || 1;
  return points.map((point, index) => {
    if (point.value === null || !Number.isFinite(point.value)) return null;
    const value = Math.max(min, Math.min(max, point.value));
    const x = PAD.left + (points.length === 1 ? innerWidth / 2 : (index / (points.length - 1)) * innerWidth);
    const y = PAD.top + (1 - (value - min) / span) * innerHeight;
    return { x: Math.round(x * 10) / 10, y: Math.round(y * 10) / 10 };
  });
}

/** A short text summary of the series, the chart's accessible description. */
export function describeTrend(points: readonly TrendPoint[], format: (value: number) => string): string {
  const known = points.filter((point): point is TrendPoint & { value: number } => point.value !== null);
  if (known.length === 0) return 'No data in this period.';
  const values = known.map((point) => point.value);
  const first = known[0]!;
  const last = known[known.length - 1]!;
  return (
    `${points.length} weeks from ${points[0]!.label} to ${points[points.length - 1]!.label}. ` +
    `First ${format(first.value)} (${first.label}), latest ${format(last.value)} (${last.label}), ` +
    `lowest ${format(Math.min(...values))}, highest ${format(Math.max(...values))}.`
  );
}

/**
 * An inline-SVG line chart with `role="img"`, a title and a description, followed by the
 * same numbers as a table for screen readers and for reading exact values.
 */
export function TrendChart({ title, columns, points, min, max, format }: TrendChartProps) {
  const id = useId();
  const coordinates = chartCoordinates(points, min, max);
  // Gaps break the line into segments instead of drawing through weeks with no data.
  let path = '';
  let pen = false;
  for (const point of coordinates) {
    if (!point) {
      pen = false;
      continue;
    }
    path += `${pen ? 'L' : 'M'}${point.x} ${point.y}`;
    pen = true;
  }
  const ticks = min < 0 && max > 0 ? [max, 0, min] : [max, (max + min) / 2, min];
  const yOf = (value: number) => PAD.top + (1 - (value - min) / (max - min || 1)) * (HEIGHT - PAD.top - PAD.bottom);
  return (
    <figure class="chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby={`${id}-title ${id}-desc`}>
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{describeTrend(points, format)}</desc>
        {ticks.map((tick) => (
          <g key={tick} class="chart-grid">
            <line x1={PAD.left} x2={WIDTH - PAD.right} y1={yOf(tick)} y2={yOf(tick)} />
            <text x={PAD.left - 6} y={yOf(tick) + 4} text-anchor="end">
              {format(tick)}
            </text>
          </g>
        ))}
        {points.length > 0 && (
          <g class="chart-axis">
            <text x={PAD.left} y={HEIGHT - 6}>
              {points[0]!.label}
            </text>
            <text x={WIDTH - PAD.right} y={HEIGHT - 6} text-anchor="end">
              {points[points.length - 1]!.label}
            </text>
          </g>
        )}
        <path class="chart-line" d={path} fill="none" />
        {coordinates.map((point, index) => point && <circle key={index} class="chart-point" cx={point.x} cy={point.y} r={3.5} />)}
      </svg>
      <details class="chart-data">
        <summary>{title}: data table</summary>
        <table>
          <caption>{title}</caption>
          <thead>
            <tr>
              <th scope="col">{columns[0]}</th>
              <th scope="col">{columns[1]}</th>
              {columns[2] && <th scope="col">{columns[2]}</th>}
            </tr>
          </thead>
          <tbody>
            {points.map((point) => (
              <tr key={point.label}>
                <th scope="row">{point.label}</th>
                <td class="num">{point.value === null ? 'No data' : format(point.value)}</td>
                {columns[2] && <td class="num">{point.note ?? ''}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
