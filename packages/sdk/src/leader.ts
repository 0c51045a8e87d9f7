/**
 * Runs `onLead` in exactly one tab of the origin at a time: the holder of the Web Lock
 * `name`. The lock is released when the tab dies, so the next waiting tab takes over.
 * Without Web Locks (old browsers) this tab leads alone.
 *
 * @returns `ready`, settled once this tab knows whether it leads now (so a flush can tell
 *   whether to send or to wake the leader), and `stop`, which gives up leadership or the place in line
 */
export function lead(name: string, onLead: () => void): { ready: Promise<unknown>; stop: () => void } {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  if (!locks) return { ready: Promise.resolve(onLead()), stop: () => {} };
  const abort = new AbortController();
  let release: (() => void) | undefined;
  const hold = () => new Promise<void>((r) => ((release = r), onLead()));
  // Try without waiting first: `ready` then settles at once, whether or not another tab leads.
  const ready = new Promise((settled) =>
    locks
      .request(name, { ifAvailable: true }, (lock) => {
        settled(0);
        if (lock) return hold();
        if (!abort.signal.aborted) void locks.request(name, { signal: abort.signal }, hold).catch(() => {});
      })
      // AbortError when stopped while still waiting in line.
      .catch(() => settled(0)),
  );
  return {
    ready,
    stop: () => {
      abort.abort();
      release?.();
    },
  };
}

/** A message between the tabs of one origin. `f`: please flush; `a`: these messageIds are done. */
export type TabMessage = { f: 1 } | { a: string[] };

/**
 * Opens the BroadcastChannel the tabs use to wake the leader and share acknowledgements;
 * undefined where BroadcastChannel is missing (the leader then polls on a timer).
 */
export function openChannel(name: string, onMessage: (m: TabMessage) => void): BroadcastChannel | undefined {
  if (typeof BroadcastChannel === 'undefined') return undefined;
  const c = new BroadcastChannel(name);
  c.onmessage = (e: MessageEvent<TabMessage>) => onMessage(e.data);
  return c;
}
