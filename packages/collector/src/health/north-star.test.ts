import { describe, expect, it } from 'vitest';
import { northStarSeries, weekStartOf } from './north-star.ts';

// 2026-11-23 is a Monday.
const now = new Date('2026-11-25T09:00:00.000Z'); // Wednesday

describe('weekStartOf', () => {
  it('returns the Monday (UTC) of the week', () => {
    expect(weekStartOf('2026-11-23')).toBe('2026-11-23'); // Monday itself
    expect(weekStartOf('2026-11-29')).toBe('2026-11-23'); // Sunday belongs to the week before Monday Nov 30
    expect(weekStartOf('2026-11-30')).toBe('2026-11-30');
    expect(weekStartOf(new Date('2026-11-25T23:59:59.999Z'))).toBe('2026-11-23');
  });
});

describe('northStarSeries', () => {
  const days = {
    '2026-11-09': { count: 1, sum: 10, users: ['u1'] }, // Monday, week Nov 9
    '2026-11-15': { count: 2, sum: 5, users: ['u1', 'u2'] }, // Sunday, still week Nov 9
    // week Nov 16 empty
    '2026-11-23': { count: 4, sum: 1.5, users: ['u2'] }, // current week
    '2026-11-25': { count: 1, sum: 2, users: ['u2', 'u3'] }, // today
    '2026-11-26': { count: 50, sum: 50, users: ['u9'] }, // tomorrow: ignored
    '2026-10-01': { count: 99, sum: 99, users: ['old'] }, // before the window: ignored
  };

  it('counts events per Monday-start week, oldest first, empty weeks as 0', () => {
    expect(northStarSeries(days, { aggregation: 'count', windowWeeks: 3 }, now)).toEqual([
      { weekStart: '2026-11-09', value: 3 }, // 1 + 2
      { weekStart: '2026-11-16', value: 0 },
      { weekStart: '2026-11-23', value: 5 }, // 4 + 1, the partial current week
    ]);
  });

  it('sums the property per week', () => {
    const series = northStarSeries(days, { aggregation: 'sum', windowWeeks: 3 }, now);
    expect(series.map((p) => p.value)).toEqual([15, 0, 3.5]); // 10 + 5; 0; 1.5 + 2
  });

  it('counts distinct users per week, not the sum of daily counts', () => {
    const series = northStarSeries(days, { aggregation: 'unique_users', windowWeeks: 3 }, now);
    expect(series.map((p) => p.value)).toEqual([2, 0, 2]); // {u1, u2}; {}; {u2, u3}
  });

  it('returns windowWeeks points', () => {
    const series = northStarSeries({}, { aggregation: 'count', windowWeeks: 12 }, now);
    expect(series).toHaveLength(12);
    expect(series[0]?.weekStart).toBe('2026-09-07'); // Nov 23 − 11 · 7 days
    expect(series.every((p) => p.value === 0)).toBe(true);
  });
});
