import { expect, test } from 'vitest';
import { formatAgo, formatNps, formatNumber, formatWeight } from './format.ts';

test('numbers: one decimal, a dash for no data', () => {
  expect(formatNumber(82.44)).toBe('82.4');
  expect(formatNumber(null)).toBe('—');
  expect(formatNumber(Number.NaN)).toBe('—');
});

test('NPS is signed with a real minus sign', () => {
  expect([formatNps(40), formatNps(0), formatNps(-20.4), formatNps(null)]).toEqual(['+40', '0', '\u221220', '—']);
});

test('weights as percentages, and time since last seen', () => {
  expect(formatWeight(0.7)).toBe('70%');
  const now = Date.parse('2026-11-20T12:00:00Z');
  expect(formatAgo('2026-11-20T08:00:00Z', now)).toBe('Today');
  expect(formatAgo('2026-11-17T08:00:00Z', now)).toMatch(/3 days ago/);
  expect(formatAgo(null, now)).toBe('Never');
});
