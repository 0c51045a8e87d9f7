import { expect, test, vi } from 'vitest';
import { createLogger } from './logger.ts';
import { createSession, SESSION_STORAGE_KEY } from './session.ts';

test('keeps the key in the given storage and restores it', () => {
  const storage = window.sessionStorage;
  storage.removeItem(SESSION_STORAGE_KEY);
  const session = createSession(storage);
  expect(session.key.value).toBeNull();
  session.signIn('sk_1');
  expect(storage.getItem(SESSION_STORAGE_KEY)).toBe('sk_1');
  expect(createSession(storage).key.value).toBe('sk_1');
  session.signOut('Revoked.');
  expect(storage.getItem(SESSION_STORAGE_KEY)).toBeNull();
  expect(session.key.value).toBeNull();
  expect(session.notice.value).toBe('Revoked.');
  session.signIn('sk_2');
  expect(session.notice.value).toBeNull();
  storage.removeItem(SESSION_STORAGE_KEY);
});

test('blocked storage degrades to memory and logs one [cairn] warning per failure', () => {
  const blocked = {
    getItem: () => {
      throw new DOMException('denied', 'SecurityError');
    },
    setItem: () => {
      throw new DOMException('denied', 'SecurityError');
    },
    removeItem: () => undefined,
  } as unknown as Storage;
  const sink = { warn: vi.fn(), error: vi.fn() };
  const session = createSession(blocked, createLogger(sink));
  expect(session.key.value).toBeNull();
  session.signIn('sk_mem');
  expect(session.key.value).toBe('sk_mem');
  expect(sink.warn).toHaveBeenCalledTimes(2);
  expect(sink.warn.mock.calls[0]![0]).toMatch(/^\[cairn\] Failed to read the saved key: .*\. Please /);
});
