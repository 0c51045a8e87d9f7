/** A tiny typed event emitter (mitt-like): handlers never break the emitter or each other. */
export interface Emitter<E> {
  /** Subscribes; returns the unsubscribe function. */
  on<K extends keyof E>(name: K, fn: (payload: E[K]) => void): () => void;
  emit<K extends keyof E>(name: K, payload: E[K]): void;
}

/**
 * @param onHandlerError - called when a subscriber throws, so the host's bug is reported, not rethrown
 */
export function createEmitter<E>(onHandlerError: (cause: unknown) => void): Emitter<E> {
  const all = new Map<keyof E, Set<(payload: never) => void>>();
  return {
    on(name, fn) {
      let set = all.get(name);
      if (!set) all.set(name, (set = new Set()));
      set.add(fn);
      return () => void set.delete(fn);
    },
    emit(name, payload) {
      for (const fn of all.get(name) ?? []) {
        try {
          (fn as (p: typeof payload) => void)(payload);
        } catch (cause) {
          onHandlerError(cause);
        }
      }
    },
  };
}
