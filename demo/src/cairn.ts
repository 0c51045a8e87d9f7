/** The part of the Cairn browser API the demo uses; `window.cairn` is the snippet's stub until /cairn.js loads. */
export interface CairnApi {
  identify(userId: string, traits?: Record<string, unknown>): unknown;
  group(accountId: string, traits?: Record<string, unknown>): unknown;
  track(event: string, properties?: Record<string, unknown>): unknown;
  page(): unknown;
  /** Forgets the user and the anonymous id (sign-out, or switching to another demo user). */
  reset(): unknown;
  /** Listens to the SDK; the demo uses `checklist` (the view drawn, or null) to keep its layout clear of the panel. */
  on(name: 'checklist', listener: (view: { mode: 'launcher' | 'open' | 'minimised' } | null) => void): unknown;
}

declare global {
  interface Window {
    cairn?: CairnApi;
  }
}

/**
 * Looks up `window.cairn` on every call rather than once: the script tag replaces the stub
 * with the real SDK when it loads, and calls must reach whichever is there now.
 */
export function cairnFrom(target: Window = window): CairnApi {
  const current = (): CairnApi | undefined => target.cairn;
  return {
    identify: (userId, traits) => current()?.identify(userId, traits),
    group: (accountId, traits) => current()?.group(accountId, traits),
    track: (event, properties) => current()?.track(event, properties),
    page: () => current()?.page(),
    reset: () => current()?.reset(),
    on: (name, listener) => current()?.on(name, listener),
  };
}
