import type { State } from './store.ts';

/** Where a user's demo workspace is kept, per user id, so a reload or a later visit finds it again. */
export const stateKey = (userId: string) => `northwind-demo-state:${userId}`;

/** The saved workspace of `userId`, or undefined when there is none (or it is unreadable). */
export function loadState(storage: Pick<Storage, 'getItem'> | undefined, userId: string): State | undefined {
  try {
    const raw = storage?.getItem(stateKey(userId));
    const state = raw ? (JSON.parse(raw) as Partial<State>) : undefined;
    const valid = state && Array.isArray(state.projects) && Array.isArray(state.tasks) && Array.isArray(state.team) && typeof state.settings === 'object';
    return valid ? (state as State) : undefined;
  } catch {
    // Blocked storage or a hand-edited value: start from the defaults.
    return undefined;
  }
}

/** Saves the workspace of `userId` (no-op where storage is blocked or full). */
export function saveState(storage: Pick<Storage, 'setItem'> | undefined, userId: string, state: State): void {
  try {
    storage?.setItem(stateKey(userId), JSON.stringify(state));
  } catch {
    // See loadState.
  }
}
