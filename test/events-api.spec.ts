// The verification endpoint every other test relies on: GET /v1/events pages in seq order.
import { randomUUID } from 'node:crypto';
import { workspace } from './harness/collector-process.ts';
import type { StoredEvent } from './harness/events-api.ts';
import { expect, test } from './harness/fixtures.ts';

async function postEvents(url: string, anonymousId: string, from: number, count: number): Promise<void> {
  const now = new Date().toISOString();
  const batch = Array.from({ length: count }, (_, k) => ({ type: 'track', messageId: randomUUID(), timestamp: now, anonymousId, event: 'Paged', properties: { i: from + k } }));
  const response = await fetch(`${url}/v1/batch`, {
    method: 'POST',
    headers: { 'content-type': 'text/plain' },
    body: JSON.stringify({ batch, sentAt: now, writeKey: workspace.writeKey }),
  });
  expect(response.status).toBe(200);
}

async function page(url: string, anonymousId: string, limit: number, after: number) {
  const response = await fetch(`${url}/v1/events?${new URLSearchParams({ anonymousId, limit: String(limit), after: String(after) })}`, {
    headers: { authorization: `Bearer ${workspace.secretKey}` },
  });
  expect(response.status).toBe(200);
  return (await response.json()) as { events: StoredEvent[]; next: number | null };
}

test('GET /v1/events returns events in seq order and pages through all of them with next', async ({ collector }) => {
  const anonymousId = `anon-${randomUUID()}`;
  await postEvents(collector.url, anonymousId, 0, 1);
  const [first] = (await page(collector.url, anonymousId, 10, 0)).events;
  // Cross the next power of ten of seq (e.g. 9 → 10, 99 → 100), where a text sort would put "10" before "9".
  const boundary = 10 ** String(first!.seq).length;
  const total = Math.min(boundary - first!.seq + 5, 3_000);
  for (let i = 1; i < total; i += 2_000) await postEvents(collector.url, anonymousId, i, Math.min(2_000, total - i));

  const all: StoredEvent[] = [];
  const limit = Math.max(3, Math.ceil(total / 4));
  let after: number | null = 0;
  for (let pages = 0; after !== null && pages < 10; pages += 1) {
    const next = await page(collector.url, anonymousId, limit, after);
    all.push(...next.events);
    after = next.next;
  }
  const seqs = all.map((e) => e.seq);
  expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
  expect(all.map((e) => e.properties?.i)).toEqual(Array.from({ length: total }, (_, i) => i));
});
