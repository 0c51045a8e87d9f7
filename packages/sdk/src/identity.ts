import type { JsonObject } from '@cairn/protocol';
import { uuid } from './uuid.ts';

/** Who the events are about; read by modules built on the core (milestones, targeting). */
export interface Identity {
  anonymousId: string;
  userId?: string;
  groupId?: string;
  /** Merged traits of every `identify()` since the last reset. */
  traits: JsonObject;
  /** Merged traits of every `group()` since the last reset. */
  groupTraits: JsonObject;
}

/** The identity and where it is kept. */
export interface IdentityStore {
  get(): Identity;
  set(patch: Partial<Identity>): void;
  /** Forgets user, group and traits and starts a new anonymousId. */
  reset(): void;
  /** Starts persisting (consent given): adopts a stored identity, else writes this one. */
  load(): void;
  /** Stops persisting and deletes what was stored (consent withdrawn). */
  forget(): void;
}

const KEY = 'cairn_id';

/** localStorage, or nothing where it is missing or throws (Safari private mode, sandboxed iframes, cookies blocked). */
function local(): Storage | undefined {
  try {
    const s = localStorage;
    s.getItem(KEY);
    return s;
  } catch {
    return undefined;
  }
}

/**
 * Creates the identity. It lives in memory until `load()`, so nothing touches storage
 * before consent; without localStorage it lasts for the page only.
 */
export function createIdentity(): IdentityStore {
  let id: Identity = { anonymousId: uuid(), traits: {}, groupTraits: {} };
  let s: Storage | undefined;
  const save = () => {
    try {
      s?.setItem(KEY, JSON.stringify(id));
    } catch {
      // Quota exceeded: the identity still holds for this page.
    }
  };
  return {
    get: () => id,
    set(patch) {
      id = { ...id, ...patch };
      save();
    },
    reset() {
      id = { anonymousId: uuid(), traits: {}, groupTraits: {} };
      save();
    },
    load() {
      s = local();
      try {
        const stored = JSON.parse(s?.getItem(KEY) ?? 'null') as Identity | null;
        if (stored && typeof stored.anonymousId === 'string') {
          // What was set on this page before consent wins over what is stored.
          id = {
            anonymousId: stored.anonymousId,
            userId: id.userId ?? stored.userId,
            groupId: id.groupId ?? stored.groupId,
            traits: { ...stored.traits, ...id.traits },
            groupTraits: { ...stored.groupTraits, ...id.groupTraits },
          };
        }
      } catch {
        // Unreadable entry: overwritten below.
      }
      save();
    },
    forget() {
      try {
        s?.removeItem(KEY);
      } catch {
        // Nothing stored to delete.
      }
      s = undefined;
    },
  };
}
