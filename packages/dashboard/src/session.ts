import { signal, type ReadonlySignal } from '@preact/signals';
import { logger as defaultLogger, type Logger } from './logger.ts';

/** sessionStorage entry holding the secret key: gone when the tab closes, never in a URL. */
export const SESSION_STORAGE_KEY = 'cairn.dashboard.secretKey';

/** The signed-in state of the dashboard. */
export interface Session {
  /** The secret key, or null when signed out. */
  readonly key: ReadonlySignal<string | null>;
  /** Why the CSM was signed out (e.g. the key was revoked), shown on the sign-in form. */
  readonly notice: ReadonlySignal<string | null>;
  signIn(key: string): void;
  signOut(notice?: string): void;
}

/**
 * Creates the session, restoring a key kept earlier in this tab.
 * Storage that throws (blocked site data) degrades to a key held in memory only.
 */
export function createSession(storage: Storage | null = globalThis.sessionStorage ?? null, logger: Logger = defaultLogger): Session {
  const read = (): string | null => {
    try {
      return storage?.getItem(SESSION_STORAGE_KEY) || null;
    } catch (cause) {
      logger.warn('Failed to read the saved key: session storage is blocked. Please allow site data to stay signed in across reloads.', cause);
      return null;
    }
  };
  const write = (value: string | null) => {
    try {
      if (value === null) storage?.removeItem(SESSION_STORAGE_KEY);
      else storage?.setItem(SESSION_STORAGE_KEY, value);
    } catch (cause) {
      logger.warn('Failed to save the key: session storage is blocked. Please allow site data to stay signed in across reloads.', cause);
    }
  };

  const key = signal<string | null>(read());
  const notice = signal<string | null>(null);
  return {
    key,
    notice,
    signIn(value) {
      write(value);
      notice.value = null;
      key.value = value;
    },
    signOut(reason) {
      write(null);
      notice.value = reason ?? null;
      key.value = null;
    },
  };
}
