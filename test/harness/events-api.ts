import { waitFor } from './wait-for.ts';

/** One stored event as the collector's `GET /v1/events` returns it. */
export interface StoredEvent {
  seq: number;
  type: 'identify' | 'group' | 'track' | 'page';
  messageId: string;
  userId?: string;
  anonymousId?: string;
  groupId?: string;
  event?: string;
  name?: string;
  /** Skew-corrected time. */
  timestamp: string;
  receivedAt: string;
  properties?: Record<string, unknown>;
  traits?: Record<string, unknown>;
  context?: Record<string, unknown>;
}

/** Filters of `GET /v1/events`. */
export interface EventQuery {
  userId?: string;
  anonymousId?: string;
  event?: string;
}

/** Reads what the collector stored, the only source of truth the end-to-end tests assert on. */
export interface EventsApi {
  /** Every stored event matching `query`, in `seq` order (follows `next` through all pages; events-api.spec.ts checks the paging itself). */
  list(query?: EventQuery): Promise<StoredEvent[]>;
  /** Polls until at least `count` events match, then returns them all. */
  waitForCount(count: number, query?: EventQuery, timeout?: number): Promise<StoredEvent[]>;
}

/** An {@link EventsApi} for the collector at `baseUrl`, authenticated with a secret key. */
export function eventsApi(baseUrl: string, secretKey: string): EventsApi {
  const list = async (query: EventQuery = {}) => {
    const events: StoredEvent[] = [];
    let after: number | null = 0;
    while (after !== null) {
      const params = new URLSearchParams({ ...query, limit: '10000', after: String(after) });
      const response = await fetch(`${baseUrl}/v1/events?${params}`, {
        headers: { authorization: `Bearer ${secretKey}` },
        signal: AbortSignal.timeout(5_000),
      });
      if (!response.ok) throw new Error(`Failed to list events: ${response.status} ${await response.text()}. Please check the secret key and query.`);
      const page = (await response.json()) as { events: StoredEvent[]; next: number | null };
      events.push(...page.events);
      after = page.next;
    }
    // Order is asserted once, in events-api.spec.ts; the behaviour tests should not fail on it.
    return events.sort((a, b) => a.seq - b.seq);
  };
  return {
    list,
    waitForCount: (count, query = {}, timeout = 20_000) =>
      waitFor(`${count} stored events matching ${JSON.stringify(query)}`, async () => {
        const events = await list(query);
        return events.length >= count ? events : undefined;
      }, { timeout, interval: 200 }),
  };
}

/** messageIds that occur more than once in `events` (empty when every event is stored once). */
export function repeatedMessageIds(events: readonly { messageId: string }[]): string[] {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const { messageId } of events) (seen.has(messageId) ? repeated : seen).add(messageId);
  return [...repeated];
}
