import type { WireEvent } from '@cairn/protocol';
import { expect, test } from 'vitest';
import { chunk, utf8Length } from './chunk.ts';

const ev = (i: number, size = 0): WireEvent => ({
  type: 'track',
  event: 'E',
  messageId: 'm' + i,
  timestamp: '2026-01-01T00:00:00.000Z',
  anonymousId: 'a',
  properties: { pad: 'é'.repeat(size) },
});

const bodyBytes = (batch: WireEvent[], writeKey: string) =>
  new TextEncoder().encode(JSON.stringify({ batch, sentAt: new Date().toISOString(), writeKey })).length;

test('utf8Length counts UTF-8 bytes, not UTF-16 units', () => {
  expect(utf8Length('abc')).toBe(3);
  expect(utf8Length('é')).toBe(2);
  expect(utf8Length('中文')).toBe(6);
  expect(utf8Length('😀')).toBe(4);
});

test('every part fits the byte budget, in order, nothing lost', () => {
  const events = Array.from({ length: 200 }, (_, i) => ev(i, 300 + (i % 7) * 50));
  const { parts, tooLarge } = chunk(events, 64 * 1024, 2500, 'wk_key', 32 * 1024);
  expect(tooLarge).toEqual([]);
  expect(parts.length).toBeGreaterThan(1);
  for (const part of parts) expect(bodyBytes(part, 'wk_key')).toBeLessThanOrEqual(64 * 1024);
  expect(parts.flat()).toEqual(events);
});

test('respects the event count limit', () => {
  const { parts } = chunk(Array.from({ length: 12 }, (_, i) => ev(i)), 500 * 1024, 5, 'k', 32 * 1024);
  expect(parts.map((p) => p.length)).toEqual([5, 5, 2]);
});

test('sets apart events over the per-event limit', () => {
  const big = ev(1, 20_000);
  const { parts, tooLarge } = chunk([ev(0), big, ev(2)], 500 * 1024, 2500, 'k', 32 * 1024);
  expect(tooLarge).toEqual([big]);
  expect(parts).toEqual([[ev(0), ev(2)]]);
});
