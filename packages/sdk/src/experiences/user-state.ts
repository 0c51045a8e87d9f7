import type { Identity } from '../identity.ts';

/** A checklist's progress; `mode` and `restoredAt` stay on this device. */
export interface ChecklistState {
  completedSteps: Record<string, string>;
  dismissedAt?: string;
  completedAt?: string;
  restoredAt?: string;
  mode?: 'launcher' | 'open' | 'minimised';
}

/** When a survey was last shown, answered and dismissed. */
export interface SurveyState {
  shownAt?: string;
  respondedAt?: string;
  dismissedAt?: string;
}

/** `GET /v1/state`: the user's progress derived by the collector from the reserved events. */
export interface ServerState {
  milestones?: Record<string, string>;
  checklists?: Record<string, Omit<ChecklistState, 'mode' | 'restoredAt'>>;
  surveys?: Record<string, SurveyState>;
  lastPromptAt?: string;
}

/** Everything the engine remembers about one user (ISO times). */
export interface UserState {
  milestones: Record<string, string>;
  /** Matching events counted toward milestones not reached yet. */
  counts: Record<string, number>;
  /** Names of events the user tracked (for `target.event`). */
  events: Record<string, 1>;
  checklists: Record<string, ChecklistState>;
  surveys: Record<string, SurveyState>;
  lastPromptAt?: string;
  activatedAt?: string;
}

const PREFIX = 'cairn_x:';

/** The storage key of a user's state: the userId once known, else the anonymousId. */
export const stateKey = (id: Identity): string => PREFIX + (id.userId ? 'u:' + id.userId : 'a:' + id.anonymousId);

export const emptyState = (): UserState => ({ milestones: {}, counts: {}, events: {}, checklists: {}, surveys: {} });

type Time = string | undefined;
const earliest = (a: Time, b: Time): Time => (a && b ? (a < b ? a : b) : (a ?? b));
const latest = (a: Time, b: Time): Time => (a && b ? (a > b ? a : b) : (a ?? b));

/** Merges time maps: a key reached on either side is reached, at the earlier time. */
const union = (a: Record<string, string> = {}, b: Record<string, string> = {}) => {
  const out = { ...a };
  for (const k in b) out[k] = earliest(out[k], b[k])!;
  return out;
};

/**
 * Folds another view of the same user (the collector's `/v1/state`, or the state kept while
 * anonymous) into `s`. Progress only moves forward: reached/completed take the earlier time,
 * shown/answered/dismissed the later one, so merging twice changes nothing.
 */
export function mergeState(s: UserState, other: ServerState & Partial<UserState>): UserState {
  const out: UserState = {
    ...s,
    milestones: union(s.milestones, other.milestones),
    counts: { ...other.counts, ...s.counts },
    events: { ...other.events, ...s.events },
    checklists: { ...s.checklists },
    surveys: { ...s.surveys },
  };
  const lp = latest(s.lastPromptAt, other.lastPromptAt);
  if (lp) out.lastPromptAt = lp;
  for (const [id, c] of Object.entries(other.checklists ?? {})) {
    const mine: ChecklistState = out.checklists[id] ?? { completedSteps: {} };
    const merged: ChecklistState = { ...mine, completedSteps: union(mine.completedSteps, c.completedSteps) };
    const d = latest(mine.dismissedAt, c.dismissedAt);
    const done = earliest(mine.completedAt, c.completedAt);
    if (d) merged.dismissedAt = d;
    if (done) merged.completedAt = done;
    out.checklists[id] = merged;
  }
  for (const [id, v] of Object.entries(other.surveys ?? {})) {
    const mine = out.surveys[id] ?? {};
    const merged: SurveyState = {};
    for (const k of ['shownAt', 'respondedAt', 'dismissedAt'] as const) {
      const t = latest(mine[k], v[k]);
      if (t) merged[k] = t;
    }
    out.surveys[id] = merged;
  }
  return out;
}

/** The user's state in localStorage, read fresh on every call (another tab may have written it). */
export interface StateStore {
  read(id: Identity): UserState;
  /** Read, change and write back in one task, so tabs do not overwrite each other's progress. */
  update(id: Identity, change: (s: UserState) => void): UserState;
  /** Folds the anonymous visitor's state into the user's, once the user is identified. */
  adopt(id: Identity): void;
  /** Deletes every user's state (consent withdrawn). */
  clear(): void;
}

/**
 * Creates the state store. Without localStorage (blocked, private mode) state lives in
 * memory for the page only.
 */
export function createStateStore(storage: Storage | undefined = safeLocalStorage()): StateStore {
  const memory = new Map<string, string>();
  const get = (k: string) => {
    try {
      return storage ? storage.getItem(k) : (memory.get(k) ?? null);
    } catch {
      return memory.get(k) ?? null;
    }
  };
  const set = (k: string, v: string) => {
    memory.set(k, v);
    try {
      storage?.setItem(k, v);
    } catch {
      // Quota exceeded: the memory copy holds for this page.
    }
  };
  const read = (id: Identity): UserState => {
    try {
      return { ...emptyState(), ...(JSON.parse(get(stateKey(id)) ?? 'null') as UserState | null) };
    } catch {
      return emptyState();
    }
  };
  return {
    read,
    update(id, change) {
      const s = read(id);
      change(s);
      set(stateKey(id), JSON.stringify(s));
      return s;
    },
    adopt(id) {
      if (!id.userId) return;
      const anon = { ...id, userId: undefined };
      const k = stateKey(anon);
      if (get(k) === null) return;
      const merged = mergeState(read(id), read(anon));
      set(stateKey(id), JSON.stringify(merged));
      try {
        storage?.removeItem(k);
      } catch {
        // Left behind: merging it again later changes nothing.
      }
      memory.delete(k);
    },
    clear() {
      memory.clear();
      try {
        for (const k of Object.keys(storage ?? {})) if (k.startsWith(PREFIX)) storage!.removeItem(k);
      } catch {
        // Storage gone meanwhile: nothing left to delete.
      }
    },
  };
}

function safeLocalStorage(): Storage | undefined {
  try {
    localStorage.getItem(PREFIX);
    return localStorage;
  } catch {
    return undefined;
  }
}
