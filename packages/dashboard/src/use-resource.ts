import { useCallback, useEffect, useState } from 'preact/hooks';
import { isAbortError } from './api-error.ts';

/**
 * A value being loaded for a view. While reloading, `stale` holds the previous value so a
 * view can keep it on screen (and keep keyboard focus on its controls) until the new one lands.
 */
export type Resource<T> = { status: 'loading'; stale?: T } | { status: 'ready'; data: T } | { status: 'error'; error: Error };

/**
 * Loads `load()` whenever `deps` change, aborting the superseded request so a slow old
 * answer never overwrites a newer one. Returns the state and a `reload` function.
 */
export function useResource<T>(load: (signal: AbortSignal) => Promise<T>, deps: readonly unknown[]): [Resource<T>, () => void] {
  const [state, setState] = useState<Resource<T>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    const controller = new AbortController();
    setState((previous) => ({ status: 'loading', stale: previous.status === 'ready' ? previous.data : previous.status === 'loading' ? previous.stale : undefined }));
    load(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setState({ status: 'ready', data });
      },
      (error: unknown) => {
        if (controller.signal.aborted || isAbortError(error)) return;
        setState({ status: 'error', error: error instanceof Error ? error : new Error(String(error)) });
      },
    );
    return () => controller.abort();
    // `load` is a fresh closure each render; `deps` say when it means something new.
  }, [...deps, attempt]);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return [state, reload];
}
