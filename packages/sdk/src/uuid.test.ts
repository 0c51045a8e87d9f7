import { expect, test } from 'vitest';
import { uuid } from './uuid.ts';

const V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

test('is a v4 UUID, unique across pool refills', () => {
  // 600 ids span more than two refills of the 256-id pool.
  const ids = Array.from({ length: 600 }, uuid);
  for (const id of ids) expect(id).toMatch(V4);
  expect(new Set(ids).size).toBe(600);
});

test('does not need crypto.randomUUID (missing on plain-http pages)', () => {
  const original = Object.getOwnPropertyDescriptor(Crypto.prototype, 'randomUUID')!;
  Object.defineProperty(Crypto.prototype, 'randomUUID', { value: undefined, configurable: true });
  try {
    expect(uuid()).toMatch(V4);
  } finally {
    Object.defineProperty(Crypto.prototype, 'randomUUID', original);
  }
  expect(typeof crypto.randomUUID).toBe('function');
});
