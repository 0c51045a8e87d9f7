import type { WireEvent } from '@cairn/protocol';
import { clear, createStore, delMany, setMany, values } from 'idb-keyval';

/** Where unsent events wait: IndexedDB (shared by every tab of the origin) or this tab's memory. */
export interface QueueStore {
  /** True when the store outlives the page and is shared with other tabs. */
  durable: boolean;
  /** Adds events, one key per messageId, so tabs never read-modify-write each other's data. */
  put(events: WireEvent[]): Promise<void>;
  /** Every waiting event, oldest first. */
  all(): Promise<WireEvent[]>;
  del(messageIds: string[]): Promise<void>;
  clear(): Promise<void>;
}

/** A stored event with its sort key: timestamp, then the order of recording within a millisecond. */
type Row = [string, WireEvent];
let seq = 0;
const row = (e: WireEvent): [string, Row] => [e.messageId, [e.timestamp + (1e9 + seq++), e]];

/** A queue in this tab's memory: the fallback where IndexedDB is missing or throws. */
export function memoryStore(): QueueStore {
  const m = new Map<string, WireEvent>();
  return {
    durable: false,
    put: async (events) => void events.forEach((e) => m.set(e.messageId, e)),
    all: async () => [...m.values()],
    del: async (ids) => void ids.forEach((id) => m.delete(id)),
    clear: async () => m.clear(),
  };
}

/**
 * Opens the shared IndexedDB queue (`cairn` database, `queue` store), or a memory queue when
 * IndexedDB is missing or fails — Firefox private mode and some embedded webviews throw on
 * `indexedDB.open`, older Safari private mode fails the first transaction, hence the probe.
 */
export async function openStore(): Promise<QueueStore> {
  try {
    const s = createStore('cairn', 'queue');
    const all = async () => ((await values(s)) as Row[]).sort((a, b) => (a[0] < b[0] ? -1 : 1)).map((r) => r[1]);
    await all();
    return {
      durable: true,
      put: (events) => setMany(events.map(row), s),
      all,
      del: (ids) => delMany(ids, s),
      clear: () => clear(s),
    };
  } catch {
    return memoryStore();
  }
}
