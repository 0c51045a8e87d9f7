import { expect, test } from 'vitest';
import { formatNps } from './format.ts';
import { chartCoordinates, describeTrend } from './trend-chart.tsx';

const points = [
  { label: 'w1', value: 100 },
  { label: 'w2', value: null },
  { label: 'w3', value: -100 },
  { label: 'w4', value: 0 },
];

test('maps values onto the plot: max at the top, min at the bottom, gaps as null', () => {
  const [top, gap, bottom, middle] = chartCoordinates(points, -100, 100);
  expect(gap).toBeNull();
  expect(top!.y).toBeLessThan(middle!.y);
  expect(middle!.y).toBeLessThan(bottom!.y);
  expect(middle!.y).toBeCloseTo((top!.y + bottom!.y) / 2, 0);
  expect(top!.x).toBeLessThan(bottom!.x);
});

test('clamps values outside the range and centres a single point', () => {
  const [over] = chartCoordinates([{ label: 'a', value: 500 }], 0, 100);
  const [atMax] = chartCoordinates([{ label: 'a', value: 100 }], 0, 100);
  expect(over).toEqual(atMax);
  const [single] = chartCoordinates([{ label: 'a', value: 1 }], 0, 2);
  const [first, last] = chartCoordinates([{ label: 'a', value: 1 }, { label: 'b', value: 1 }], 0, 2);
  expect(single!.x).toBeCloseTo((first!.x + last!.x) / 2, 0);
});

test('describes the series in words for the accessible description', () => {
  expect(describeTrend(points, formatNps)).toBe('4 weeks from w1 to w4. First +100 (w1), latest 0 (w4), lowest \u2212100, highest +100.');
  expect(describeTrend([{ label: 'w1', value: null }], formatNps)).toBe('No data in this period.');
});
