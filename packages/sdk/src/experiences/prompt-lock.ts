const NAME = 'cairn:prompt';
/** A claim older than this is from a tab that died with a prompt on screen. */
const CLAIM_MS = 10 * 60_000;

/**
 * Claims the right to show a prompt in this origin, without waiting: resolves to a release
 * function, or undefined when another tab (or client) shows one now. Uses the Web Lock
 * `cairn:prompt` (`ifAvailable`), held until released or the tab dies; without Web Locks, a
 * timestamped claim in localStorage.
 */
export function claimPrompt(locks: LockManager | undefined = navigator.locks, storage: Storage | undefined = globalThis.localStorage): Promise<(() => void) | undefined> {
  if (!locks) return Promise.resolve(storageClaim(storage));
  return new Promise((resolve) => {
    locks
      .request(NAME, { ifAvailable: true }, (lock) => {
        if (!lock) return resolve(undefined);
        return new Promise<void>((release) => resolve(() => release()));
      })
      .catch(() => resolve(undefined));
  });
}

function storageClaim(storage: Storage | undefined): (() => void) | undefined {
  const mine = Math.random().toString(36).slice(2);
  try {
    const [at] = (storage?.getItem(NAME) ?? '0').split(' ');
    if (Date.now() - Number(at) < CLAIM_MS) return undefined;
    storage?.setItem(NAME, Date.now() + ' ' + mine);
    return () => {
      if (storage?.getItem(NAME)?.endsWith(mine)) storage.removeItem(NAME);
    };
  } catch {
    // No storage at all: this tab cannot coordinate, so it may show.
    return () => {};
  }
}
